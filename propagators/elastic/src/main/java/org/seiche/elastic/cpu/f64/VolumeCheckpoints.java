package org.seiche.elastic.cpu.f64;

import org.seiche.wave.storage.ArraySource;
import org.seiche.wave.storage.DoubleSnapshots;
import org.seiche.wave.storage.RevolveCursor;

/**
 * Checkpointing of one volume shot (storage mode checkpoint): revolve's schedule
 * ({@link RevolveCursor}, {@link DoubleSnapshots}) on the shot's forward state ({@link VolumeFields#state}); the
 * adjoint recomputes each stored step's terms into the history's taped step by stepping
 * replay fields as the forward run did ({@link VolumeRun#step}: the same sweeps and sources,
 * so the same bits), without recording or progress.
 */
final class VolumeCheckpoints {
    private final VolumeRun run;
    private final VolumeKernel k;
    private final int shot;
    private final VolumeHistory h;
    private final RevolveCursor cursor;
    private final DoubleSnapshots snapshots;
    private final double[][] forwardState;
    private VolumeFields replay;
    private RevolveCursor.Replay replaying;
    private VolumeSweeps sweeps;

    VolumeCheckpoints(VolumeRun run, VolumeKernel k, int shot, VolumeHistory h, VolumeFields forward, int steps, int snapshots) {
        this.run = run;
        this.k = k;
        this.shot = shot;
        this.h = h;
        this.cursor = new RevolveCursor(steps, h.interval, snapshots);
        this.snapshots = new DoubleSnapshots(cursor.usedSnapshots(), ArraySource.NEW);
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
        return snapshots.forward(cursor, slot, forwardState) ? h.forward(t) : null;
    }

    /** In the adjoint, before step t: step t's terms, recomputed; null when step t is not stored. */
    VolumeHistory.Slot adjoint(int t) {
        int slot = h.slot(t);
        if (slot < 0) {
            return null;
        }
        if (replay == null) {
            replay = new VolumeFields(k, false);
            sweeps = new VolumeSweeps(k, replay);
            replaying = snapshots.replay(replay.state(),
                    (step, taped) -> run.step(sweeps, replay, shot, step, taped ? h.forward(step) : null));
        }
        cursor.tape(slot, replaying);
        return h.adjoint(t);
    }

    /** Bytes its snapshots and replay fields hold. */
    long bytes() {
        return snapshots.bytes() + (replay != null ? VolumeFields.bytes(k, false) : 0);
    }

    /** Gives back its snapshots and drops the replay fields. */
    void close() {
        snapshots.release();
        replay = null;
        replaying = null;
        sweeps = null;
    }
}
