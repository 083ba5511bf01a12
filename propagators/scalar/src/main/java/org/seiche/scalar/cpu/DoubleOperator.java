package org.seiche.scalar.cpu;

import org.seiche.api.Device;
import org.seiche.api.NdArray;
import org.seiche.api.StepListener;
import org.seiche.scalar.BornBatch;
import org.seiche.scalar.ScalarBatch;
import org.seiche.scalar.ScalarGrid;
import org.seiche.scalar.ScalarOperator;
import org.seiche.scalar.SnapshotTap;
import org.seiche.scalar.Transducers;

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
        return new DoubleBatch(new DoubleShotLoops(coefficients, stencil, device, sources, receivers, steps, listener,
                snapshots), pool, storeInterval);
    }

    @Override
    public BornBatch openBorn(Transducers sources, Transducers receivers, int steps, int storeInterval, NdArray ratio,
                              boolean velocityGradient) {
        return openBorn(sources, receivers, steps, storeInterval, ratio, velocityGradient, null);
    }

    @Override
    public BornBatch openBorn(Transducers sources, Transducers receivers, int steps, int storeInterval, NdArray ratio,
                              boolean velocityGradient, SnapshotTap snapshots) {
        return new DoubleBornBatch(new DoubleShotLoops(coefficients, stencil, device, sources, receivers, steps, listener,
                snapshots), pool, storeInterval, ratio, velocityGradient);
    }

    @Override
    public long bytesPerShot(int steps, int storeInterval) {
        int cells = coefficients.cells();
        long arrays = DoubleWavefield.arrays(coefficients.ndim);
        long history = 0;
        if (storeInterval > 0) {
            // the stored steps, and the gradient accumulator of the adjoint run
            arrays += 1;
            history = DoubleHistory.bytes(cells, DoubleBatch.storedSteps(steps, storeInterval));
        }
        return history + arrays * cells * Double.BYTES;
    }
}
