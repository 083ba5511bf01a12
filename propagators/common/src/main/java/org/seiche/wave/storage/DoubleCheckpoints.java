package org.seiche.wave.storage;

import java.util.Arrays;

/**
 * Checkpointing of one shot's forward run by revolve's schedule ({@link Revolve}), for any
 * propagator and dimension: a shot's state is a list of arrays (its wavefields and C-PML
 * memory variables, whatever their shape), copied whole into a snapshot. The forward run
 * tells it of each stored step before stepping there ({@link #forward}), so that the
 * snapshots of revolve's first sweep are saved, and keeps the terms of the last stored step
 * only ({@link #keptInForward}). Before the adjoint step of a stored step, {@link #tape}
 * restores snapshots into the propagator's replay state and steps it forward as the
 * schedule says, until that stored step is taped (its terms kept where the adjoint reads
 * them). A unit is a stored step and the steps up to the next one. Snapshot 0 is the zero
 * initial state. A second adjoint of the same forward run finds the snapshots spent: it
 * runs the first sweep again from the zero state, taping the last unit too.
 */
public final class DoubleCheckpoints implements AutoCloseable {
    /** The propagator's forward step of its replay state (nothing recorded, no listener told). */
    public interface Replay {
        /** Steps the replay state from step t to t + 1, keeping the terms the adjoint reads when {@code taped}. */
        void step(int t, boolean taped);
    }

    private final int steps;
    private final int interval;
    private final Revolve schedule;
    /** Per unit, the snapshot the first sweep saves there (-1: none). */
    private final int[] sweepSave;
    /** Per snapshot 1.., a copy of each state array (null until saved). */
    private final double[][][] snapshots;
    private final ArraySource arrays;
    /** The next action of the schedule. */
    private int cursor;
    private long recomputed;

    /**
     * Checkpoints of a run of {@code steps} steps storing every {@code interval}-th, with at
     * most {@code snapshots} snapshots (the initial state's included), their arrays from arrays.
     */
    public DoubleCheckpoints(int steps, int interval, int snapshots, ArraySource arrays) {
        this.steps = steps;
        this.interval = interval;
        this.arrays = arrays;
        this.schedule = new Revolve((steps + interval - 1) / interval, snapshots);
        sweepSave = new int[schedule.units()];
        Arrays.fill(sweepSave, -1);
        for (int i = 0; i < schedule.firstTape(); i++) {
            if (schedule.action(i) == Revolve.SAVE) {
                sweepSave[schedule.a(i)] = schedule.b(i);
            }
        }
        this.snapshots = new double[schedule.usedSnapshots()][][];
        cursor = schedule.firstTape();
    }

    /** Whether the forward run keeps the terms of stored step slot: the first sweep's taped unit, the last. */
    public boolean keptInForward(int slot) {
        return slot == schedule.units() - 1;
    }

    /** In the forward run, before the step of stored step slot: saves {@code state} if the first sweep does there. */
    public void forward(int slot, double[][] state) {
        if (slot == 0) {
            cursor = schedule.firstTape();
        }
        if (sweepSave[slot] >= 0) {
            copy(state, into(sweepSave[slot], state));
        }
    }

    /**
     * In the adjoint, before the adjoint step of stored step slot (from the last down):
     * runs the schedule on {@code replayState} with {@code replay} until that stored step is
     * taped. The replay state's arrays must be the same in number and length at every call.
     */
    public void tape(int slot, double[][] replayState, Replay replay) {
        boolean again = slot == schedule.units() - 1 && cursor != schedule.firstTape();
        if (again) {
            restore(0, replayState);
            cursor = 0;
        }
        while (true) {
            int at = cursor++;
            int a = schedule.a(at);
            int b = schedule.b(at);
            switch (schedule.action(at)) {
                case Revolve.ADVANCE -> {
                    for (int t = a * interval; t < Math.min(b * interval, steps); t++) {
                        replay.step(t, false);
                        recomputed++;
                    }
                }
                case Revolve.SAVE -> copy(replayState, into(b, replayState));
                case Revolve.RESTORE -> restore(b, replayState);
                default -> {
                    if (a != slot) {
                        throw new IllegalStateException("checkpointing taped stored step " + a + " where " + slot + " was asked");
                    }
                    // the forward run taped the last unit, unless this sweep runs again
                    if (at != schedule.firstTape() || again) {
                        replay.step(a * interval, true);
                        recomputed++;
                    }
                    return;
                }
            }
        }
    }

    private double[][] into(int snapshot, double[][] state) {
        if (snapshots[snapshot] == null) {
            double[][] s = new double[state.length][];
            for (int i = 0; i < s.length; i++) {
                s[i] = (double[]) arrays.take(double.class, state[i].length);
            }
            snapshots[snapshot] = s;
        }
        return snapshots[snapshot];
    }

    private static void copy(double[][] from, double[][] to) {
        for (int i = 0; i < from.length; i++) {
            System.arraycopy(from[i], 0, to[i], 0, from[i].length);
        }
    }

    private void restore(int snapshot, double[][] state) {
        if (snapshot == 0) {
            for (double[] a : state) {
                Arrays.fill(a, 0);
            }
        } else {
            copy(snapshots[snapshot], state);
        }
    }

    /** Forward steps recomputed so far (taped ones included). */
    public long recomputed() {
        return recomputed;
    }

    /** Snapshots the schedule holds at most at once, the initial state's included. */
    public int snapshots() {
        return schedule.usedSnapshots();
    }

    /** Bytes its snapshots hold now. */
    public long bytes() {
        long values = 0;
        for (double[][] s : snapshots) {
            for (int i = 0; s != null && i < s.length; i++) {
                values += s[i].length;
            }
        }
        return values * Double.BYTES;
    }

    /** Gives the snapshots' arrays back. */
    @Override
    public void close() {
        for (int k = 0; k < snapshots.length; k++) {
            for (int i = 0; snapshots[k] != null && i < snapshots[k].length; i++) {
                arrays.give(snapshots[k][i]);
            }
            snapshots[k] = null;
        }
    }
}
