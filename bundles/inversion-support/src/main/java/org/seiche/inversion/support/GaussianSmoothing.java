package org.seiche.inversion.support;

import java.util.Arrays;

import org.seiche.api.Model;
import org.seiche.api.NdArray;

/**
 * S: separable Gaussian smoothing of a grid, the standard deviation given in metres per
 * dimension. Kernels are truncated at 4 standard deviations and normalised, and lines are
 * extended by half-sample mirroring (... b a | a b c ... z | z y ...). With that boundary
 * each 1-D operator is Toeplitz + Hankel with a symmetric kernel, hence a symmetric matrix
 * whose rows sum to 1: S keeps constants (model edges do not sag) and S^T = S exactly, so
 * one routine is both the map and its adjoint. Shared by the smoothing mappings and the
 * pipeline's smoothed start models.
 */
public final class GaussianSmoothing {
    private static final double TRUNCATE = 4;

    private final int[] shape;
    /** Per axis; null where that axis is not smoothed. */
    private final double[][] kernels;

    public GaussianSmoothing(int[] shape, double[] spacing, double[] lengths) {
        this.shape = shape.clone();
        this.kernels = new double[shape.length][];
        for (int a = 0; a < shape.length; a++) {
            if (lengths[a] > 0) {
                kernels[a] = kernel(lengths[a] / spacing[a]);
            }
        }
    }

    /** From a mapping's {lengths} on the model's grid. */
    public static GaussianSmoothing of(Settings s, Model model) {
        double[] lengths = s.numbers("lengths", model.spacing().length);
        for (double l : lengths) {
            if (l < 0) {
                throw s.fail("lengths", "must not be negative, got " + Arrays.toString(lengths));
            }
        }
        return new GaussianSmoothing(model.shape(), model.spacing(), lengths);
    }

    public NdArray apply(NdArray a) {
        double[] v = a.data();
        for (int axis = 0; axis < shape.length; axis++) {
            if (kernels[axis] != null) {
                v = smoothAxis(v, axis, kernels[axis]);
            }
        }
        return v == a.data() ? a : new NdArray(shape, v);
    }

    /** exp(-k^2 / 2 sigma^2) for |k| <= ceil(4 sigma) cells, summing to 1. */
    private static double[] kernel(double sigma) {
        int r = (int) Math.ceil(TRUNCATE * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int j = -r; j <= r; j++) {
            k[j + r] = Math.exp(-0.5 * j * j / (sigma * sigma));
            sum += k[j + r];
        }
        for (int j = 0; j < k.length; j++) {
            k[j] /= sum;
        }
        return k;
    }

    private double[] smoothAxis(double[] in, int axis, double[] kernel) {
        int n = shape[axis];
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        int r = kernel.length / 2;
        double[] out = new double[in.length];
        double[] line = new double[n + 2 * r];
        for (int outer = 0; outer < in.length; outer += n * stride) {
            for (int inner = 0; inner < stride; inner++) {
                int base = outer + inner;
                for (int j = 0; j < line.length; j++) {
                    line[j] = in[base + mirror(j - r, n) * stride];
                }
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < kernel.length; j++) {
                        s += kernel[j] * line[i + j];
                    }
                    out[base + i * stride] = s;
                }
            }
        }
        return out;
    }

    /** Index j of the half-sample mirrored extension of a line of n cells (period 2n). */
    static int mirror(int j, int n) {
        int p = Math.floorMod(j, 2 * n);
        return p < n ? p : 2 * n - 1 - p;
    }
}
