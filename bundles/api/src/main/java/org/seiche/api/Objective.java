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

    /**
     * H w at x for each direction w, in order: the same values as one {@link #hessianVector}
     * call each. An objective that can share work between the products (the pipeline's
     * models the shots once for all of them and runs them in parallel) overrides it.
     */
    default double[][] hessianVectors(double[] x, double[][] directions) {
        double[][] products = new double[directions.length][];
        for (int i = 0; i < directions.length; i++) {
            products[i] = hessianVector(x, directions[i]);
        }
        return products;
    }

    /** The value and gradient at a point. */
    record Evaluation(double loss, double[] gradient) {
    }
}
