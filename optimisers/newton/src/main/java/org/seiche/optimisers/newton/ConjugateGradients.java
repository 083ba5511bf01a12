package org.seiche.optimisers.newton;

import org.seiche.api.Objective;
import org.seiche.inversion.support.Vectors;

/**
 * Newton-CG's inner solve (Nocedal and Wright, algorithm 7.1): conjugate gradients on
 * H p = -g from p = 0, one Hessian product per iteration, stopping at the iteration limit,
 * at ||r|| <= tolerance ||g||, or on a direction of non-positive curvature, where H is not
 * positive definite and CG's model has no minimum.
 */
final class ConjugateGradients {
    /** The step found, and whether negative curvature stopped CG before its first step. */
    record Result(double[] p, boolean negativeCurvatureAtStart) {
    }

    private ConjugateGradients() {
    }

    static Result solve(Objective f, double[] x, double[] g, int maxIterations, double tolerance) {
        double[] p = new double[g.length];
        double[] r = g.clone();
        double[] d = Vectors.scale(-1, g);
        double rr = Vectors.dot(r, r);
        double stop = tolerance * tolerance * rr;
        for (int j = 0; j < maxIterations; j++) {
            double[] hd = HessianProducts.times(f, x, d, TruncatedNewtonOptimiser.NAME);
            double curvature = Vectors.dot(d, hd);
            if (!(curvature > 0)) {
                return new Result(p, j == 0);
            }
            double alpha = rr / curvature;
            p = Vectors.axpy(alpha, d, p);
            r = Vectors.axpy(alpha, hd, r);
            double rrNext = Vectors.dot(r, r);
            if (rrNext <= stop) {
                return new Result(p, false);
            }
            d = Vectors.axpy(rrNext / rr, d, Vectors.scale(-1, r));
            rr = rrNext;
        }
        return new Result(p, false);
    }
}
