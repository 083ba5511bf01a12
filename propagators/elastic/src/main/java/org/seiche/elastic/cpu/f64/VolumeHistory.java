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
    private final VolumeKernel k;
    final int interval;
    private final int[] offsets;
    private final int values;
    private final double[][] slots;

    VolumeHistory(VolumeKernel k, int steps, int interval, boolean divergence, boolean normal, boolean shear) {
        this.k = k;
        this.interval = interval;
        int ndim = k.ndim;
        int size = k.size;
        int pairs = ndim * (ndim - 1) / 2;
        offsets = new int[2 * ndim + pairs];
        int next = 0;
        for (int i = 0; i < offsets.length; i++) {
            boolean kept = i < ndim ? divergence : i < 2 * ndim ? normal : shear;
            offsets[i] = kept ? next : -1;
            next += kept ? size : 0;
        }
        values = next;
        slots = new double[slots(steps, interval)][];
    }

    private static int slots(int steps, int interval) {
        return (steps + interval - 1) / interval;
    }

    /**
     * The terms of step t, or null when step t is not stored. A slot's terms share one array
     * (taken at its first use, a spare of the kernel's when it has one): arrays of a few MB
     * each would take a whole heap region apiece in G1, 8 MB on a 16 GB heap, nearly doubling
     * the history's footprint.
     */
    Slot at(int t) {
        if (t % interval != 0) {
            return null;
        }
        int s = t / interval;
        if (slots[s] == null) {
            slots[s] = k.slotArray(values);
        }
        return new Slot(slots[s], offsets);
    }

    /** Gives step t's terms back to the kernel once the adjoint has used them. */
    void release(int t) {
        if (t % interval == 0 && slots[t / interval] != null) {
            k.spare(slots[t / interval]);
            slots[t / interval] = null;
        }
    }

    /** Gives every slot still held back to the kernel (a run closed without its adjoint). */
    void releaseAll() {
        for (int t = 0; t < slots.length * interval; t += interval) {
            release(t);
        }
    }

    static long bytes(int steps, int interval, int terms, int size) {
        return (long) slots(steps, interval) * terms * size * VolumeKernel.VALUE_BYTES;
    }

    /** One step's stored terms: term i starts at {@code offset[i]} of {@code values} (-1: not stored). */
    record Slot(double[] values, int[] offset) {
        boolean has(int term) {
            return offset[term] >= 0;
        }
    }
}
