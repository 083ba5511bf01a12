package org.seiche.optimisers.newton;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.seiche.api.Objective;

/**
 * The full Hessian at x, one product per unit vector asked for in one batch (the pipeline's
 * objective runs them together), made exactly symmetric.
 */
final class DenseHessian {
    private DenseHessian() {
    }

    static RealMatrix at(Objective f, double[] x) {
        int n = x.length;
        double[][] units = new double[n][n];
        for (int j = 0; j < n; j++) {
            units[j][j] = 1;
        }
        double[][] h = HessianProducts.batch(f, x, units, NewtonOptimiser.NAME);
        // rows are the products' columns; (H + H^T) / 2 removes the products' rounding asymmetry
        double[][] sym = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sym[i][j] = 0.5 * (h[i][j] + h[j][i]);
            }
        }
        return new Array2DRowRealMatrix(sym, false);
    }
}
