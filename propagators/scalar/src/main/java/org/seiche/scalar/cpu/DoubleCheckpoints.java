package org.seiche.scalar.cpu;

import java.util.Arrays;

import org.seiche.wave.storage.Revolve;

/**
 * Checkpointing of a batch's forward run (see {@link Revolve}): the forward run saves the
 * snapshots of revolve's first sweep and keeps its last stored step's spatial terms; the
 * adjoint asks for the spatial terms of each stored step in turn, from the last, and gets
 * them by restoring a snapshot into wavefields of its own and recomputing forward steps, as
 * the schedule says. A unit is a stored step and the steps up to the next one; a taped
 * unit is the one step that computes its spatial terms. Snapshot 0 is the zero initial
 * state. A shot's state is that of each of its wavefields (one for the scalar equation, the
 * background and scattered fields for Born). A second adjoint of the same forward run (a
 * Hessian product's Born run has two) finds the snapshots spent by the first: it runs the
 * first sweep again from the zero state in the replay wavefields, taping the last unit too.
 */
final class DoubleCheckpoints {
    /** The batch's forward step. */
    interface Forward {
        /**
         * Steps the group's wavefields {@code on} (per shot) from step t to t + 1, sources
         * included, writing the spatial terms into {@code taped}[s] (per shot, one array per
         * term the adjoint reads, at offset 0) or, when taped is null, keeping none.
         */
        void step(int[] group, DoubleWavefield[][] on, double[][][] taped, int t);
    }

    private final DoubleShotLoops loops;
    private final ArrayPool pool;
    private final int interval;
    private final Forward forward;
    private final Revolve schedule;
    /** Per unit, the snapshot the first sweep saves there (-1: none). */
    private final int[] sweepSave;
    /** Per shot and snapshot 1.., the state arrays one after another. */
    private final double[][][] snapshots;
    /** Per shot, the wavefields the adjoint recomputes in, and the spatial terms of the last taped step. */
    private final DoubleWavefield[][] replay;
    private final double[][][] taped;
    /** Per shot, the next action of the schedule (the shots of a group move together, groups on their own). */
    private final int[] cursor;
    /** Per shot, the forward steps recomputed. */
    private final long[] recomputed;

    /**
     * Checkpoints of {@code wavefields} wavefields a shot, {@code terms} spatial terms a stored
     * step, with at most {@code snapshots} snapshots (the initial state's included).
     */
    DoubleCheckpoints(DoubleShotLoops loops, ArrayPool pool, int interval, int snapshots, int wavefields, int terms,
                      Forward forward) {
        this.loops = loops;
        this.pool = pool;
        this.interval = interval;
        this.forward = forward;
        this.schedule = new Revolve(DoubleBatch.storedSteps(loops.steps, interval), snapshots);
        sweepSave = new int[schedule.units()];
        Arrays.fill(sweepSave, -1);
        for (int i = 0; i < schedule.firstTape(); i++) {
            if (schedule.action(i) == Revolve.SAVE) {
                sweepSave[schedule.a(i)] = schedule.b(i);
            }
        }
        this.snapshots = new double[loops.shots][schedule.usedSnapshots()][];
        replay = new DoubleWavefield[loops.shots][wavefields];
        taped = new double[loops.shots][terms][];
        cursor = new int[loops.shots];
        recomputed = new long[loops.shots];
    }

    /** Whether the forward run keeps the spatial terms of stored step slot: the first sweep's taped unit. */
    boolean keepsInForward(int slot) {
        return slot == schedule.units() - 1;
    }

    /** The arrays the taped step of shot s writes its spatial terms into (at offset 0). */
    double[][] taped(int s) {
        double[][] t = taped[s];
        for (int k = 0; k < t.length; k++) {
            if (t[k] == null) {
                t[k] = (double[]) pool.take(double.class, loops.coefficients.cells());
            }
        }
        return t;
    }

    /** In the forward run, before the step of stored step slot: saves the shots' state if the first sweep does. */
    void forward(int[] group, DoubleWavefield[][] fields, int slot) {
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
     * that unit is taped, so that {@link #taped}(s) holds its spatial terms.
     */
    void tape(int[] group, int slot) {
        for (int s : group) {
            for (int w = 0; w < replay[s].length; w++) {
                if (replay[s][w] == null) {
                    replay[s][w] = new DoubleWavefield(pool, loops.coefficients);
                    replay[s][w].clear(false);
                }
            }
        }
        boolean again = slot == schedule.units() - 1 && cursor[group[0]] != schedule.firstTape();
        if (again) {
            restore(group, 0);
            for (int s : group) {
                cursor[s] = 0;
            }
        }
        while (true) {
            int at = cursor[group[0]];
            int action = schedule.action(at);
            int a = schedule.a(at);
            int b = schedule.b(at);
            // the forward run taped the last unit, unless this sweep runs again
            boolean done = at == schedule.firstTape() && !again;
            for (int s : group) {
                cursor[s] = at + 1;
            }
            switch (action) {
                case Revolve.ADVANCE -> advance(group, null, a * interval, Math.min(b * interval, loops.steps));
                case Revolve.SAVE -> save(group, replay, b);
                case Revolve.RESTORE -> restore(group, b);
                default -> {
                    if (a != slot) {
                        throw new IllegalStateException("checkpointing taped stored step " + a + " where " + slot + " was asked");
                    }
                    if (!done) {
                        double[][][] into = new double[loops.shots][][];
                        for (int s : group) {
                            into[s] = taped(s);
                        }
                        advance(group, into, a * interval, a * interval + 1);
                    }
                    return;
                }
            }
        }
    }

    /** Steps the replay fields from step t0 to t1 (spatial terms into {@code into} when not null). */
    private void advance(int[] group, double[][][] into, int t0, int t1) {
        for (int t = t0; t < t1; t++) {
            forward.step(group, replay, into, t);
            for (int s : group) {
                recomputed[s]++;
            }
        }
    }

    private void save(int[] group, DoubleWavefield[][] from, int snapshot) {
        int cells = loops.coefficients.cells();
        for (int s : group) {
            int k = 0;
            for (DoubleWavefield w : from[s]) {
                for (double[] a : w.state()) {
                    if (snapshots[s][snapshot] == null) {
                        snapshots[s][snapshot] = (double[]) pool.take(double.class,
                                from[s].length * DoubleWavefield.stateArrays(loops.coefficients.ndim) * cells);
                    }
                    System.arraycopy(a, 0, snapshots[s][snapshot], k++ * cells, cells);
                }
            }
        }
    }

    private void restore(int[] group, int snapshot) {
        int cells = loops.coefficients.cells();
        for (int s : group) {
            int k = 0;
            for (DoubleWavefield w : replay[s]) {
                for (double[] a : w.state()) {
                    if (snapshot == 0) {
                        Arrays.fill(a, 0);
                    } else {
                        System.arraycopy(snapshots[s][snapshot], k * cells, a, 0, cells);
                    }
                    k++;
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
        long values = 0;
        long cells = loops.coefficients.cells();
        for (int s = 0; s < loops.shots; s++) {
            for (double[] snap : snapshots[s]) {
                values += snap == null ? 0 : snap.length;
            }
            for (DoubleWavefield w : replay[s]) {
                values += w != null ? DoubleWavefield.arrays(loops.coefficients.ndim) * cells : 0;
            }
            for (double[] t : taped[s]) {
                values += t != null ? cells : 0;
            }
        }
        return values * Double.BYTES;
    }

    void release() {
        for (int s = 0; s < loops.shots; s++) {
            for (int k = 0; k < snapshots[s].length; k++) {
                pool.give(snapshots[s][k]);
                snapshots[s][k] = null;
            }
            for (int w = 0; w < replay[s].length; w++) {
                if (replay[s][w] != null) {
                    replay[s][w].release(pool);
                    replay[s][w] = null;
                }
            }
            for (int k = 0; k < taped[s].length; k++) {
                pool.give(taped[s][k]);
                taped[s][k] = null;
            }
        }
    }
}
