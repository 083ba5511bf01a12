package org.seiche.elastic.cpu.f64;

import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.cpu.RowChunks;
import org.seiche.wave.storage.ArraySource;
import org.seiche.wave.storage.DoubleCheckpoints;

/**
 * Checkpointing of one 2-D shot (storage mode checkpoint): revolve's schedule
 * ({@link DoubleCheckpoints}) on the shot's forward state ({@link Wavefields#state}); the
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
    private final DoubleCheckpoints schedule;
    private double[][] forwardState;
    private Wavefields replay;
    private double[][] replayState;
    private ForwardLoop loop;

    Checkpoints(Kernel kernel, ElasticShots shots, int shot, double[] sources, History h) {
        this.kernel = kernel;
        this.shots = shots;
        this.shot = shot;
        this.sources = sources;
        this.h = h;
        this.schedule = new DoubleCheckpoints(shots.steps(), shots.storeInterval(), shots.storage().snapshots(),
                ArraySource.NEW);
    }

    /**
     * In the forward run of w, before the step of stored step slot: saves the state if
     * revolve's first sweep does there; the slot the step's terms go into, or -1.
     */
    int forward(Wavefields w, int slot) {
        if (forwardState == null) {
            forwardState = w.state();
        }
        schedule.forward(slot, forwardState);
        return schedule.keptInForward(slot) ? slot : -1;
    }

    /** Before an adjoint run on rows: the replay wavefields it recomputes in. */
    Wavefields startAdjoint(RowChunks rows) {
        replay = kernel.wavefields(rows.count());
        replayState = replay.state();
        loop = new ForwardLoop(kernel.grid, replay, h, rows, kernel.vectors).of(shots, shot, sources);
        return replay;
    }

    /** Before the adjoint step of stored step slot: the history holds its terms. */
    void tape(int slot) {
        schedule.tape(slot, replayState, (t, taped) -> loop.step(t, taped ? slot : -1));
    }

    /** After the adjoint run: the replay wavefields, to be given back. */
    Wavefields endAdjoint() {
        Wavefields w = replay;
        replay = null;
        replayState = null;
        loop = null;
        return w;
    }

    /** Bytes its snapshots hold. */
    long bytes() {
        return schedule.bytes();
    }

    void release() {
        schedule.close();
    }
}
