package org.seiche.elastic.cpu.f64;

/**
 * C-PML memory variables (PHYSICS.md): forward, m = a m + b D then D += m, on a row buffer
 * D; adjoint, with M = m + h: m = a M and h += b M, on a grid term h. A y profile gives one
 * (a, b) per row; an x profile one per column, applied only on the strips [0, left) and
 * [right, n) where it is non-zero.
 */
final class Memory {
    private Memory() {
    }

    static void row(double[] m, int row, double a, double b, double[] d, int n) {
        for (int j = 0; j < n; j++) {
            double v = a * m[row + j] + b * d[j];
            m[row + j] = v;
            d[j] += v;
        }
    }

    static void columns(double[] m, int row, double[] a, double[] b, double[] d, int left, int right, int n) {
        strip(m, row, a, b, d, 0, left);
        strip(m, row, a, b, d, right, n);
    }

    private static void strip(double[] m, int row, double[] a, double[] b, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            double v = a[j] * m[row + j] + b[j] * d[j];
            m[row + j] = v;
            d[j] += v;
        }
    }

    static void adjointRow(double[] m, int row, double a, double b, double[] h, int n) {
        for (int p = row; p < row + n; p++) {
            double big = m[p] + h[p];
            m[p] = a * big;
            h[p] += b * big;
        }
    }

    static void adjointColumns(double[] m, int row, double[] a, double[] b, double[] h, int left, int right, int n) {
        adjointStrip(m, row, a, b, h, 0, left);
        adjointStrip(m, row, a, b, h, right, n);
    }

    private static void adjointStrip(double[] m, int row, double[] a, double[] b, double[] h, int from, int to) {
        for (int j = from; j < to; j++) {
            double big = m[row + j] + h[row + j];
            m[row + j] = a[j] * big;
            h[row + j] += b[j] * big;
        }
    }
}
