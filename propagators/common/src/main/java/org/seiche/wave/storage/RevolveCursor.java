package org.seiche.wave.storage;

import java.util.Arrays;

/**
 * One shot's way through a {@link Revolve} schedule, whatever its state is made of: the
 * forward run asks before each stored step whether to save its state and whether to keep
 * that step's terms (the first sweep's taped unit, the last); the adjoint asks for the
 * terms of each stored step in turn, from the last, and the cursor runs the schedule on the
 * propagator's {@link Replay} (its own state, recomputed from snapshots) until that unit is
 * taped. A unit is a stored step and the steps up to the next; its taped step is the one
 * stored step (the one whose terms its adjoint reads). Snapshot 0 is the zero initial
 * state. A second adjoint of the same forward run finds the snapshots spent by the first:
 * it runs the first sweep again from the zero state, taping the last unit too. With
 * {@link DoubleSnapshots} (the snapshots of a state made of arrays), this is the
 * checkpointing of every propagator; shots stepped together follow one cursor ({@link #follow}).
 */
public final class RevolveCursor {
    /** The propagator's forward step of its replay state (nothing recorded, no listener told). */
    public interface Step {
        /** One forward step t of the replay state, sources included; {@code taped}: keeping its terms, else none. */
        void step(int t, boolean taped);
    }

    /** What the schedule is run on: the propagator's replay state and its snapshots. */
    public interface Replay extends Step {
        /** Copies the replay state into snapshot s (s >= 1). */
        void save(int snapshot);

        /** Sets the replay state to snapshot s (0: the zero initial state). */
        void restore(int snapshot);
    }

    private final Revolve schedule;
    private final int steps;
    private final int interval;
    /** Per unit, the snapshot the first sweep saves there (-1: none). */
    private final int[] sweepSave;
    private int cursor;
    private long recomputed;

    /** The schedule of {@code steps} steps, one stored every {@code interval}, with at most {@code snapshots} states at once. */
    public RevolveCursor(int steps, int interval, int snapshots) {
        this.steps = steps;
        this.interval = interval;
        this.schedule = new Revolve((steps + interval - 1) / interval, snapshots);
        sweepSave = new int[schedule.units()];
        Arrays.fill(sweepSave, -1);
        for (int i = 0; i < schedule.firstTape(); i++) {
            if (schedule.action(i) == Revolve.SAVE) {
                sweepSave[schedule.a(i)] = schedule.b(i);
            }
        }
        cursor = schedule.firstTape();
    }

    /** A cursor of its own over another's schedule (for another shot of the same run: a schedule is never changed by walking it). */
    public RevolveCursor(RevolveCursor same) {
        this.steps = same.steps;
        this.interval = same.interval;
        this.schedule = same.schedule;
        this.sweepSave = same.sweepSave;
        cursor = schedule.firstTape();
    }

    /** Snapshots held at most at once, the initial state's included. */
    public int usedSnapshots() {
        return schedule.usedSnapshots();
    }

    /** In the forward run, before stored step slot: the snapshot to save the state into, or -1. */
    public int forwardSave(int slot) {
        if (slot == 0) {
            cursor = schedule.firstTape();
        }
        return sweepSave[slot];
    }

    /** Whether the forward run keeps the terms of stored step slot (the last). */
    public boolean forwardKeeps(int slot) {
        return slot == schedule.units() - 1;
    }

    /** In the adjoint, before the adjoint step of stored step slot: runs the schedule until that unit is taped. */
    public void tape(int slot, Replay replay) {
        boolean again = slot == schedule.units() - 1 && cursor != schedule.firstTape();
        if (again) {
            replay.restore(0);
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
                case Revolve.SAVE -> replay.save(b);
                case Revolve.RESTORE -> replay.restore(b);
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

    /** Takes the place in the schedule of a cursor whose replay stepped this shot along with its own. */
    public void follow(RevolveCursor leader) {
        cursor = leader.cursor;
    }

    /** Forward steps recomputed so far (by this cursor's own {@link #tape} calls). */
    public long recomputed() {
        return recomputed;
    }
}
