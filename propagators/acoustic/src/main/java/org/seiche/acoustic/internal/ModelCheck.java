package org.seiche.acoustic.internal;

import org.seiche.api.Model;
import org.seiche.api.SeicheException;

/** Refuses an acoustic model that cannot be propagated, naming the parameter and cell. */
final class ModelCheck {
    private ModelCheck() {
    }

    static void check(Model model, ParameterSet set) {
        int[] shape = model.shape();
        if (shape.length < 1 || shape.length > 3) {
            throw new SeicheException("model: the acoustic propagator is 1-, 2- or 3-D, got a " + shape.length + "-D model");
        }
        for (double h : model.spacing()) {
            if (!(h > 0) || Double.isInfinite(h)) {
                throw new SeicheException("model.spacing: must be positive, got " + h);
            }
        }
        for (String name : set.names()) {
            double[] v = model.parameter(name).data();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new SeicheException("model.parameters." + name + ": " + v[i] + " at cell " + cell(i, shape));
                }
                if (v[i] < 0) {
                    throw new SeicheException("model.parameters." + name + ": negative value " + v[i] + " at cell "
                            + cell(i, shape));
                }
            }
        }
    }

    static String cell(int flat, int[] shape) {
        int[] c = new int[shape.length];
        int rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            c[d] = rest % shape[d];
            rest /= shape[d];
        }
        return java.util.Arrays.toString(c);
    }
}
