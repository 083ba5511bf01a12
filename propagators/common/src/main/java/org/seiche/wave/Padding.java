package org.seiche.wave;

/**
 * Padding an N-d model (row-major) into a larger grid, and the adjoint that sums the
 * padded grid's values back onto the model. Cells beyond the model either repeat the
 * nearest edge value (velocities into the PML) or are zero (Born's scatter), and a
 * zone of guard cells beyond the PML may be zeroed in either case.
 */
public final class Padding {
    private final int[] shape;
    private final int[] before;
    private final int[] padded;
    private final int paddedSize;

    /** before[d] / after[d]: cells added at the start / end of dimension d. */
    public Padding(int[] shape, int[] before, int[] after) {
        this.shape = shape.clone();
        this.before = before.clone();
        this.padded = new int[shape.length];
        int n = 1;
        for (int d = 0; d < shape.length; d++) {
            padded[d] = shape[d] + before[d] + after[d];
            n *= padded[d];
        }
        this.paddedSize = n;
    }

    public int[] paddedShape() {
        return padded.clone();
    }

    public int paddedSize() {
        return paddedSize;
    }

    /** Row-major index into the model of padded cell p with edge repetition. */
    private int sourceIndex(int p) {
        int src = 0;
        int rest = p;
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            int i = rest % padded[d] - before[d];
            rest /= padded[d];
            i = i < 0 ? 0 : Math.min(i, shape[d] - 1);
            src += i * stride;
            stride *= shape[d];
        }
        return src;
    }

    /** Whether padded cell p lies inside the model. */
    private boolean inside(int p) {
        int rest = p;
        for (int d = shape.length - 1; d >= 0; d--) {
            int i = rest % padded[d] - before[d];
            rest /= padded[d];
            if (i < 0 || i >= shape[d]) {
                return false;
            }
        }
        return true;
    }

    /** The model padded by repeating edge values. */
    public double[] extendEdges(double[] model) {
        double[] out = new double[paddedSize];
        for (int p = 0; p < paddedSize; p++) {
            out[p] = model[sourceIndex(p)];
        }
        return out;
    }

    /** The model padded with zeros. */
    public double[] extendZeros(double[] model) {
        double[] out = new double[paddedSize];
        for (int p = 0; p < paddedSize; p++) {
            if (inside(p)) {
                out[p] = model[sourceIndex(p)];
            }
        }
        return out;
    }

    /** Adjoint of {@link #extendEdges}: each padded value is summed onto the model cell it repeats. */
    public double[] sumEdges(double[] paddedValues) {
        double[] out = new double[Math.toIntExact(org.seiche.api.NdArray.size(shape))];
        for (int p = 0; p < paddedSize; p++) {
            out[sourceIndex(p)] += paddedValues[p];
        }
        return out;
    }

    /** Adjoint of {@link #extendZeros}: the model's own cells of the padded array. */
    public double[] crop(double[] paddedValues) {
        double[] out = new double[Math.toIntExact(org.seiche.api.NdArray.size(shape))];
        for (int p = 0; p < paddedSize; p++) {
            if (inside(p)) {
                out[sourceIndex(p)] = paddedValues[p];
            }
        }
        return out;
    }

    /** Flat padded index of a model cell given by its coordinates. */
    public int paddedIndex(int[] cell) {
        int idx = 0;
        for (int d = 0; d < shape.length; d++) {
            idx = idx * padded[d] + cell[d] + before[d];
        }
        return idx;
    }
}
