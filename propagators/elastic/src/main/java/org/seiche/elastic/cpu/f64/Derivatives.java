package org.seiche.elastic.cpu.f64;

/**
 * Staggered first derivatives (docs/numerics.md) of one domain row into a row buffer, the stencil
 * coefficients already divided by the spacing. "half" evaluates at the half points
 * (i + 1/2 or j + 1/2) from an integer-point field, "int" at the integer points from a
 * half-point field, over the columns [from, to). Term k of the stencil is one multiply-add
 * loop over arrays indexed alike; the terms are not looped over, because the JIT stops
 * vectorising loops nested in a loop of a few trips.
 */
final class Derivatives {
    private Derivatives() {
    }

    /** d[j] = sum_k c_k (f[i+k][j] - f[i+1-k][j]), k = 1..halo: at (i + 1/2, j). */
    static void halfY(Grid g, double[][] f, int i, double[] d, int from, int to) {
        int r = g.row(i);
        double[] c = g.cy;
        int n = c.length;
        set(c[0], f[r + 1], f[r], d, from, to);
        if (n > 1) {
            add(c[1], f[r + 2], f[r - 1], d, from, to);
        }
        if (n > 2) {
            add(c[2], f[r + 3], f[r - 2], d, from, to);
        }
        if (n > 3) {
            add(c[3], f[r + 4], f[r - 3], d, from, to);
        }
    }

    /** d[j] = sum_k c_k (f[i+k-1][j] - f[i-k][j]): at (i, j) from a field at (i + 1/2, j). */
    static void intY(Grid g, double[][] f, int i, double[] d, int from, int to) {
        halfY(g, f, i - 1, d, from, to);
    }

    /** d[j] = sum_k c_k (f[i][j+k] - f[i][j+1-k]): at (i, j + 1/2). */
    static void halfX(Grid g, double[][] f, int i, RowBuffers b, double[] d, int from, int to) {
        double[] row = f[g.row(i)];
        b.shift(row, from, to);
        double[] c = g.cx;
        int n = c.length;
        set(c[0], b.shifted(1, row), row, d, from, to);
        if (n > 1) {
            add(c[1], b.shifted(2, row), b.shifted(-1, row), d, from, to);
        }
        if (n > 2) {
            add(c[2], b.shifted(3, row), b.shifted(-2, row), d, from, to);
        }
        if (n > 3) {
            add(c[3], b.shifted(4, row), b.shifted(-3, row), d, from, to);
        }
    }

    /** d[j] = sum_k c_k (f[i][j+k-1] - f[i][j-k]): at (i, j) from a field at (i, j + 1/2). */
    static void intX(Grid g, double[][] f, int i, RowBuffers b, double[] d, int from, int to) {
        double[] row = f[g.row(i)];
        b.shift(row, from, to);
        double[] c = g.cx;
        int n = c.length;
        set(c[0], row, b.shifted(-1, row), d, from, to);
        if (n > 1) {
            add(c[1], b.shifted(1, row), b.shifted(-2, row), d, from, to);
        }
        if (n > 2) {
            add(c[2], b.shifted(2, row), b.shifted(-3, row), d, from, to);
        }
        if (n > 3) {
            add(c[3], b.shifted(3, row), b.shifted(-4, row), d, from, to);
        }
    }

    /** d = c (up - down). */
    private static void set(double c, double[] up, double[] down, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            d[j] = c * (up[j] - down[j]);
        }
    }

    /** d += c (up - down). */
    private static void add(double c, double[] up, double[] down, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            d[j] += c * (up[j] - down[j]);
        }
    }
}
