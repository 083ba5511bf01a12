package org.seiche.elastic.internal;

import org.seiche.api.Model;
import org.seiche.api.SeicheException;
import org.seiche.wave.ParameterSets;

/** Refuses an elastic model that cannot be propagated, naming the parameter and cell. */
final class ModelCheck {
    /** vp may undershoot sqrt(2) vs by this relative amount in vp^2 (rounding of a lamb = 0 model). */
    private static final double RATIO_TOLERANCE = 1e-6;

    private ModelCheck() {
    }

    static void check(Model model, ParameterSet set) {
        ParameterSet.SETS.checkModel(model, set.names());
        int[] shape = model.shape();
        if (set == ParameterSet.VELOCITY) {
            double[] vp = model.parameter("vp").data();
            double[] vs = model.parameter("vs").data();
            for (int i = 0; i < vp.length; i++) {
                if (vp[i] * vp[i] < 2 * vs[i] * vs[i] * (1 - RATIO_TOLERANCE)) {
                    throw new SeicheException("model.parameters: vp < sqrt(2) vs at cell " + ParameterSets.cell(i, shape)
                            + " (vp = " + vp[i] + ", vs = " + vs[i] + "), which would make lamb negative");
                }
            }
        }
    }
}
