package org.seiche.elastic.cpu.f64;

import org.seiche.wave.storage.ArraySource;
import org.seiche.wave.storage.DoubleCheckpoints;

/**
 * Checkpointing of one volume shot (storage mode checkpoint): revolve's schedule
 * ({@link DoubleCheckpoints}) on the shot's forward state ({@link VolumeFields#state}); the
 * adjoint recomputes each stored step's terms into the history's taped step by stepping
 * replay fields as the forward run did ({@link VolumeRun#step}: the same sweeps and sources,
 * so the same bits), without recording or progress.
 */
final class VolumeCheckpoints {
    private final VolumeRun run;
    private final VolumeKernel k;
    private final int shot;
    private final VolumeHistory h;
    private final DoubleCheckpoints schedule;
    private final double[][] forwardState;
    private VolumeFields replay;
    private double[][] replayState;
    private VolumeSweeps sweeps;

    VolumeCheckpoints(VolumeRun run, VolumeKernel k, int shot, VolumeHistory h, VolumeFields forward, int steps, int snapshots) {
        this.run = run;
        this.k = k;
        this.shot = shot;
        this.h = h;
        this.schedule = new DoubleCheckpoints(steps, h.interval, snapshots, ArraySource.NEW);
        this.forwardState = forward.state();
    }

    /**
     * In the forward run, before step t: saves the state if revolve's first sweep does
     * there; where step t's terms go, or null (kept for the last stored step only).
     */
    VolumeHistory.Slot forward(int t) {
        int slot = h.slot(t);
        if (slot < 0) {
            return null;
        }
        schedule.forward(slot, forwardState);
        return schedule.keptInForward(slot) ? h.forward(t) : null;
    }

    /** In the adjoint, before step t: step t's terms, recomputed; null when step t is not stored. */
    VolumeHistory.Slot adjoint(int t) {
        int slot = h.slot(t);
        if (slot < 0) {
            return null;
        }
        if (replay == null) {
            replay = new VolumeFields(k, false);
            replayState = replay.state();
            sweeps = new VolumeSweeps(k, replay);
        }
        schedule.tape(slot, replayState, (step, taped) -> run.step(sweeps, replay, shot, step, taped ? h.forward(step) : null));
        return h.adjoint(t);
    }

    /** Bytes its snapshots and replay fields hold. */
    long bytes() {
        return schedule.bytes() + (replay != null ? VolumeFields.bytes(k, false) : 0);
    }

    /** Gives back its snapshots and drops the replay fields. */
    void close() {
        schedule.close();
        replay = null;
        replayState = null;
        sweeps = null;
    }
}
