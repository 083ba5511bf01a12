package org.seiche.acoustic.cpu.f64;

import java.nio.file.Path;
import java.util.List;

import org.seiche.acoustic.cpu.Layout;
import org.seiche.api.Storage;
import org.seiche.wave.storage.ArraySource;
import org.seiche.wave.storage.DoubleSnapshots;
import org.seiche.wave.storage.DoubleSteps;
import org.seiche.wave.storage.RevolveCursor;

/**
 * The forward terms a gradient needs, stored every {@code interval} steps: the pressure
 * update's bracket (the divergence of v with its PML terms, for K) and each velocity
 * update's bracket (the pressure gradient with its PML term, for that axis's buoyancy).
 * Kept as the storage plan says:
 * <ul>
 * <li>in memory uncompressed (no plan): an array per term and slot, made when the slot is
 * first stored and kept while the history is pooled;</li>
 * <li>on disk or compressed: a store of steps per term (see DoubleSteps), the term's array
 * the one step being written or read;</li>
 * <li>checkpointed: one array per term, the taped step's, recomputed in the adjoint from
 * revolve's snapshots of the state (p, v, phi, psi) by {@link #beginAdjoint}.</li>
 * </ul>
 * The time loops call {@link #beginForward}/{@link #endForward} and
 * {@link #beginAdjoint}/{@link #endAdjoint} around each stored step and read a slot's arrays
 * with {@link #divergence} and {@link #gradient}.
 */
final class History {
    /** A forward step of the replay state (see {@link RevolveCursor.Replay#step}), the slot's terms kept when slot >= 0. */
    interface Stepper {
        void step(int t, int slot);
    }

    final int interval;
    final int slots;
    private final Layout layout;
    private final boolean k;
    private final boolean buoyancy;
    private final Object key;
    /** Memory mode: [slot][grid], [axis][slot][grid]; an absent term's null. */
    private final double[][] divergence;
    private final double[][][] gradient = new double[3][][];
    /** Streamed: a store per term (divergence first, then the axes'), and the arrays of the step at hand. */
    private final DoubleSteps[] stores;
    private final double[][] current;
    /** Checkpointed: the schedule, the snapshots and the state the adjoint recomputes in. */
    private final RevolveCursor cursor;
    private final DoubleSnapshots snapshots;
    private final Fields replay;

    /** In memory, an array per slot (pooled). */
    History(Layout layout, int steps, int interval, boolean k, boolean buoyancy) {
        this(layout, steps, interval, k, buoyancy, null, null);
    }

    /** Kept as {@code plan} says (null or memory uncompressed: arrays per slot), disk files in directory. */
    History(Layout layout, int steps, int interval, boolean k, boolean buoyancy, Storage.Plan plan, Path directory) {
        this.key = key(layout, steps, interval, k, buoyancy);
        this.layout = layout;
        this.interval = interval;
        this.slots = (steps + interval - 1) / interval;
        this.k = k;
        this.buoyancy = buoyancy;
        int size = layout.grid.size();
        Storage.Mode mode = plan == null ? Storage.Mode.MEMORY : plan.mode();
        boolean streamed = plan != null && (mode == Storage.Mode.DISK
                || (mode == Storage.Mode.MEMORY && plan.compression() != Storage.Compression.NONE));
        boolean checkpointed = mode == Storage.Mode.CHECKPOINT;
        int terms = (k ? 1 : 0) + (buoyancy ? layout.ndim : 0);
        boolean perSlot = !streamed && !checkpointed;
        this.divergence = k && perSlot ? new double[slots][] : null;
        for (int axis = 0; buoyancy && perSlot && axis < 3; axis++) {
            // an axis the grid lacks has no term (counting one overstated a 2-D gradient's peak by a third)
            gradient[axis] = layout.present[axis] ? new double[slots][] : null;
        }
        this.stores = streamed ? new DoubleSteps[terms] : null;
        for (int t = 0; streamed && t < terms; t++) {
            stores[t] = DoubleSteps.of(plan, size, slots, directory, ArraySource.NEW);
        }
        this.current = perSlot ? null : new double[terms][];
        if (checkpointed) {
            for (int t = 0; t < terms; t++) {
                current[t] = new double[size];
            }
            cursor = new RevolveCursor(steps, interval, plan.snapshots());
            snapshots = new DoubleSnapshots(cursor.usedSnapshots(), ArraySource.NEW);
            replay = new Fields(layout, false);
        } else {
            cursor = null;
            snapshots = null;
            replay = null;
        }
    }

    /** What a history is pooled under: its grid, slots and terms. */
    static Object key(Layout layout, int steps, int interval, boolean k, boolean buoyancy) {
        return List.of(History.class, layout.ndim, layout.grid.size(), (steps + interval - 1) / interval, interval, k, buoyancy);
    }

    Object key() {
        return key;
    }

    /** Whether it is pooled for reuse: its arrays are its own, one per slot. */
    boolean pooled() {
        return current == null;
    }

    /** The slot step t is stored in, or -1. */
    int slot(int t) {
        return t % interval == 0 ? t / interval : -1;
    }

    /** The index among the stored terms of an axis's velocity bracket. */
    private int term(int axis) {
        return (k ? 1 : 0) + layout.dimension(axis);
    }

    /** The array slot's pressure bracket is written to or read from (at offset 0), or null if not kept. */
    double[] divergence(int slot) {
        if (!k || slot < 0) {
            return null;
        }
        return current == null ? divergence[slot] : current[0];
    }

    /** As {@link #divergence} for the velocity bracket along an axis. */
    double[] gradient(int axis, int slot) {
        if (!buoyancy || slot < 0 || !layout.present[axis]) {
            return null;
        }
        return current == null ? gradient[axis][slot] : current[term(axis)];
    }

    /**
     * Before the forward step of stored step slot, on the forward state f: makes the slot's
     * arrays (memory), takes them from the stores (streamed) or saves f as the schedule says
     * (checkpointed). Gives the slot whose terms the step keeps, or -1 (checkpointing keeps
     * only the last one's).
     */
    int beginForward(int slot, Fields f) {
        int size = layout.grid.size();
        if (current == null) {
            if (divergence != null && divergence[slot] == null) {
                divergence[slot] = new double[size];
            }
            for (int axis = 0; axis < 3; axis++) {
                if (gradient[axis] != null && layout.present[axis] && gradient[axis][slot] == null) {
                    gradient[axis][slot] = new double[size];
                }
            }
            return slot;
        }
        if (cursor != null) {
            int s = cursor.forwardSave(slot);
            if (s >= 0) {
                snapshots.save(s, f.state());
            }
            return cursor.forwardKeeps(slot) ? slot : -1;
        }
        for (int t = 0; t < stores.length; t++) {
            current[t] = stores[t].target(slot);
            atZero(stores[t].targetOffset(slot));
        }
        return slot;
    }

    /** After the forward step of stored step slot. */
    void endForward(int slot) {
        for (int t = 0; stores != null && t < stores.length; t++) {
            stores[t].written(slot);
            current[t] = null;
        }
    }

    /**
     * Before the adjoint step of stored step slot: its terms read back (streamed) or
     * recomputed (checkpointed: {@code replaying} steps the replay state of {@link #replay()}).
     */
    void beginAdjoint(int slot, Stepper replaying) {
        if (cursor != null) {
            cursor.tape(slot, new RevolveCursor.Replay() {
                @Override
                public void save(int snapshot) {
                    snapshots.save(snapshot, replay.state());
                }

                @Override
                public void restore(int snapshot) {
                    snapshots.restore(snapshot, replay.state());
                }

                @Override
                public void step(int t, boolean taped) {
                    replaying.step(t, taped ? slot : -1);
                }
            });
        }
        for (int t = 0; stores != null && t < stores.length; t++) {
            current[t] = stores[t].source(slot);
            atZero(stores[t].sourceOffset(slot));
        }
    }

    /** After the adjoint step of stored step slot. */
    void endAdjoint(int slot) {
        for (int t = 0; stores != null && t < stores.length; t++) {
            stores[t].read(slot);
            current[t] = null;
        }
    }

    /** Whether the adjoint recomputes the terms (in {@link #replay()}'s state). */
    boolean checkpointed() {
        return cursor != null;
    }

    /** The state checkpointing recomputes in. */
    Fields replay() {
        return replay;
    }

    /** Forward steps recomputed so far. */
    long recomputed() {
        return cursor == null ? 0 : cursor.recomputed();
    }

    /** Disk and compressed stores hand out a step's own buffer. */
    private static void atZero(int offset) {
        if (offset != 0) {
            throw new IllegalStateException("a streamed store's step starts at " + offset + ", not 0");
        }
    }

    long bytes(int size, int valueBytes) {
        if (stores != null) {
            long b = 0;
            for (DoubleSteps s : stores) {
                b += s.bytes();
            }
            return b;
        }
        if (cursor != null) {
            // the snapshots as planned: they are taken one by one during the forward run
            long state = replay.state().length;
            return valueBytes * ((cursor.usedSnapshots() - 1L) * state * size + current.length * (long) size)
                    + replay.bytes(valueBytes);
        }
        long arrays = divergence == null ? 0 : divergence.length;
        for (double[][] g : gradient) {
            arrays += g == null ? 0 : g.length;
        }
        return valueBytes * arrays * size;
    }

    /** Gives back the stores' buffers and removes their files (a pooled history keeps its arrays). */
    void close() {
        for (int t = 0; stores != null && t < stores.length; t++) {
            stores[t].close();
        }
        if (snapshots != null) {
            snapshots.release();
        }
    }
}
