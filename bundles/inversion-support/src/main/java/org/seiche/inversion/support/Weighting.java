package org.seiche.inversion.support;

import org.seiche.api.Mapping;
import org.seiche.api.NdArray;

/**
 * A preconditioner that weights the gradient cell by cell (region of interest, cutouts):
 * the model passes unchanged, g_x = w g_m. Diagonal, so it is its own adjoint.
 */
public final class Weighting implements Mapping.Link {
    private final double[] weights;

    public Weighting(double[] weights) {
        this.weights = weights;
    }

    @Override
    public NdArray toSimulation(NdArray x) {
        return x;
    }

    @Override
    public NdArray toInversion(NdArray m) {
        return m;
    }

    @Override
    public NdArray gradientToInversion(NdArray x, NdArray g) {
        return times(weights, g);
    }

    /** w a, cell by cell, as a new array. */
    public static NdArray times(double[] w, NdArray a) {
        double[] in = a.data();
        double[] out = new double[in.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = w[i] * in[i];
        }
        return new NdArray(a.shape(), out);
    }
}
