package org.seiche.scalar.cpu;

import java.nio.file.Path;

import org.seiche.api.Device;
import org.seiche.api.Storage;
import org.seiche.api.NdArray;
import org.seiche.api.StepListener;
import org.seiche.scalar.spi.BornBatch;
import org.seiche.scalar.spi.ScalarBatch;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.ScalarOperator;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.scalar.spi.Transducers;
import org.seiche.wave.storage.DoubleSteps;
import org.seiche.wave.storage.StoragePlanner;

/** A grid's coefficients in this precision on the CPU, and the stencil of its dimension (a line's is the 2-D one). */
final class DoubleOperator implements ScalarOperator {
    private final DoubleCoefficients coefficients;
    private final DoubleSweep stencil;
    private final Device device;
    private final ArrayPool pool;
    private final StepListener listener;

    DoubleOperator(ScalarGrid grid, Device device, ArrayPool pool, boolean vectorised, StepListener listener) {
        this.coefficients = new DoubleCoefficients(grid);
        this.stencil = stencil(coefficients, vectorised);
        this.device = device;
        this.pool = pool;
        this.listener = listener;
    }

    private static DoubleSweep stencil(DoubleCoefficients c, boolean vectorised) {
        if (c.ndim == 3) {
            return vectorised ? DoubleVectorStencils.of3d(c) : new DoubleStencil3d(c);
        }
        return vectorised ? DoubleVectorStencils.of(c) : new DoubleStencil(c);
    }

    @Override
    public ScalarBatch open(Transducers sources, Transducers receivers, int steps, int storeInterval) {
        return open(sources, receivers, steps, storeInterval, null);
    }

    @Override
    public ScalarBatch open(Transducers sources, Transducers receivers, int steps, int storeInterval, SnapshotTap snapshots) {
        return open(sources, receivers, steps, storeInterval, snapshots, StoragePlanner.memory(Storage.Compression.NONE,
                storageSizes(steps, Math.max(1, storeInterval))), null);
    }

    @Override
    public ScalarBatch open(Transducers sources, Transducers receivers, int steps, int storeInterval, SnapshotTap snapshots,
                            Storage.Plan storage, Path directory) {
        return new DoubleBatch(new DoubleShotLoops(coefficients, stencil, device, sources, receivers, steps, listener,
                snapshots), pool, storeInterval, storage, directory);
    }

    /**
     * A shot's fields and gradient; a step's spatial term per stored step; a snapshot of the
     * fields a step reads; checkpointing's own fields and taped step.
     */
    @Override
    public StoragePlanner.Sizes storageSizes(int steps, int storeInterval) {
        long cells = coefficients.cells();
        long fields = (DoubleWavefield.arrays(coefficients.ndim) + 1) * cells * Double.BYTES;
        return new StoragePlanner.Sizes(fields, cells, Double.BYTES, steps, storeInterval,
                DoubleWavefield.stateArrays(coefficients.ndim) * cells * Double.BYTES, fields);
    }

    @Override
    public BornBatch openBorn(Transducers sources, Transducers receivers, int steps, int storeInterval, NdArray ratio,
                              boolean velocityGradient) {
        return openBorn(sources, receivers, steps, storeInterval, ratio, velocityGradient, null);
    }

    @Override
    public BornBatch openBorn(Transducers sources, Transducers receivers, int steps, int storeInterval, NdArray ratio,
                              boolean velocityGradient, SnapshotTap snapshots) {
        return openBorn(sources, receivers, steps, storeInterval, ratio, velocityGradient, snapshots,
                StoragePlanner.memory(Storage.Compression.NONE, bornStorageSizes(steps, Math.max(1, storeInterval))), null);
    }

    @Override
    public BornBatch openBorn(Transducers sources, Transducers receivers, int steps, int storeInterval, NdArray ratio,
                              boolean velocityGradient, SnapshotTap snapshots, Storage.Plan storage, Path directory) {
        return new DoubleBornBatch(new DoubleShotLoops(coefficients, stencil, device, sources, receivers, steps, listener,
                snapshots), pool, storeInterval, ratio, velocityGradient, storage, directory);
    }

    /**
     * Background and scattered fields, the scratch spatial term and two gradients; S(u) and
     * S(u1) per stored step (a velocity gradient's worst case); both fields' states a
     * snapshot; checkpointing's own two fields and two taped terms.
     */
    @Override
    public StoragePlanner.Sizes bornStorageSizes(int steps, int storeInterval) {
        long cells = coefficients.cells();
        return new StoragePlanner.Sizes((2 * DoubleWavefield.arrays(coefficients.ndim) + 3) * cells * Double.BYTES, 2 * cells, Double.BYTES,
                steps, storeInterval, 2 * DoubleWavefield.stateArrays(coefficients.ndim) * cells * Double.BYTES,
                (2 * DoubleWavefield.arrays(coefficients.ndim) + 2) * cells * Double.BYTES);
    }

    @Override
    public long bytesPerShot(int steps, int storeInterval) {
        int cells = coefficients.cells();
        long arrays = DoubleWavefield.arrays(coefficients.ndim);
        long history = 0;
        if (storeInterval > 0) {
            // the stored steps, and the gradient accumulator of the adjoint run
            arrays += 1;
            history = DoubleSteps.memoryBytes(cells, DoubleBatch.storedSteps(steps, storeInterval));
        }
        return history + arrays * cells * Double.BYTES;
    }
}
