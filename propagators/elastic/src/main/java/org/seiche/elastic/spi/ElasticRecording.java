package org.seiche.elastic.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** The result of a forward batch: receiver traces, and the adjoint from what was stored. */
@ConsumerType
public interface ElasticRecording extends AutoCloseable {
    /** Receiver traces [receiver traces][steps]. */
    double[] receiverTraces();

    /**
     * Runs the adjoint steps backward, injecting {@code receiverAdjoint} ([receiver
     * traces][steps], d loss / d receiver trace) at the receiver points.
     */
    ElasticGradient adjoint(double[] receiverAdjoint);

    /** Largest number of bytes this batch held at once (wavefields, stored history, traces). */
    long peakBytes();

    /** Releases the stored history and wavefields for reuse. */
    @Override
    void close();
}
