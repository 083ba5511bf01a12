package org.seiche.elastic.cpu.f64;

/** Element-wise row operations over the domain's columns [from, to), each a loop the JIT vectorises. */
final class Pointwise {
    private Pointwise() {
    }

    /** d += e. */
    static void add(double[] d, double[] e, int from, int to) {
        for (int j = from; j < to; j++) {
            d[j] += e[j];
        }
    }

    /** f -= d. */
    static void subtract(double[] f, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            f[j] -= d[j];
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

    /** out = d + e. */
    static void sum(double[] out, double[] d, double[] e, int from, int to) {
        for (int j = from; j < to; j++) {
            out[j] = d[j] + e[j];
        }
    }
}
