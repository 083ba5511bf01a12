package org.seiche.optimisers.newton;

import org.seiche.api.Objective;
import org.seiche.api.SeicheException;

/** H w from the objective, or one line saying that this run cannot give it. */
final class HessianProducts {
    private HessianProducts() {
    }

    static double[] times(Objective f, double[] x, double[] w, String optimiser) {
        try {
            return f.hessianVector(x, w);
        } catch (UnsupportedOperationException e) {
            throw new SeicheException("inversion.optimiser: " + optimiser + " needs Hessian-vector products and "
                    + e.getMessage() + "; use lbfgs, or a propagator that gives them");
        }
    }
}
