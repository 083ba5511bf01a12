package org.seiche.acoustic.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** A kernel prepared for one grid and precision; runs batches of shots, possibly concurrently. */
@ConsumerType
public interface AcousticSolver extends AutoCloseable {
    AcousticRecording forward(AcousticShots shots);

    /**
     * Bytes one shot holds while it runs {@code steps} steps: its wavefields and, when
     * {@code storing}, the adjoint's fields and the terms stored every {@code storeInterval} steps.
     */
    long bytesPerShot(int steps, boolean storing, int storeInterval);

    @Override
    default void close() {
    }
}
