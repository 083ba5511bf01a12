package org.seiche.elastic.cpu.f64;

import java.nio.file.Path;

import org.seiche.api.Storage;
import org.seiche.elastic.cpu.VolumeTerms;
import org.seiche.wave.storage.ArraySource;
import org.seiche.wave.storage.Codec;
import org.seiche.wave.storage.DoubleSteps;

/**
 * The forward terms a volume gradient needs, stored every {@code interval} steps (slot
 * t / interval): per slot, in this order, the stress divergence of each velocity update
 * (ndim arrays, for the buoyancies), the normal strain rates (ndim, for lamb and mu) and the
 * shear strain rates (one per pair, for the shear moduli), each with its PML memory part;
 * a kind not asked for is not stored (compressed, each term starts at a whole block of
 * values). Kept as a storage plan says: in memory, a slot's
 * terms in one array; in a store of steps (disk, or compressed), a record per slot;
 * checkpointing, in one array of its own, the taped step's, whatever the slot.
 */
final class VolumeHistory {
    private final VolumeKernel k;
    final int interval;
    private final int[] offsets;
    private final int values;
    /** Memory mode: per slot its array, null until stored and once released. */
    private final double[][] slots;
    /** Disk or compressed: the store of steps; else null. */
    private final DoubleSteps store;
    /** Checkpointing: the taped step's array; else null. */
    private final double[] taped;

    VolumeHistory(VolumeKernel k, int steps, int interval, VolumeTerms terms, Storage.Plan plan, Path directory) {
        this.k = k;
        this.interval = interval;
        int ndim = k.ndim;
        // the domain's cells: the halo's terms are never written (a padded 104^3 grid stores 100^3 per term)
        int size = k.domainSize;
        int pairs = ndim * (ndim - 1) / 2;
        Storage.Mode mode = plan == null ? Storage.Mode.MEMORY : plan.mode();
        // int8's blocks of values share a scale: a block must not mix terms of different sizes
        boolean compressed = plan != null && plan.compression() != Storage.Compression.NONE;
        int span = compressed ? (size + Codec.BLOCK - 1) / Codec.BLOCK * Codec.BLOCK : size;
        offsets = new int[2 * ndim + pairs];
        int next = 0;
        for (int i = 0; i < offsets.length; i++) {
            boolean kept = i < ndim ? terms.divergence() : i < 2 * ndim ? terms.normal() : terms.shear();
            offsets[i] = kept ? next : -1;
            next += kept ? span : 0;
        }
        values = next;
        boolean streamed = mode == Storage.Mode.DISK || (mode == Storage.Mode.MEMORY && plan != null
                && plan.compression() != Storage.Compression.NONE);
        slots = mode == Storage.Mode.MEMORY && !streamed ? new double[slots(steps, interval)][] : null;
        store = streamed ? DoubleSteps.of(plan, values, slots(steps, interval), directory, ArraySource.NEW) : null;
        taped = mode == Storage.Mode.CHECKPOINT ? new double[values] : null;
    }

    private static int slots(int steps, int interval) {
        return (steps + interval - 1) / interval;
    }

    /** The slot of step t, or -1 when step t is not stored. */
    int slot(int t) {
        return t % interval == 0 ? t / interval : -1;
    }

    /**
     * Where the forward step t puts its terms, or null when step t is not stored. In memory
     * a slot's terms share one array (taken at its first use, a spare of the kernel's when it
     * has one): arrays of a few MB each would take a whole heap region apiece in G1, 8 MB on
     * a 16 GB heap, nearly doubling the history's footprint.
     */
    Slot forward(int t) {
        int s = slot(t);
        if (s < 0) {
            return null;
        }
        if (store != null) {
            return slot(store.target(s), store.targetOffset(s));
        }
        if (taped != null) {
            return slot(taped, 0);
        }
        if (slots[s] == null) {
            slots[s] = k.slotArray(values);
        }
        return slot(slots[s], 0);
    }

    /** After the forward step t. */
    void written(int t) {
        if (store != null && slot(t) >= 0) {
            store.written(slot(t));
        }
    }

    /** The terms of step t for its adjoint step, or null when step t is not stored. */
    Slot adjoint(int t) {
        int s = slot(t);
        if (s < 0) {
            return null;
        }
        return store != null ? slot(store.source(s), store.sourceOffset(s)) : slot(taped != null ? taped : slots[s], 0);
    }

    /** A slot's terms in array from {@code at} on. */
    private Slot slot(double[] array, int at) {
        int[] o = offsets.clone();
        for (int i = 0; i < o.length; i++) {
            o[i] = o[i] < 0 ? -1 : o[i] + at;
        }
        return new Slot(array, o);
    }

    /** Once the adjoint has used step t's terms: they go back to the kernel, or the store is told. */
    void release(int t) {
        int s = slot(t);
        if (s < 0) {
            return;
        }
        if (store != null) {
            store.read(s);
        } else if (slots != null && slots[s] != null) {
            k.spare(slots[s]);
            slots[s] = null;
        }
    }

    /** Gives every slot still held back to the kernel and closes the store (a run closed, its adjoint run or not). */
    void releaseAll() {
        for (int s = 0; slots != null && s < slots.length; s++) {
            release(s * interval);
        }
        if (store != null) {
            store.close();
        }
    }

    /** Bytes it holds in memory now. */
    long bytes() {
        if (store != null) {
            return store.bytes();
        }
        long n = taped != null ? taped.length : 0;
        for (int s = 0; slots != null && s < slots.length; s++) {
            n += slots[s] != null ? values : 0;
        }
        return n * VolumeKernel.VALUE_BYTES;
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
