package org.seiche.scalar.cpu;

import java.util.Arrays;

/**
 * One shot's fields on the padded grid: u now and before (the step writes the next u over
 * the one before), and per dimension the PML memory fields psi and zeta, each with a buffer
 * for the next step. The adjoint run reuses them for its own fields. Arrays come from a pool.
 */
final class DoubleWavefield {
    /** Arrays per shot: u, the previous u, and psi, psi next, zeta, zeta next per dimension. */
    static final int ARRAYS = 2 + 4 * 2;

    double[] u;
    double[] previous;
    final double[][] psi = new double[2][];
    final double[][] psiNext = new double[2][];
    final double[][] zeta = new double[2][];
    final double[][] zetaNext = new double[2][];

    DoubleWavefield(ArrayPool pool, int cells) {
        u = take(pool, cells);
        previous = take(pool, cells);
        for (int d = 0; d < 2; d++) {
            psi[d] = take(pool, cells);
            psiNext[d] = take(pool, cells);
            zeta[d] = take(pool, cells);
            zetaNext[d] = take(pool, cells);
        }
    }

    private static double[] take(ArrayPool pool, int cells) {
        return (double[]) pool.take(double.class, cells);
    }

    void clear() {
        Arrays.fill(u, 0);
        Arrays.fill(previous, 0);
        for (int d = 0; d < 2; d++) {
            Arrays.fill(psi[d], 0);
            Arrays.fill(psiNext[d], 0);
            Arrays.fill(zeta[d], 0);
            Arrays.fill(zetaNext[d], 0);
        }
    }

    /** After a step: the next u becomes the current one, the next PML fields the current ones. */
    void advance() {
        double[] t = u;
        u = previous;
        previous = t;
        for (int d = 0; d < 2; d++) {
            t = psi[d];
            psi[d] = psiNext[d];
            psiNext[d] = t;
            t = zeta[d];
            zeta[d] = zetaNext[d];
            zetaNext[d] = t;
        }
    }

    void release(ArrayPool pool) {
        pool.give(u);
        pool.give(previous);
        for (int d = 0; d < 2; d++) {
            pool.give(psi[d]);
            pool.give(psiNext[d]);
            pool.give(zeta[d]);
            pool.give(zetaNext[d]);
        }
    }
}
