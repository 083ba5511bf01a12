package org.seiche.optimisers.newton;

import java.util.function.Supplier;
import org.seiche.api.Objective;
import org.seiche.api.SeicheException;

/** H w from the objective, or one line saying that this run cannot give it. */
final class HessianProducts {
    private HessianProducts() {
    }

    static double[] times(Objective f, double[] x, double[] w, String optimiser) {
        return given(() -> f.hessianVector(x, w), optimiser);
    }

    /** H w for each direction, in one call so that the objective can share work between them. */
    static double[][] batch(Objective f, double[] x, double[][] ws, String optimiser) {
        return given(() -> f.hessianVectors(x, ws), optimiser);
    }

    private static <T> T given(Supplier<T> products, String optimiser) {
        try {
            return products.get();
        } catch (UnsupportedOperationException e) {
            throw new SeicheException("inversion.optimiser: " + optimiser + " needs Hessian-vector products and "
                    + e.getMessage() + "; use lbfgs, or a propagator that gives them");
        }
    }
}
