package org.seiche.elastic.spi;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.seiche.wave.storage.StoragePlanner;

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

    /**
     * What one shot of a gradient run holds, for {@code propagator.storage}'s plan: its
     * fields whatever the storage, the values of a stored step, a snapshot of the forward
     * state and checkpointing's replay; null for a kernel that keeps every stored step in
     * memory (the storage plan of {@link ElasticShots} is then memory and is not looked at).
     */
    default StoragePlanner.Sizes storageSizes(int steps, Set<Coefficient> gradients, int storeInterval) {
        return null;
    }

    @Override
    default void close() {
    }
}
