package org.seiche.scalar.spi;

import org.osgi.annotation.versioning.ConsumerType;
import java.nio.file.Path;

import org.seiche.api.NdArray;
import org.seiche.api.Storage;
import org.seiche.wave.storage.StoragePlanner;

/** A grid loaded on a device by a {@link ScalarKernel}: opens batches of shots on it. */
@ConsumerType
public interface ScalarOperator extends AutoCloseable {
    /**
     * Zeroed wavefields for a batch of shots that will take {@code steps} inner steps.
     * With {@code storeInterval} > 0 the forward run keeps the spatial term of every
     * storeInterval-th step for {@link ScalarBatch#backward}; 0 keeps nothing.
     */
    ScalarBatch open(Transducers sources, Transducers receivers, int steps, int storeInterval);

    /**
     * As {@link #open(Transducers, Transducers, int, int)}, its time loops offering the
     * wavefields to {@code snapshots} (null: none; a kernel without snapshots refuses one).
     */
    default ScalarBatch open(Transducers sources, Transducers receivers, int steps, int storeInterval,
                             SnapshotTap snapshots) {
        if (snapshots != null) {
            throw new org.seiche.api.SeicheException("snapshots: this device's scalar kernel takes none (use device cpu)");
        }
        return open(sources, receivers, steps, storeInterval);
    }

    /**
     * As {@link #open(Transducers, Transducers, int, int, SnapshotTap)}, its stored steps kept
     * as {@code storage} plans (disk mode's files in {@code directory}, null: a temporary
     * folder). A kernel that keeps them in memory only refuses any other plan.
     */
    default ScalarBatch open(Transducers sources, Transducers receivers, int steps, int storeInterval,
                             SnapshotTap snapshots, Storage.Plan storage, Path directory) {
        if (storage.mode() != Storage.Mode.MEMORY || storage.compression() != Storage.Compression.NONE) {
            throw new org.seiche.api.SeicheException("propagator.storage: this device's scalar kernel keeps its stored steps "
                    + "in memory, uncompressed, only (use device cpu)");
        }
        return open(sources, receivers, steps, storeInterval, snapshots);
    }

    /**
     * What one shot of a gradient run holds, for {@link StoragePlanner}; null when the kernel
     * keeps every stored step in memory only.
     */
    default StoragePlanner.Sizes storageSizes(int steps, int storeInterval) {
        return null;
    }

    /**
     * Zeroed background and scattered fields for a Born batch (see {@link BornBatch}).
     * {@code ratio} is r = 2 dv / v on the padded grid; with {@code storeInterval} > 0 the
     * forward run keeps what the adjoint needs, for the velocity gradient too when asked.
     */
    default BornBatch openBorn(Transducers sources, Transducers receivers, int steps, int storeInterval, NdArray ratio,
                               boolean velocityGradient) {
        throw new UnsupportedOperationException("this kernel has no Born runs");
    }

    /**
     * As {@link #openBorn(Transducers, Transducers, int, int, NdArray, boolean)}, its time loops
     * offering the background ({@code wavefield}) and scattered ({@code scattered}) fields to
     * {@code snapshots} (null: none; a kernel without snapshots refuses one).
     */
    default BornBatch openBorn(Transducers sources, Transducers receivers, int steps, int storeInterval, NdArray ratio,
                               boolean velocityGradient, SnapshotTap snapshots) {
        if (snapshots != null) {
            throw new org.seiche.api.SeicheException("snapshots: this device's scalar kernel takes none (use device cpu)");
        }
        return openBorn(sources, receivers, steps, storeInterval, ratio, velocityGradient);
    }

    /**
     * As {@link #openBorn(Transducers, Transducers, int, int, NdArray, boolean, SnapshotTap)}, its
     * stored steps kept as {@code storage} plans (see {@link #open(Transducers, Transducers, int, int,
     * SnapshotTap, Storage.Plan, Path)}).
     */
    default BornBatch openBorn(Transducers sources, Transducers receivers, int steps, int storeInterval, NdArray ratio,
                               boolean velocityGradient, SnapshotTap snapshots, Storage.Plan storage, Path directory) {
        if (storage.mode() != Storage.Mode.MEMORY || storage.compression() != Storage.Compression.NONE) {
            throw new org.seiche.api.SeicheException("propagator.storage: this device's scalar kernel keeps its stored steps "
                    + "in memory, uncompressed, only (use device cpu)");
        }
        return openBorn(sources, receivers, steps, storeInterval, ratio, velocityGradient, snapshots);
    }

    /** What one shot of a Born gradient run holds, for {@link StoragePlanner}; null: memory only. */
    default StoragePlanner.Sizes bornStorageSizes(int steps, int storeInterval) {
        return null;
    }

    /** Bytes one shot of such a batch holds: wavefields plus the stored steps. */
    long bytesPerShot(int steps, int storeInterval);

    @Override
    default void close() {
    }
}
