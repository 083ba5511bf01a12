package org.seiche.acoustic.cpu;

import java.nio.DoubleBuffer;

/** One batch of shots in the working precision: its traces and stored terms. Shots may run concurrently. */
public interface ShotBatch {
    /** Runs one shot's forward steps, recording its receivers and storing its terms. */
    void forward(int shot, Bands bands);

    /** The receiver traces [traces][steps] of the shots run. */
    void receiverTraces(DoubleBuffer out);

    /** Sets d loss / d receiver traces [traces][steps] for the adjoint shots that follow. */
    void startAdjoint(DoubleBuffer receiverAdjoint);

    /**
     * Runs one shot's adjoint steps and adds its gradients (unscaled sums over the stored
     * steps: the propagator's side applies -dt x interval) to {@code k} and {@code buoyancy},
     * the shot's own arrays (null: not asked).
     */
    void adjoint(int shot, Bands bands, DoubleBuffer k, DoubleBuffer[] buoyancy);

    /** The adjoint fields read at the source points [source traces][steps] of the shots run. */
    void sourceTraces(DoubleBuffer out);

    /** Largest number of bytes the batch held at once. */
    long peakBytes();

    /** Forward steps checkpointing recomputed in the adjoints run so far, summed over the shots. */
    long recomputedSteps();

    /** Drops the stored terms. */
    void release();
}
