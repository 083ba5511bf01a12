package org.seiche.api;

/** Helpers for splitting shot-major arrays ([shots, ...]) into batches and back. */
public final class Batches {
    private Batches() {
    }

    /** Rows of a shot-major array for the given shots, in that order. */
    public static NdArray selectShots(NdArray a, int[] shots) {
        int[] shape = a.shape();
        int block = a.size() / Math.max(1, shape[0]);
        double[] out = new double[shots.length * block];
        for (int i = 0; i < shots.length; i++) {
            System.arraycopy(a.data(), shots[i] * block, out, i * block, block);
        }
        shape[0] = shots.length;
        return new NdArray(shape, out);
    }

    /** Writes the rows of a batch array back into the full shot-major array. */
    public static void scatterShots(NdArray batch, int[] shots, NdArray full) {
        int block = full.size() / Math.max(1, full.dim(0));
        for (int i = 0; i < shots.length; i++) {
            System.arraycopy(batch.data(), i * block, full.data(), shots[i] * block, block);
        }
    }

    /** Shot indices split into consecutive batches of at most perBatch shots. */
    public static int[][] split(int shots, int perBatch) {
        int per = Math.max(1, Math.min(perBatch, Math.max(shots, 1)));
        int n = (shots + per - 1) / per;
        int[][] out = new int[n][];
        for (int b = 0; b < n; b++) {
            int lo = b * per;
            int hi = Math.min(shots, lo + per);
            out[b] = new int[hi - lo];
            for (int i = lo; i < hi; i++) {
                out[b][i - lo] = i;
            }
        }
        return out;
    }
}
