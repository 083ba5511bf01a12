package org.seiche.acoustic.cpu.f64;

/**
 * The forward terms a gradient needs, stored every {@code interval} steps: the pressure
 * update's bracket (the divergence of v with its PML terms, for K) and each velocity
 * update's bracket (the pressure gradient with its PML term, for that axis's buoyancy).
 * A slot's arrays are made when it is first stored.
 */
final class History {
    final int interval;
    /** [slot][grid] or null when not needed. */
    final double[][] divergence;
    /** [axis][slot][grid]; an axis's row is null when not needed. */
    final double[][][] gradient = new double[3][][];

    History(int steps, int interval, boolean k, boolean buoyancy) {
        this.interval = interval;
        int slots = (steps + interval - 1) / interval;
        this.divergence = k ? new double[slots][] : null;
        for (int axis = 0; buoyancy && axis < 3; axis++) {
            gradient[axis] = new double[slots][];
        }
    }

    /** The slot step t is stored in, or -1. */
    int slot(int t) {
        return t % interval == 0 ? t / interval : -1;
    }

    long bytes(int size, int valueBytes) {
        long arrays = divergence == null ? 0 : divergence.length;
        for (double[][] g : gradient) {
            arrays += g == null ? 0 : g.length;
        }
        return valueBytes * arrays * size;
    }
}
