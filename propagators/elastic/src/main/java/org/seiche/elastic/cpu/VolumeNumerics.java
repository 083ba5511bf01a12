package org.seiche.elastic.cpu;

import java.nio.DoubleBuffer;

import org.seiche.wave.storage.StoragePlanner;

/**
 * The precision-specific 1-D / 3-D elastic kernel prepared for one {@link VolumeGrid}; written
 * once in {@code cpu.f64} (VolumeKernel), the build generates the float copy in {@code cpu.f32}.
 */
public interface VolumeNumerics {
    /**
     * Runs every shot forward, writing the receiver traces [traces][steps] into
     * {@code receivers} and keeping what the adjoint needs when {@code shots.terms()} asks.
     */
    VolumeAdjoint forward(VolumeShots shots, DoubleBuffer receivers);

    /** Bytes one shot holds while it runs: wavefields and, for a gradient, the adjoint's fields and the history. */
    long bytesPerShot(int steps, VolumeTerms terms, int storeInterval);

    /**
     * What one shot of a gradient run holds, for propagator.storage's plan: its fields
     * whatever the storage, the values of a stored step, a snapshot of the forward state,
     * checkpointing's replay fields and taped step.
     */
    StoragePlanner.Sizes storageSizes(int steps, VolumeTerms terms, int storeInterval);

    /** A forward batch's stored histories, ready to run backward. */
    interface VolumeAdjoint extends AutoCloseable {
        /**
         * Runs every shot's adjoint from {@code receiverAdjoint} ([traces][steps]), adding the
         * gradients of lamb, mu, shear[pair], buoyancy[d] (grid layout; null when not asked)
         * summed over shots in shot order, and writing the adjoint read at the source points
         * into {@code sourceReads} [source traces][steps].
         */
        void adjoint(DoubleBuffer receiverAdjoint, DoubleBuffer[] gradients, DoubleBuffer sourceReads);

        long peakBytes();

        @Override
        void close();
    }
}
