package org.seiche.optimisers.newton;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.seiche.api.SeicheException;

/**
 * The Newton step of seed 002: tau = max(-1.5 lambda_min, 0), then (H + tau I) h = -g by
 * Cholesky. When H is singular to rounding (lambda_min ~ 0, so tau ~ 0) the factorisation
 * fails; tau is then raised from a tiny fraction of the largest |eigenvalue| until it holds.
 */
final class ShiftedCholesky {
    /** Pivots below this fraction of the largest |eigenvalue| count as not positive. */
    private static final double PIVOT = 1e-14;
    /** The first shift tried when tau alone does not make H + tau I positive definite. */
    private static final double FLOOR = 1e-10;
    private static final int RAISES = 64;

    /** A Newton step h and the shift tau that gave it. */
    record Step(double[] h, double tau) {
    }

    private ShiftedCholesky() {
    }

    static Step solve(RealMatrix hessian, double[] g) {
        double[] eigenvalues = new EigenDecomposition(hessian).getRealEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (double e : eigenvalues) {
            min = Math.min(min, e);
            largest = Math.max(largest, Math.abs(e));
        }
        if (largest == 0) {
            throw new SeicheException("inversion.optimiser: the Hessian is zero at this model, so newton has no step;"
                    + " use lbfgs or check that the loss depends on the inverted parameters");
        }
        double tau = Math.max(-1.5 * min, 0);
        for (int i = 0; i < RAISES; i++) {
            try {
                RealMatrix shifted = hessian.add(MatrixUtils.createRealIdentityMatrix(g.length).scalarMultiply(tau));
                CholeskyDecomposition c = new CholeskyDecomposition(shifted,
                        CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, PIVOT * largest);
                double[] h = c.getSolver().solve(new ArrayRealVector(g, true).mapMultiply(-1)).toArray();
                return new Step(h, tau);
            } catch (NonPositiveDefiniteMatrixException e) {
                tau = Math.max(2 * tau, FLOOR * largest);
            }
        }
        throw new IllegalStateException("no shift made the Hessian positive definite; largest |eigenvalue| " + largest);
    }
}
