package org.seiche.acoustic.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.seiche.wave.storage.StoragePlanner;

/** A kernel prepared for one grid and precision; runs batches of shots, possibly concurrently. */
@ConsumerType
public interface AcousticSolver extends AutoCloseable {
    AcousticRecording forward(AcousticShots shots);

    /**
     * Bytes one shot holds while it runs {@code steps} steps: its wavefields and, when
     * {@code storing}, the adjoint's fields and the terms stored every {@code storeInterval} steps.
     */
    long bytesPerShot(int steps, boolean storing, int storeInterval);

    /**
     * What one shot of a gradient run holds, for planning the storage of its terms (disk,
     * compression, checkpointing; see StoragePlanner); null: the kernel keeps every stored
     * step in memory, uncompressed, whatever {@link AcousticShots#storage()} says.
     */
    default StoragePlanner.Sizes storageSizes(int steps, int storeInterval) {
        return null;
    }

    @Override
    default void close() {
    }
}
