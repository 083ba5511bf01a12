package org.seiche.scalar.cpu;

import java.util.Arrays;

/**
 * One shot's fields on the padded grid: u now and before (the step writes the next u over
 * the one before), and per dimension the PML memory fields psi and zeta, each with a buffer
 * for the next step (zeta's shared with it in a forward run, see {@link #clear}). The adjoint
 * run reuses them for its own fields. Arrays come from a pool.
 */
final class DoubleWavefield {
    double[] u;
    double[] previous;
    final double[][] psi;
    final double[][] psiNext;
    final double[][] zeta;
    final double[][] zetaNext;
    /** Per dimension the two arrays zeta and zetaNext are made of. */
    private final double[][][] zetaBuffers;

    /** Arrays per shot: u, the previous u, and psi, psi next, zeta, zeta next per dimension. */
    static int arrays(int ndim) {
        return 2 + 4 * ndim;
    }

    DoubleWavefield(ArrayPool pool, DoubleCoefficients c) {
        int cells = c.cells();
        psi = new double[c.ndim][];
        psiNext = new double[c.ndim][];
        zeta = new double[c.ndim][];
        zetaNext = new double[c.ndim][];
        zetaBuffers = new double[c.ndim][2][];
        u = take(pool, cells);
        previous = take(pool, cells);
        for (int d = 0; d < psi.length; d++) {
            psi[d] = take(pool, cells);
            psiNext[d] = take(pool, cells);
            zetaBuffers[d][0] = take(pool, cells);
            zetaBuffers[d][1] = take(pool, cells);
            zeta[d] = zetaBuffers[d][0];
            zetaNext[d] = zetaBuffers[d][1];
        }
    }

    private static double[] take(ArrayPool pool, int cells) {
        return (double[]) pool.take(double.class, cells);
    }

    /**
     * Zeros every field before a run. A forward step reads zeta only at the cell it writes,
     * so there the next zeta overwrites the current one: one stream fewer through the cache
     * per step. An adjoint step reads its zeta at the neighbours too and keeps two buffers.
     */
    void clear(boolean adjoint) {
        Arrays.fill(u, 0);
        Arrays.fill(previous, 0);
        for (int d = 0; d < psi.length; d++) {
            Arrays.fill(psi[d], 0);
            Arrays.fill(psiNext[d], 0);
            Arrays.fill(zetaBuffers[d][0], 0);
            if (adjoint) {
                Arrays.fill(zetaBuffers[d][1], 0);
            }
            zeta[d] = zetaBuffers[d][0];
            zetaNext[d] = zetaBuffers[d][adjoint ? 1 : 0];
        }
    }

    /**
     * The fields a forward step reads, its state: u, the previous u, psi and zeta per
     * dimension (a checkpoint's snapshot), written into {@code into} from {@code at} (the
     * arrays swap at every step, so they are gathered when saved); gives the next index.
     * The next-step buffers are written before read.
     */
    int state(double[][] into, int at) {
        into[at] = u;
        into[at + 1] = previous;
        for (int d = 0; d < psi.length; d++) {
            into[at + 2 + d] = psi[d];
            into[at + 2 + psi.length + d] = zeta[d];
        }
        return at + stateArrays(psi.length);
    }

    static int stateArrays(int ndim) {
        return 2 + 2 * ndim;
    }

    /** After a step: the next u becomes the current one, the next PML fields the current ones. */
    void advance() {
        double[] t = u;
        u = previous;
        previous = t;
        for (int d = 0; d < psi.length; d++) {
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
        for (int d = 0; d < psi.length; d++) {
            pool.give(psi[d]);
            pool.give(psiNext[d]);
            pool.give(zetaBuffers[d][0]);
            pool.give(zetaBuffers[d][1]);
        }
    }
}
