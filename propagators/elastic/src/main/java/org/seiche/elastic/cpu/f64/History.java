package org.seiche.elastic.cpu.f64;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.seiche.elastic.Coefficient;

/**
 * The forward terms a gradient needs, stored every {@code interval} steps: the bracket of
 * each velocity update (stress divergence, for buoyancy), the normal strain rates
 * d v_y/dy and d v_x/dx (for lamb and mu) and the shear strain rate d v_y/dx + d v_x/dy (for
 * mu_xy), all with their PML memory terms. Arrays of terms not needed are null. Each term
 * is held in arrays of several slots: arrays this large are allocated outside the garbage
 * collector's young generation, so gigabytes of history are not copied around when first
 * made.
 */
final class History {
    /** Values per array of a term (at least one slot). */
    private static final int CHUNK = 1 << 22;
    final int interval;
    final int slots;
    final double[][] divergenceY;
    final double[][] divergenceX;
    final double[][] strainYy;
    final double[][] strainXx;
    final double[][] shear;
    private final boolean[] kinds;
    private final int size;
    private final int slotsPerArray;

    History(int steps, int interval, Set<Coefficient> gradients, int size) {
        this.interval = interval;
        this.slots = slots(steps, interval);
        this.kinds = kinds(gradients);
        this.size = size;
        this.slotsPerArray = Math.max(1, CHUNK / size);
        divergenceY = kinds[0] ? term() : null;
        divergenceX = kinds[1] ? term() : null;
        strainYy = kinds[2] ? term() : null;
        strainXx = kinds[2] ? term() : null;
        shear = kinds[3] ? term() : null;
    }

    private double[][] term() {
        int arrays = (slots + slotsPerArray - 1) / slotsPerArray;
        double[][] t = new double[arrays][];
        for (int a = 0; a < arrays; a++) {
            t[a] = new double[Math.min(slotsPerArray, slots - a * slotsPerArray) * size];
        }
        return t;
    }

    /** The array holding a term's values of a slot, from {@link #offset(int)} on; null if the term is not stored or slot is -1. */
    double[] array(double[][] term, int slot) {
        return term == null || slot < 0 ? null : term[slot / slotsPerArray];
    }

    /** Where a slot's grid starts in its array. */
    int offset(int slot) {
        return slot < 0 ? 0 : slot % slotsPerArray * size;
    }

    /** Which terms the gradients need: divergence y, divergence x, normal strain rates, shear strain rate. */
    private static boolean[] kinds(Set<Coefficient> g) {
        return new boolean[] {g.contains(Coefficient.BUOYANCY_Y), g.contains(Coefficient.BUOYANCY_X),
            g.contains(Coefficient.LAMB) || g.contains(Coefficient.MU), g.contains(Coefficient.MU_XY)};
    }

    private static int slots(int steps, int interval) {
        return (steps + interval - 1) / interval;
    }

    /** The slot step t is stored in, or -1. */
    int slot(int t) {
        return t % interval == 0 ? t / interval : -1;
    }

    /** What a history is pooled under: its shape. */
    static Object key(int steps, int interval, Set<Coefficient> gradients, int size) {
        return key(interval, slots(steps, interval), kinds(gradients), size);
    }

    Object key() {
        return key(interval, slots, kinds, size);
    }

    private static Object key(int interval, int slots, boolean[] kinds, int size) {
        return List.of(History.class, interval, slots, Arrays.toString(kinds), size);
    }

    long bytes(int valueBytes) {
        return bytes(kinds, slots, size, valueBytes);
    }

    /** Bytes a history for these gradients takes. */
    static long bytes(int steps, int interval, Set<Coefficient> gradients, int size, int valueBytes) {
        return bytes(kinds(gradients), slots(steps, interval), size, valueBytes);
    }

    private static long bytes(boolean[] kinds, int slots, int size, int valueBytes) {
        int arrays = (kinds[0] ? 1 : 0) + (kinds[1] ? 1 : 0) + (kinds[2] ? 2 : 0) + (kinds[3] ? 1 : 0);
        return (long) valueBytes * arrays * slots * size;
    }
}
