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
 * <li>in memory, on disk or compressed: a store of steps per term (see DoubleSteps). In
 * memory uncompressed its arrays hold many steps each, so large that the garbage collector
 * allocates them outside its young generation and never copies them (one array per step
 * cost 6.6 of 37.7 s of collector pauses on the 500 x 500 gradient bench case, under
 * load); the history is then pooled across simulations;</li>
 * <li>checkpointed: one array per term, the taped step's, recomputed in the adjoint from
 * revolve's snapshots of the state (p, v, phi, psi) by {@link #beginAdjoint}.</li>
 * </ul>
 * The kernels write and read a step's terms in place, from {@link #offset} in their arrays
 * (the terms' stores are alike, so a step sits at the same place in each; copying each step
 * through a buffer on the time loop's thread held the other threads up, 10 % of a 2-D
 * gradient). The time loops call {@link #beginForward}/{@link #endForward} and
 * {@link #beginAdjoint}/{@link #endAdjoint} around each stored step and read its arrays
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
    private final boolean pooled;
    /** A store per term (divergence first, then the axes'; null when checkpointed), and each term's array of the step at hand. */
    private final DoubleSteps[] stores;
    private final double[][] current;
    /** Where in its term's array the step at hand starts: the same in every term's, their stores being made alike. */
    private int at;
    /** Checkpointed: the schedule, the snapshots and the state the adjoint recomputes in. */
    private final RevolveCursor cursor;
    private final DoubleSnapshots snapshots;
    private final Fields replay;
    /** The replay the cursor runs (built once), the adjoint's stepper and the stored step it tapes. */
    private final RevolveCursor.Replay replayer;
    private Stepper replaying;
    private int taping;

    /** Kept as {@code plan} says (null: in memory, uncompressed), disk files in directory. */
    History(Layout layout, int steps, int interval, boolean k, boolean buoyancy, Storage.Plan plan, Path directory) {
        this.key = key(layout, steps, interval, k, buoyancy);
        this.layout = layout;
        this.interval = interval;
        this.slots = (steps + interval - 1) / interval;
        this.k = k;
        this.buoyancy = buoyancy;
        this.pooled = inMemory(plan);
        int size = layout.grid.size();
        int terms = (k ? 1 : 0) + (buoyancy ? layout.ndim : 0);
        boolean checkpointed = plan != null && plan.mode() == Storage.Mode.CHECKPOINT;
        current = new double[terms][];
        stores = checkpointed ? null : new DoubleSteps[terms];
        for (int t = 0; !checkpointed && t < terms; t++) {
            stores[t] = pooled ? DoubleSteps.inMemory(size, slots, ArraySource.NEW)
                    : DoubleSteps.of(plan, size, slots, directory, ArraySource.NEW);
        }
        if (checkpointed) {
            for (int t = 0; t < terms; t++) {
                current[t] = new double[size];
            }
            cursor = new RevolveCursor(steps, interval, plan.snapshots());
            snapshots = new DoubleSnapshots(cursor.usedSnapshots(), ArraySource.NEW);
            replay = new Fields(layout, false);
            replayer = snapshots.replay(replay.state(), (t, taped) -> replaying.step(t, taped ? taping : -1));
        } else {
            cursor = null;
            snapshots = null;
            replay = null;
            replayer = null;
        }
    }

    /** Whether a plan keeps the terms in memory, uncompressed (null: so). */
    static boolean inMemory(Storage.Plan plan) {
        return plan == null || plan.mode() == Storage.Mode.MEMORY && plan.compression() == Storage.Compression.NONE;
    }

    /** What an in-memory history is pooled under: its grid, slots and terms. */
    static Object key(Layout layout, int steps, int interval, boolean k, boolean buoyancy) {
        return List.of(History.class, layout.ndim, layout.grid.size(), (steps + interval - 1) / interval, interval, k, buoyancy);
    }

    Object key() {
        return key;
    }

    /** Whether it is pooled for reuse (in memory, uncompressed: its steps are written before they are read). */
    boolean pooled() {
        return pooled;
    }

    /** The slot step t is stored in, or -1. */
    int slot(int t) {
        return t % interval == 0 ? t / interval : -1;
    }

    /** The index among the stored terms of an axis's velocity bracket. */
    private int term(int axis) {
        return (k ? 1 : 0) + layout.dimension(axis);
    }

    /** The array slot's pressure bracket is written to or read from (from {@link #offset}), or null if not kept. */
    double[] divergence(int slot) {
        return k && slot >= 0 ? current[0] : null;
    }

    /** As {@link #divergence} for the velocity bracket along an axis. */
    double[] gradient(int axis, int slot) {
        return buoyancy && slot >= 0 && layout.present[axis] ? current[term(axis)] : null;
    }

    /**
     * Before the forward step of stored step slot, on the forward state f: the terms' arrays
     * from their stores, or f saved as the schedule says (checkpointed). Gives the slot whose
     * terms the step keeps, or -1 (checkpointing keeps only the last one's).
     */
    int beginForward(int slot, Fields f) {
        if (cursor != null) {
            return snapshots.forward(cursor, slot, f.state()) ? slot : -1;
        }
        for (int t = 0; t < stores.length; t++) {
            current[t] = stores[t].target(slot);
        }
        at = stores[0].targetOffset(slot);
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
     * Before the adjoint step of stored step slot: its terms read back from the stores or
     * recomputed (checkpointed: {@code replaying} steps the replay state of {@link #replay()}).
     */
    void beginAdjoint(int slot, Stepper replaying) {
        if (cursor != null) {
            this.replaying = replaying;
            taping = slot;
            cursor.tape(slot, replayer);
            return;
        }
        for (int t = 0; t < stores.length; t++) {
            current[t] = stores[t].source(slot);
        }
        at = stores[0].sourceOffset(slot);
    }

    /** After the adjoint step of stored step slot. */
    void endAdjoint(int slot) {
        for (int t = 0; stores != null && t < stores.length; t++) {
            stores[t].read(slot);
            current[t] = null;
        }
    }

    /** Where the terms of the step at hand start in the arrays of {@link #divergence} and {@link #gradient} (0 when checkpointed). */
    int offset() {
        return cursor != null ? 0 : at;
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

    long bytes(int size, int valueBytes) {
        if (cursor != null) {
            // the snapshots as planned: they are taken one by one during the forward run
            long state = replay.state().length;
            return valueBytes * ((cursor.usedSnapshots() - 1L) * state * size + current.length * (long) size)
                    + replay.bytes(valueBytes);
        }
        long b = 0;
        for (DoubleSteps s : stores) {
            b += s.bytes();
        }
        return b + (pooled ? valueBytes * (long) current.length * size : 0);
    }

    /** Gives back the stores' buffers and removes their files. */
    void close() {
        for (int t = 0; stores != null && t < stores.length; t++) {
            stores[t].close();
        }
        if (snapshots != null) {
            snapshots.release();
        }
    }
}
