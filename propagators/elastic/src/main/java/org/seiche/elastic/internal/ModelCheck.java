package org.seiche.elastic.internal;

import org.seiche.api.Model;
import org.seiche.api.SeicheException;

/** Refuses an elastic model that cannot be propagated, naming the parameter and cell. */
final class ModelCheck {
    /** vp may undershoot sqrt(2) vs by this relative amount in vp^2 (rounding of a lamb = 0 model). */
    private static final double RATIO_TOLERANCE = 1e-6;

    private ModelCheck() {
    }

    static void check(Model model, ParameterSet set) {
        int[] shape = model.shape();
        if (shape.length < 1 || shape.length > 3) {
            throw new SeicheException("model: the elastic propagator is 1-D, 2-D or 3-D, got a " + shape.length + "-D model");
        }
        for (double h : model.spacing()) {
            if (!(h > 0) || Double.isInfinite(h)) {
                throw new SeicheException("model.spacing: must be positive, got " + h);
            }
        }
        for (String name : set.names()) {
            double[] v = model.parameter(name).data();
            for (int i = 0; i < v.length; i++) {
                if (Double.isNaN(v[i]) || Double.isInfinite(v[i])) {
                    throw new SeicheException("model.parameters." + name + ": " + v[i] + " at cell " + cell(i, shape));
                }
                if (v[i] < 0) {
                    throw new SeicheException("model.parameters." + name + ": negative value " + v[i] + " at cell "
                            + cell(i, shape));
                }
            }
        }
        if (set == ParameterSet.VELOCITY) {
            double[] vp = model.parameter("vp").data();
            double[] vs = model.parameter("vs").data();
            for (int i = 0; i < vp.length; i++) {
                if (vp[i] * vp[i] < 2 * vs[i] * vs[i] * (1 - RATIO_TOLERANCE)) {
                    throw new SeicheException("model.parameters: vp < sqrt(2) vs at cell " + cell(i, shape) + " (vp = "
                            + vp[i] + ", vs = " + vs[i] + "), which would make lamb negative");
                }
            }
        }
    }

    static String cell(int flat, int[] shape) {
        int[] at = new int[shape.length];
        for (int d = shape.length - 1, rest = flat; d >= 0; d--) {
            at[d] = rest % shape[d];
            rest /= shape[d];
        }
        return java.util.Arrays.toString(at);
    }
}
