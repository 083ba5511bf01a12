package org.seiche.acoustic.cpu.f64;

import java.util.List;

import org.seiche.acoustic.cpu.Layout;

/**
 * The forward terms a gradient needs, stored every {@code interval} steps: the pressure
 * update's bracket (the divergence of v with its PML terms, for K) and each velocity
 * update's bracket (the pressure gradient with its PML term, for that axis's buoyancy).
 * A slot's arrays are made when it is first stored and kept while the history is pooled.
 */
final class History {
    final int interval;
    /** [slot][grid] or null when not needed. */
    final double[][] divergence;
    /** [axis][slot][grid]; an axis's row is null when not needed. */
    final double[][][] gradient = new double[3][][];

    private final Object key;

    History(Layout layout, int steps, int interval, boolean k, boolean buoyancy) {
        this.key = key(layout, steps, interval, k, buoyancy);
        this.interval = interval;
        int slots = (steps + interval - 1) / interval;
        this.divergence = k ? new double[slots][] : null;
        for (int axis = 0; buoyancy && axis < 3; axis++) {
            gradient[axis] = new double[slots][];
        }
    }

    /** What a history is pooled under: its grid, slots and terms. */
    static Object key(Layout layout, int steps, int interval, boolean k, boolean buoyancy) {
        return List.of(History.class, layout.ndim, layout.grid.size(), (steps + interval - 1) / interval, interval, k, buoyancy);
    }

    Object key() {
        return key;
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
