package org.seiche.scalar.cpu;

import org.seiche.wave.storage.DoubleSnapshots;
import org.seiche.wave.storage.RevolveCursor;

/**
 * Checkpointing of a batch's forward run by the shared driver ({@link RevolveCursor} per
 * shot, {@link DoubleSnapshots} of its state): the forward run saves the snapshots of
 * revolve's first sweep and keeps its last stored step's spatial terms; the adjoint asks for
 * the spatial terms of each stored step in turn, from the last, and gets them by restoring
 * snapshots into replay wavefields of its own and recomputing forward steps, as the
 * schedule says. A taped unit is the one step that computes its spatial terms. A shot's
 * state is that of each of its wavefields (one for the scalar equation, the background and
 * scattered fields for Born). The shots of a group step together: the first one's cursor
 * runs the schedule and the others follow it.
 */
final class DoubleReplay {
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
    private final Forward forward;
    private final RevolveCursor[] cursors;
    private final DoubleSnapshots[] snapshots;
    /** Per shot, its state's arrays gathered for a save or restore (they swap at every step). */
    private final double[][][] state;
    /** Per shot, the wavefields the adjoint recomputes in, and the spatial terms of the last taped step. */
    private final DoubleWavefield[][] replay;
    private final double[][][] taped;
    /** Per shot, the replay its cursor runs when it leads a group (groups run on threads of their own), and that group. */
    private final RevolveCursor.Replay[] replays;
    private final int[][] led;
    /** Per leading shot, the forward steps its group recomputed, summed over the group's shots. */
    private final long[] recomputed;

    /**
     * Checkpoints of {@code wavefields} wavefields a shot, {@code terms} spatial terms a stored
     * step, one stored every {@code interval} steps, with at most {@code snapshots} snapshots
     * (the initial state's included).
     */
    DoubleReplay(DoubleShotLoops loops, ArrayPool pool, int interval, int snapshots, int wavefields, int terms,
                 Forward forward) {
        this.loops = loops;
        this.pool = pool;
        this.forward = forward;
        cursors = new RevolveCursor[loops.shots];
        this.snapshots = new DoubleSnapshots[loops.shots];
        state = new double[loops.shots][wavefields * DoubleWavefield.stateArrays(loops.coefficients.ndim)][];
        replay = new DoubleWavefield[loops.shots][wavefields];
        taped = new double[loops.shots][terms][];
        replays = new RevolveCursor.Replay[loops.shots];
        led = new int[loops.shots][];
        recomputed = new long[loops.shots];
        for (int s = 0; s < loops.shots; s++) {
            cursors[s] = s == 0 ? new RevolveCursor(loops.steps, interval, snapshots) : new RevolveCursor(cursors[0]);
            this.snapshots[s] = new DoubleSnapshots(cursors[s].usedSnapshots(), pool);
            replays[s] = groupReplay(s);
        }
    }

    /** The replay of the group shot {@code leader} leads: its shots saved, restored and stepped together. */
    private RevolveCursor.Replay groupReplay(int leader) {
        return new RevolveCursor.Replay() {
            @Override
            public void save(int snapshot) {
                for (int s : led[leader]) {
                    snapshots[s].save(snapshot, gather(s, replay[s]));
                }
            }

            @Override
            public void restore(int snapshot) {
                for (int s : led[leader]) {
                    snapshots[s].restore(snapshot, gather(s, replay[s]));
                }
            }

            @Override
            public void step(int t, boolean keep) {
                forward.step(led[leader], replay, keep ? taped : null, t);
                recomputed[leader] += led[leader].length;
            }
        };
    }

    /** Shot s's state arrays of {@code fields}, gathered into its reused list. */
    private double[][] gather(int s, DoubleWavefield[] fields) {
        int at = 0;
        for (DoubleWavefield w : fields) {
            at = w.state(state[s], at);
        }
        return state[s];
    }

    /** Whether the forward run keeps the spatial terms of stored step slot: the first sweep's taped unit. */
    boolean keepsInForward(int slot) {
        return cursors[0].forwardKeeps(slot);
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

    /** In the forward run, before the step of stored step slot (-1: none): saves the shots' state if the first sweep does. */
    void forward(int[] group, DoubleWavefield[][] fields, int slot) {
        for (int s = 0; slot >= 0 && s < group.length; s++) {
            snapshots[group[s]].forward(cursors[group[s]], slot, gather(group[s], fields[group[s]]));
        }
    }

    /**
     * In the adjoint, before the adjoint step of stored step slot: runs the schedule until
     * that unit is taped, so that {@link #taped}(s) holds its spatial terms.
     */
    void tape(int[] group, int slot) {
        for (int s : group) {
            taped(s);
            for (int w = 0; w < replay[s].length; w++) {
                if (replay[s][w] == null) {
                    replay[s][w] = new DoubleWavefield(pool, loops.coefficients);
                    replay[s][w].clear(false);
                }
            }
        }
        led[group[0]] = group;
        RevolveCursor leader = cursors[group[0]];
        leader.tape(slot, replays[group[0]]);
        for (int s : group) {
            cursors[s].follow(leader);
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
            for (DoubleWavefield w : replay[s]) {
                values += w != null ? DoubleWavefield.arrays(loops.coefficients.ndim) * cells : 0;
            }
            for (double[] t : taped[s]) {
                values += t != null ? cells : 0;
            }
        }
        long bytes = values * Double.BYTES;
        for (DoubleSnapshots s : snapshots) {
            bytes += s.bytes();
        }
        return bytes;
    }

    void release() {
        for (int s = 0; s < loops.shots; s++) {
            snapshots[s].release();
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
