package org.seiche.scalar.cuda;

import java.util.ArrayList;
import java.util.List;

import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.device.cuda.spi.CudaContext;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.device.cuda.spi.ShotRounds;
import org.seiche.scalar.spi.BornBatch;
import org.seiche.scalar.spi.ScalarBatch;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.ScalarOperator;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.scalar.spi.Transducers;

/** A grid's coefficients in device memory, in one precision; opens batches of shots on them. */
final class CudaScalarOperator implements ScalarOperator {
    final CudaContext context;
    final Precision precision;
    final ScalarLayout layout;
    final ScalarFunctions functions;
    final DeviceArray v2dt2;
    /** v^2 dt^2 as the kernels hold it (rounded to their precision), for the host's share of the gradient. */
    final double[] v2dt2Values;
    private final DeviceArray coefficients;
    private final List<DeviceArray> profiles = new ArrayList<>();

    CudaScalarOperator(ScalarGrid grid, Precision precision, CudaContext context) {
        this.context = context;
        this.precision = precision;
        this.layout = new ScalarLayout(grid);
        context.use();
        this.functions = new ScalarFunctions(context, precision, layout.accuracy, layout.dims);
        this.v2dt2 = DeviceArray.of(precision, grid.v2dt2());
        this.v2dt2Values = v2dt2.download();
        this.coefficients = DeviceArray.of(precision, layout.coefficients);
        for (double[] p : layout.profiles) {
            profiles.add(DeviceArray.of(precision, p));
        }
    }

    @Override
    public ScalarBatch open(Transducers sources, Transducers receivers, int steps, int storeInterval) {
        return open(sources, receivers, steps, storeInterval, null);
    }

    @Override
    public ScalarBatch open(Transducers sources, Transducers receivers, int steps, int storeInterval,
                            SnapshotTap snapshots) {
        context.use();
        return new CudaScalarBatch(this, sources, receivers, steps, storeInterval, snapshots);
    }

    @Override
    public BornBatch openBorn(Transducers sources, Transducers receivers, int steps, int storeInterval, NdArray ratio,
                              boolean velocityGradient) {
        return openBorn(sources, receivers, steps, storeInterval, ratio, velocityGradient, null);
    }

    @Override
    public BornBatch openBorn(Transducers sources, Transducers receivers, int steps, int storeInterval, NdArray ratio,
                              boolean velocityGradient, SnapshotTap snapshots) {
        context.use();
        return new CudaBornBatch(this, sources, receivers, steps, storeInterval, ratio, velocityGradient, snapshots);
    }

    @Override
    public long bytesPerShot(int steps, int storeInterval) {
        return fieldBytes(storeInterval > 0) + storedBytes(steps, storeInterval);
    }

    /** One shot's wavefields, and the gradient accumulator of a gradient run. */
    long fieldBytes(boolean gradient) {
        return (ScalarFields.arrays(layout.dims) + (gradient ? 1 : 0)) * arrayBytes();
    }

    /** One shot's stored steps of one term. */
    long storedBytes(int steps, int storeInterval) {
        return ShotRounds.storedSteps(steps, storeInterval) * arrayBytes();
    }

    /** Bytes of one array over the padded grid. */
    long arrayBytes() {
        return (long) layout.cells() * DeviceArray.bytesPerValue(precision);
    }

    /** The arguments every step kernel starts with: geometry, v^2 dt^2, coefficients, profiles. */
    List<Object> stepPrefix() {
        List<Object> args = new ArrayList<>();
        for (int g : layout.geometry) {
            args.add(g);
        }
        args.add(v2dt2.pointer());
        args.add(coefficients.pointer());
        for (DeviceArray p : profiles) {
            args.add(p.pointer());
        }
        return args;
    }

    @Override
    public void close() {
        context.use();
        v2dt2.close();
        coefficients.close();
        profiles.forEach(DeviceArray::close);
        profiles.clear();
    }
}
