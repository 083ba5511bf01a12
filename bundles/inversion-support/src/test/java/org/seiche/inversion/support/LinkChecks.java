package org.seiche.inversion.support;

import java.util.Random;

import org.seiche.api.Mapping;
import org.seiche.api.NdArray;

/**
 * Adjoint checks of a mapping link, shared by the mapping bundles' tests (test-jar). Each
 * returns a relative mismatch |a - b| / max(|a|, |b|).
 */
public final class LinkChecks {
    private LinkChecks() {
    }

    /** offset + scale * N(0, 1) in every cell. */
    public static NdArray random(Random r, int[] shape, double offset, double scale) {
        NdArray a = NdArray.zeros(shape);
        for (int i = 0; i < a.size(); i++) {
            a.data()[i] = offset + scale * r.nextGaussian();
        }
        return a;
    }

    public static double dot(NdArray a, NdArray b) {
        return Vectors.dot(a.data(), b.data());
    }

    /** For an affine f: J v = f(x + v) - f(x), against <v, J^T w>. */
    public static double affineAdjointMismatch(Mapping.Link link, NdArray x, NdArray v, NdArray w) {
        NdArray jv = difference(link.toSimulation(shift(x, v, 1)), link.toSimulation(x));
        return relative(dot(jv, w), dot(v, link.gradientToInversion(x, w)));
    }

    /** J v by central differences of f with step eps, against <v, J^T w>. */
    public static double finiteDifferenceMismatch(Mapping.Link link, NdArray x, NdArray v, NdArray w, double eps) {
        NdArray diff = difference(link.toSimulation(shift(x, v, eps)), link.toSimulation(shift(x, v, -eps)));
        return relative(dot(diff, w) / (2 * eps), dot(v, link.gradientToInversion(x, w)));
    }

    /** A preconditioner's gradient map P against its own transpose: <P v, w> vs <v, P w>. */
    public static double selfAdjointMismatch(Mapping.Link link, NdArray x, NdArray v, NdArray w) {
        return relative(dot(link.gradientToInversion(x, v), w), dot(v, link.gradientToInversion(x, w)));
    }

    public static double relative(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    private static NdArray shift(NdArray x, NdArray v, double eps) {
        return new NdArray(x.shape(), Vectors.axpy(eps, v.data(), x.data()));
    }

    private static NdArray difference(NdArray a, NdArray b) {
        return new NdArray(a.shape(), Vectors.minus(a.data(), b.data()));
    }
}
