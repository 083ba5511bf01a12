package org.seiche.acoustic.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** The result of a forward batch: receiver traces, and the adjoint from what was stored. */
@ConsumerType
public interface AcousticRecording extends AutoCloseable {
    /** Receiver traces [receiver traces][steps]. */
    double[] receiverTraces();

    /**
     * Runs the adjoint steps backward, injecting {@code receiverAdjoint} ([receiver
     * traces][steps], d loss / d receiver trace) at the receiver points.
     */
    AcousticGradient adjoint(double[] receiverAdjoint);

    /** Largest number of bytes this batch held at once (wavefields, stored terms, traces). */
    long peakBytes();

    /** Forward steps checkpointing recomputed in the adjoint (0 in other storage modes). */
    default long recomputedSteps() {
        return 0;
    }

    /** Releases what was stored. */
    @Override
    void close();
}
