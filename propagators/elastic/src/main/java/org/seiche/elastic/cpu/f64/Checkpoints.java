package org.seiche.elastic.cpu.f64;

import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.cpu.RowChunks;
import org.seiche.wave.storage.ArraySource;
import org.seiche.wave.storage.DoubleSnapshots;
import org.seiche.wave.storage.RevolveCursor;

/**
 * Checkpointing of one 2-D shot (storage mode checkpoint): revolve's schedule
 * ({@link RevolveCursor}, {@link DoubleSnapshots}) on the shot's forward state ({@link Wavefields#state}); the
 * adjoint recomputes each stored step's terms into the history's one step with a
 * {@link ForwardLoop} of replay wavefields, which steps as the forward run did (the same
 * sweeps and sources, so the same bits) without recording, snapshots or progress.
 */
final class Checkpoints {
    private final Kernel kernel;
    private final ElasticShots shots;
    private final int shot;
    private final double[] sources;
    private final History h;
    private final RevolveCursor cursor;
    private final DoubleSnapshots snapshots;
    private double[][] forwardState;
    private Wavefields replay;
    private RevolveCursor.Replay replaying;
    private ForwardLoop loop;
    /** The stored step being taped. */
    private int taping;

    Checkpoints(Kernel kernel, ElasticShots shots, int shot, double[] sources, History h) {
        this.kernel = kernel;
        this.shots = shots;
        this.shot = shot;
        this.sources = sources;
        this.h = h;
        this.cursor = new RevolveCursor(shots.steps(), shots.storeInterval(), shots.storage().snapshots());
        this.snapshots = new DoubleSnapshots(cursor.usedSnapshots(), ArraySource.NEW);
    }

    /**
     * In the forward run of w, before the step of stored step slot: saves the state if
     * revolve's first sweep does there; the slot the step's terms go into, or -1.
     */
    int forward(Wavefields w, int slot) {
        if (forwardState == null) {
            forwardState = w.state();
        }
        return snapshots.forward(cursor, slot, forwardState) ? slot : -1;
    }

    /** Before an adjoint run on rows: the replay wavefields it recomputes in. */
    Wavefields startAdjoint(RowChunks rows) {
        replay = kernel.wavefields(rows.count());
        loop = new ForwardLoop(kernel.grid, replay, h, rows, kernel.vectors).of(shots, shot, sources);
        replaying = snapshots.replay(replay.state(), (t, taped) -> loop.step(t, taped ? taping : -1));
        return replay;
    }

    /** Before the adjoint step of stored step slot: the history holds its terms. */
    void tape(int slot) {
        taping = slot;
        cursor.tape(slot, replaying);
    }

    /** After the adjoint run: the replay wavefields, to be given back. */
    Wavefields endAdjoint() {
        Wavefields w = replay;
        replay = null;
        replaying = null;
        loop = null;
        return w;
    }

    /** Bytes its snapshots hold. */
    long bytes() {
        return snapshots.bytes();
    }

    void release() {
        snapshots.release();
    }
}
