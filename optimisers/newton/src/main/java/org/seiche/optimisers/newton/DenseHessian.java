package org.seiche.optimisers.newton;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.seiche.api.Objective;
import org.seiche.inversion.support.HessianBatches;

/**
 * The full Hessian at x, one product per unit vector (all at once when the objective takes
 * batches of products), made exactly symmetric.
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
        double[][] h;
        if (f instanceof HessianBatches batches) {
            h = batches.hessianVectors(x, units);
        } else {
            h = new double[n][];
            for (int j = 0; j < n; j++) {
                h[j] = HessianProducts.times(f, x, units[j], NewtonOptimiser.NAME);
            }
        }
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
