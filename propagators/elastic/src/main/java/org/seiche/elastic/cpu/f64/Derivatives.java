package org.seiche.elastic.cpu.f64;

/**
 * Staggered first derivatives (PHYSICS.md) of one grid row into a row buffer, the stencil
 * coefficients already divided by the spacing. "half" evaluates at the half points
 * (i + 1/2) from an integer-point field, "int" at the integer points from a half-point field.
 */
final class Derivatives {
    private Derivatives() {
    }

    /** d[j] = sum_k c_k (f[i+k][j] - f[i+1-k][j]), at (i + 1/2, j). */
    static void halfY(Grid g, double[] f, int row, double[] d) {
        stencil(f, row + g.stride, row, g.stride, g.cy, d, g.nx);
    }

    /** d[j] = sum_k c_k (f[i+k-1][j] - f[i-k][j]), at (i, j) from a field at (i + 1/2, j). */
    static void intY(Grid g, double[] f, int row, double[] d) {
        stencil(f, row, row - g.stride, g.stride, g.cy, d, g.nx);
    }

    /** d[j] = sum_k c_k (f[i][j+k] - f[i][j+1-k]), at (i, j + 1/2). */
    static void halfX(Grid g, double[] f, int row, double[] d) {
        stencil(f, row + 1, row, 1, g.cx, d, g.nx);
    }

    /** d[j] = sum_k c_k (f[i][j+k-1] - f[i][j-k]), at (i, j) from a field at (i, j + 1/2). */
    static void intX(Grid g, double[] f, int row, double[] d) {
        stencil(f, row, row - 1, 1, g.cx, d, g.nx);
    }

    /** d[j] = sum_k c[k] (f[up + k step + j] - f[down - k step + j]), k from 0: one pass per k keeps every loop vectorisable. */
    private static void stencil(double[] f, int up, int down, int step, double[] c, double[] d, int n) {
        double c0 = c[0];
        for (int j = 0; j < n; j++) {
            d[j] = c0 * (f[up + j] - f[down + j]);
        }
        for (int k = 1; k < c.length; k++) {
            int u = up + k * step;
            int l = down - k * step;
            double ck = c[k];
            for (int j = 0; j < n; j++) {
                d[j] += ck * (f[u + j] - f[l + j]);
            }
        }
    }
}
