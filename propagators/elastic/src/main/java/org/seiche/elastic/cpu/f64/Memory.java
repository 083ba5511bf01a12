package org.seiche.elastic.cpu.f64;

/**
 * C-PML memory variables (docs/elastic.md) of one row: forward, m = a m + b D then D += m, on
 * the derivative row D; adjoint, with M = m + h: m = a M and h += b M, on a term row h. A y
 * profile gives one (a, b) per row; an x profile one per column, applied only on its strips
 * [first, left) and [right, last) where it is non-zero. Each works on the columns [from, to).
 */
final class Memory {
    private Memory() {
    }

    static void row(double[] m, double a, double b, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            m[j] = Pointwise.flush(a * m[j] + b * d[j]);
        }
        Pointwise.add(d, m, from, to);
    }

    /** The x strips [.., left) and [right, ..) within the columns [from, to). */
    static void columns(double[] m, double[] a, double[] b, double[] d, int from, int to, int left, int right) {
        strip(m, a, b, d, from, Math.min(to, left));
        strip(m, a, b, d, Math.max(from, right), to);
    }

    private static void strip(double[] m, double[] a, double[] b, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            double v = Pointwise.flush(a[j] * m[j] + b[j] * d[j]);
            m[j] = v;
            d[j] += v;
        }
    }

    static void adjointRow(double[] m, double a, double b, double[] h, int from, int to) {
        for (int j = from; j < to; j++) {
            double big = m[j] + h[j];
            m[j] = Pointwise.flush(a * big);
            h[j] += b * big;
        }
    }

    static void adjointColumns(double[] m, double[] a, double[] b, double[] h, int from, int to, int left, int right) {
        adjointStrip(m, a, b, h, from, Math.min(to, left));
        adjointStrip(m, a, b, h, Math.max(from, right), to);
    }

    private static void adjointStrip(double[] m, double[] a, double[] b, double[] h, int from, int to) {
        for (int j = from; j < to; j++) {
            double big = m[j] + h[j];
            m[j] = Pointwise.flush(a[j] * big);
            h[j] += b[j] * big;
        }
    }
}
