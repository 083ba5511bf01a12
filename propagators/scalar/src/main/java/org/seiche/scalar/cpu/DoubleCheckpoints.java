package org.seiche.scalar.cpu;

import java.util.function.IntConsumer;

import org.seiche.api.NdArray;
import org.seiche.wave.storage.Revolve;

/**
 * Checkpointing of a batch's forward run (see {@link Revolve}): the forward run saves the
 * snapshots of revolve's first sweep and keeps its last stored step's spatial term; the
 * adjoint asks for the spatial term of each stored step in turn, from the last, and gets
 * it by restoring a snapshot into wavefields of its own and recomputing forward steps, as
 * the schedule says. A unit is a stored step and the steps up to the next one; a taped
 * unit is the one step that computes its spatial term. Snapshot 0 is the zero initial state.
 */
final class DoubleCheckpoints {
    private final DoubleShotLoops loops;
    private final ArrayPool pool;
    private final int interval;
    private final Revolve schedule;
    /** Per shot, the unit of each first-sweep save (-1: none) at that unit. */
    private final int[] sweepSave;
    /** Per shot and snapshot 1.., the state arrays one after another. */
    private final double[][][] snapshots;
    /** Per shot, the wavefields the adjoint recomputes in, and the spatial term of the last taped step. */
    private final DoubleWavefield[] replay;
    private final double[][] taped;
    /** Per shot, the next action of the schedule (the shots of a group move together, groups on their own). */
    private final int[] cursor;
    /** Per shot, the forward steps recomputed. */
    private final long[] recomputed;

    DoubleCheckpoints(DoubleShotLoops loops, ArrayPool pool, int interval, int snapshots) {
        this.loops = loops;
        this.pool = pool;
        this.interval = interval;
        this.schedule = new Revolve(DoubleBatch.storedSteps(loops.steps, interval), snapshots);
        sweepSave = new int[schedule.units()];
        java.util.Arrays.fill(sweepSave, -1);
        for (int i = 0; i < schedule.firstTape(); i++) {
            if (schedule.action(i) == Revolve.SAVE) {
                sweepSave[schedule.a(i)] = schedule.b(i);
            }
        }
        this.snapshots = new double[loops.shots][schedule.usedSnapshots()][];
        replay = new DoubleWavefield[loops.shots];
        taped = new double[loops.shots][];
        cursor = new int[loops.shots];
        recomputed = new long[loops.shots];
    }

    /** Whether the forward run keeps the spatial term of stored step slot: the first sweep's taped unit. */
    boolean keepsInForward(int slot) {
        return slot == schedule.units() - 1;
    }

    /** The array the taped step of shot s writes its spatial term into (at offset 0). */
    double[] taped(int s) {
        if (taped[s] == null) {
            taped[s] = (double[]) pool.take(double.class, loops.coefficients.cells());
        }
        return taped[s];
    }

    /** In the forward run, before the step of stored step slot: saves the state of the shots if the first sweep does. */
    void forward(int[] group, DoubleWavefield[] fields, int slot) {
        if (slot >= 0 && sweepSave[slot] >= 0) {
            save(group, fields, sweepSave[slot]);
        }
        if (slot == 0) {
            for (int s : group) {
                cursor[s] = schedule.firstTape();
            }
        }
    }

    /**
     * In the adjoint, before the adjoint step of stored step slot: runs the schedule until
     * that unit is taped, so that {@link #taped}(s) holds its spatial term.
     * {@code step} is a forward step of {@code replay}'s fields with the spatial terms into
     * {@code into} (set here to the taped arrays or null).
     */
    void tape(int[] group, int slot, double[][] into, NdArray sourceTerms) {
        for (int s : group) {
            if (replay[s] == null) {
                replay[s] = new DoubleWavefield(pool, loops.coefficients.cells());
                replay[s].clear(false);
            }
        }
        IntConsumer step = loops.step(group, (s, from, to, row) ->
                loops.stencil.step(replay[s], from, to, false, into[s], 0, row));
        while (true) {
            int at = cursor[group[0]];
            int action = schedule.action(at);
            int a = schedule.a(at);
            int b = schedule.b(at);
            boolean done = at == schedule.firstTape();
            for (int s : group) {
                cursor[s] = at + 1;
            }
            switch (action) {
                case Revolve.ADVANCE -> advance(group, step, into, a * interval, Math.min(b * interval, loops.steps), sourceTerms);
                case Revolve.SAVE -> save(group, replay, b);
                case Revolve.RESTORE -> restore(group, b);
                default -> {
                    if (a != slot) {
                        throw new IllegalStateException("checkpointing taped stored step " + a + " where " + slot + " was asked");
                    }
                    if (!done) {
                        for (int s : group) {
                            into[s] = taped(s);
                        }
                        advance(group, step, into, a * interval, a * interval + 1, sourceTerms);
                    }
                    return;
                }
            }
        }
    }

    /** Steps the replay fields from step t0 to t1 (spatial terms into {@code into}, then cleared). */
    private void advance(int[] group, IntConsumer step, double[][] into, int t0, int t1, NdArray sourceTerms) {
        for (int t = t0; t < t1; t++) {
            loops.replay(group, step);
            for (int s : group) {
                into[s] = null;
                loops.inject(replay[s].previous, s, t, sourceTerms);
                replay[s].advance();
                recomputed[s]++;
            }
        }
    }

    private void save(int[] group, DoubleWavefield[] from, int snapshot) {
        int cells = loops.coefficients.cells();
        for (int s : group) {
            double[][] state = from[s].state();
            if (snapshots[s][snapshot] == null) {
                snapshots[s][snapshot] = (double[]) pool.take(double.class, state.length * cells);
            }
            for (int k = 0; k < state.length; k++) {
                System.arraycopy(state[k], 0, snapshots[s][snapshot], k * cells, cells);
            }
        }
    }

    private void restore(int[] group, int snapshot) {
        int cells = loops.coefficients.cells();
        for (int s : group) {
            double[][] state = replay[s].state();
            for (int k = 0; k < state.length; k++) {
                if (snapshot == 0) {
                    java.util.Arrays.fill(state[k], 0);
                } else {
                    System.arraycopy(snapshots[s][snapshot], k * cells, state[k], 0, cells);
                }
            }
        }
    }

    /** Forward steps recomputed so far, summed over the shots. */
    long recomputed() {
        long n = 0;
        for (long r : recomputed) {
            n += r;
        }
        return n;
    }

    /** Bytes held now. */
    long bytes() {
        long arrays = 0;
        for (int s = 0; s < loops.shots; s++) {
            for (double[] snap : snapshots[s]) {
                arrays += snap == null ? 0 : DoubleWavefield.STATE_ARRAYS;
            }
            arrays += replay[s] != null ? DoubleWavefield.ARRAYS : 0;
            arrays += taped[s] != null ? 1 : 0;
        }
        return arrays * loops.coefficients.cells() * Double.BYTES;
    }

    void release() {
        for (int s = 0; s < loops.shots; s++) {
            for (int k = 0; k < snapshots[s].length; k++) {
                pool.give(snapshots[s][k]);
                snapshots[s][k] = null;
            }
            if (replay[s] != null) {
                replay[s].release(pool);
                replay[s] = null;
            }
            pool.give(taped[s]);
            taped[s] = null;
        }
    }
}
