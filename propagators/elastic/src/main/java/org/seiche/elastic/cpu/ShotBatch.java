package org.seiche.elastic.cpu;

import java.nio.DoubleBuffer;
import java.util.Map;

import org.seiche.elastic.spi.Coefficient;

/**
 * One batch of shots in the working precision: its traces and stored histories. Shots may
 * run concurrently, each on its own pooled wavefields.
 */
public interface ShotBatch {
    /** Runs one shot's forward steps, recording its receivers and storing its history. */
    void forward(int shot, RowChunks rows);

    /** The receiver traces [traces][steps] of the shots run. */
    void receiverTraces(DoubleBuffer out);

    /** Sets d loss / d receiver traces [traces][steps] for the adjoint shots that follow. */
    void startAdjoint(DoubleBuffer receiverAdjoint);

    /** Runs one shot's adjoint steps and adds its coefficient gradients to {@code sums}, the shot's own. */
    void adjoint(int shot, RowChunks rows, Map<Coefficient, DoubleBuffer> sums);

    /** The adjoint wavefield read at the source points [source traces][steps] of the shots run. */
    void sourceTraces(DoubleBuffer out);

    /** Largest number of bytes the batch held at once. */
    long peakBytes();

    /** Returns the histories to the pool. */
    void release();
}
