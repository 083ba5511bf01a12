package org.seiche.elastic;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/** A kernel prepared for one grid and precision; runs batches of shots, possibly concurrently. */
@ConsumerType
public interface ElasticSolver extends AutoCloseable {
    ElasticRecording forward(ElasticShots shots);

    /**
     * Bytes one shot holds while it runs {@code steps} steps: its wavefields and, when
     * gradients are asked, the adjoint's fields and the history stored every
     * {@code storeInterval} steps.
     */
    long bytesPerShot(int steps, Set<Coefficient> gradients, int storeInterval);

    @Override
    default void close() {
    }
}
