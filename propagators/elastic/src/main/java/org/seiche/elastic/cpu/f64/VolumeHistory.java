package org.seiche.elastic.cpu.f64;

/**
 * The forward terms a volume gradient needs, stored every {@code interval} steps (slot
 * t / interval): per slot, in this order, the stress divergence of each velocity update
 * (ndim arrays, for the buoyancies), the normal strain rates (ndim, for lamb and mu) and the
 * shear strain rates (one per pair, for the shear moduli), each with its PML memory part;
 * a kind not asked for is null. Its own class so that another storage (disk, compressed,
 * checkpoints) can take its place.
 */
final class VolumeHistory {
    final int interval;
    private final double[][][] slots;

    VolumeHistory(int steps, int interval, int ndim, boolean divergence, boolean normal, boolean shear, int size) {
        this.interval = interval;
        this.slots = new double[slots(steps, interval)][][];
        int pairs = ndim * (ndim - 1) / 2;
        for (int s = 0; s < slots.length; s++) {
            double[][] terms = new double[2 * ndim + pairs][];
            for (int i = 0; i < terms.length; i++) {
                boolean kept = i < ndim ? divergence : i < 2 * ndim ? normal : shear;
                terms[i] = kept ? new double[size] : null;
            }
            slots[s] = terms;
        }
    }

    private static int slots(int steps, int interval) {
        return (steps + interval - 1) / interval;
    }

    /** The terms of step t, or null when step t is not stored. */
    double[][] at(int t) {
        return t % interval == 0 ? slots[t / interval] : null;
    }

    static long bytes(int steps, int interval, int terms, int size) {
        return (long) slots(steps, interval) * terms * size * VolumeKernel.VALUE_BYTES;
    }
}
