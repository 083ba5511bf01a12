package org.seiche.api;

/** What an optimiser minimises, over a flat vector of inversion-space values. */
public interface Objective {
    Evaluation evaluate(double[] x);

    /**
     * The feasible point nearest x in the sense of the mappings' projections (bounds);
     * optimisers evaluate and return projected points, so the loss they see is the loss
     * of the model kept.
     */
    default double[] project(double[] x) {
        return x;
    }

    /** H w at x; optimisers that need it call it, others never do. */
    default double[] hessianVector(double[] x, double[] w) {
        throw new UnsupportedOperationException("this objective gives no Hessian-vector products");
    }

    /** The value and gradient at a point. */
    record Evaluation(double loss, double[] gradient) {
    }
}
