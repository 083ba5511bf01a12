package org.seiche.elastic.cpu.f64;

import org.seiche.wave.DoubleLanes;
import org.seiche.wave.FlushToZero;

/** Element-wise row operations over the domain's columns [from, to), each a loop the JIT vectorises. */
final class Pointwise {
    /** Fields, memory variables and gradient sums below this magnitude are stored as zero (see DoubleLanes). */
    static final double NEGLIGIBLE = DoubleLanes.NEGLIGIBLE;

    /**
     * Whether stored values are flushed here: not when the processor flushes subnormals
     * itself; a constant, so the JIT drops the test.
     */
    static final boolean FLUSH = !FlushToZero.AVAILABLE;

    private Pointwise() {
    }

    /** x, or zero when it is negligible (the vector loops do the same). */
    static double flush(double x) {
        return FLUSH && (x < 0 ? -x : x) < NEGLIGIBLE ? 0 : x;
    }

    /** d += e. */
    static void add(double[] d, double[] e, int from, int to) {
        for (int j = from; j < to; j++) {
            d[j] += e[j];
        }
    }

    /** f -= d, a stored field. */
    static void subtract(double[] f, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            f[j] = flush(f[j] - d[j]);
        }
    }

    /** out = s d. */
    static void product(double[] out, double[] s, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            out[j] = s[j] * d[j];
        }
    }

    /** f += s d. */
    static void addProduct(double[] f, double[] s, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            f[j] += s[j] * d[j];
        }
    }

    /** f += s d, a stored field or gradient sum. */
    static void update(double[] f, double[] s, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            f[j] = flush(f[j] + s[j] * d[j]);
        }
    }

    /** f += s d + t e, a stored field. */
    static void update(double[] f, double[] s, double[] d, double[] t, double[] e, int from, int to) {
        for (int j = from; j < to; j++) {
            f[j] = flush(f[j] + s[j] * d[j] + t[j] * e[j]);
        }
    }

    /** out = d + e. */
    static void sum(double[] out, double[] d, double[] e, int from, int to) {
        for (int j = from; j < to; j++) {
            out[j] = d[j] + e[j];
        }
    }
}
