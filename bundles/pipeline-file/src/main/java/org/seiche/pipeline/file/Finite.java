package org.seiche.pipeline.file;

import org.seiche.api.NdArray;

/**
 * Finds a NaN or an infinity in an array, so that one is named where it enters a run (a
 * file, a shot's loss or gradient) instead of spreading into every result: one pass over
 * values that are there anyway.
 */
public final class Finite {
    private Finite() {
    }

    /** The flat index of the first value that is NaN or infinite, or -1 when all are finite. */
    public static int first(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The index of a flat (C-order) position in an array of this shape, e.g. [2, 5, 130]. */
    public static int[] index(int[] shape, int flat) {
        int[] out = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            out[d] = flat % shape[d];
            flat /= shape[d];
        }
        return out;
    }

    /** "NaN at [2, 5, 130]" for the first non-finite value, or null when all are finite. */
    public static String problem(NdArray a) {
        int i = first(a.data());
        return i < 0 ? null : a.data()[i] + " at " + java.util.Arrays.toString(index(a.shape(), i));
    }
}
