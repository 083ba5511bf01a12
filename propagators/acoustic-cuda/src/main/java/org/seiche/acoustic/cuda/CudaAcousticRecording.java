package org.seiche.acoustic.cuda;

import jcuda.driver.CUdeviceptr;

import org.seiche.acoustic.spi.AcousticGradient;
import org.seiche.acoustic.spi.AcousticRecording;
import org.seiche.acoustic.spi.AcousticShots;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.device.cuda.spi.DeviceMemory;
import org.seiche.device.cuda.spi.Kernel;
import org.seiche.device.cuda.spi.Launch;
import org.seiche.device.cuda.spi.ShotRounds;
import org.seiche.device.cuda.spi.StoredSteps;

/**
 * An acoustic batch on the GPU: the forward run (at construction) in the order of the CPU's
 * Steps.forward, and its adjoint in Steps.adjoint's, all shots of a group advancing in one
 * launch per sweep. Each run zeroes a state of its own. The stored terms (the pressure
 * update's bracket for K, each velocity update's for its buoyancy) stay from the forward
 * run to the adjoint, on the GPU or in mapped host memory.
 */
final class CudaAcousticRecording extends ShotRounds implements AcousticRecording {
    /** The stored terms' index: the pressure bracket first, then dimension d's velocity bracket at 1 + d. */
    private static final int DIVERGENCE = 0;
    private final CudaAcousticSolver solver;
    private final AcousticFunctions fn;
    private final AcousticShots batch;
    private final int size;
    private final int ndim;
    /** Null where not needed. */
    private final StoredSteps[] stores;
    private PointArrays sources;
    private PointArrays receivers;
    private double[] receiverTraces;

    CudaAcousticRecording(CudaAcousticSolver solver, AcousticShots batch) {
        super(solver.context, solver.precision, batch.count(), batch.steps(), interval(batch), solver.fieldBytes(batch.storing()),
                solver.storedBytes(batch.steps(), terms(batch, solver.layout.ndim), interval(batch)));
        this.solver = solver;
        this.fn = solver.functions;
        this.batch = batch;
        this.size = solver.layout.size;
        this.ndim = solver.layout.ndim;
        this.stores = new StoredSteps[1 + ndim];
        try {
            sources = new PointArrays(batch.sources());
            receivers = new PointArrays(batch.receivers());
            long held = 0;
            for (int term = 0; term < stores.length; term++) {
                if (term == DIVERGENCE ? batch.gradientK() : batch.gradientBuoyancy()) {
                    stores[term] = store(size);
                    held += onDevice(stores[term]);
                }
            }
            hold(held);
            receiverTraces = forward();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Steps are stored only for model gradients. */
    private static int interval(AcousticShots batch) {
        return batch.storing() ? batch.storeInterval() : 0;
    }

    private static int terms(AcousticShots batch, int ndim) {
        return (batch.gradientK() ? 1 : 0) + (batch.gradientBuoyancy() ? ndim : 0);
    }

    private double[] forward() {
        int arrays = solver.layout.forwardArrays;
        int velocities = PointArrays.velocities(ndim);
        try (DeviceArray traces = DeviceArray.of(precision, batch.sourceTraces());
             DeviceArray recorded = new DeviceArray(precision, (long) batch.receiverTraces() * steps);
             DeviceArray state = new DeviceArray(precision, (long) plan.shotsAtOnce() * arrays * size)) {
            recorded.zero();
            notePeak(traces.bytes() + recorded.bytes() + state.bytes());
            Object[] prefix = solver.stepPrefix(arrays, state);
            eachGroup((first, group) -> {
                state.zero();
                for (int t = 0; t < steps; t++) {
                    points(fn.record, receivers, first, group, t, PointArrays.PRESSURE | velocities, arrays, state, recorded);
                    cells(fn.velocity, group, prefix, velocityTerms(t, first));
                    points(fn.inject, sources, first, group, t, velocities, arrays, traces, state);
                    cells(fn.pressure, group, prefix, stored(DIVERGENCE, t, first));
                    points(fn.inject, sources, first, group, t, PointArrays.PRESSURE, arrays, traces, state);
                    batch.listener().stepped(group);
                }
            });
            return recorded.download();
        }
    }

    @Override
    public double[] receiverTraces() {
        return receiverTraces;
    }

    @Override
    public AcousticGradient adjoint(double[] receiverAdjoint) {
        if (receiverAdjoint.length != receiverTraces.length) {
            throw new IllegalArgumentException("adjoint traces hold " + receiverAdjoint.length + " values, the receivers "
                    + receiverTraces.length);
        }
        context.use();
        int arrays = solver.layout.adjointArrays;
        int velocities = PointArrays.velocities(ndim);
        int sums = 1 + ndim;
        long perGroup = (long) plan.shotsAtOnce() * size;
        double[] k = batch.gradientK() ? new double[size] : null;
        double[][] buoyancy = batch.gradientBuoyancy() ? new double[ndim][size] : null;
        try (DeviceArray adjoint = DeviceArray.of(precision, receiverAdjoint);
             DeviceArray sourceAdjoint = new DeviceArray(precision, batch.sourceTraces().length);
             DeviceArray state = new DeviceArray(precision, perGroup * arrays);
             DeviceArray grad = batch.storing() ? new DeviceArray(precision, perGroup * sums) : null) {
            sourceAdjoint.zero();
            notePeak(adjoint.bytes() + sourceAdjoint.bytes() + state.bytes() + (grad != null ? grad.bytes() : 0));
            Object[] prefix = solver.stepPrefix(arrays, state);
            CUdeviceptr sumsOnGpu = grad != null ? grad.pointer() : null;
            eachGroup((first, group) -> {
                state.zero();
                if (grad != null) {
                    grad.zero();
                }
                for (int t = steps - 1; t >= 0; t--) {
                    points(fn.record, sources, first, group, t, PointArrays.PRESSURE, arrays, state, sourceAdjoint);
                    cells(fn.adjointTerms, group, prefix);
                    cells(fn.adjointVelocity, group, prefix, sumsOnGpu, velocityTerms(t, first));
                    points(fn.record, sources, first, group, t, velocities, arrays, state, sourceAdjoint);
                    cells(fn.adjointPressure, group, prefix, sumsOnGpu, stored(DIVERGENCE, t, first));
                    points(fn.inject, receivers, first, group, t, PointArrays.PRESSURE | velocities, arrays, adjoint, state);
                    batch.listener().stepped(group);
                }
                if (grad != null) {
                    addSums(grad, group, k, buoyancy);
                }
            });
            return new AcousticGradient(sourceAdjoint.download(), k, buoyancy);
        }
    }

    /**
     * Adds each shot's gradient sums (its [K, B_0, ..][cell] in the group's) to the batch's,
     * shot after shot in double, as the CPU's solver adds its shots' sums.
     */
    private void addSums(DeviceArray grad, int group, double[] k, double[][] buoyancy) {
        int sums = 1 + ndim;
        for (int s = 0; s < group; s++) {
            double[] shot = grad.download((long) s * sums * size, sums * size);
            if (k != null) {
                add(shot, 0, k);
            }
            for (int d = 0; buoyancy != null && d < ndim; d++) {
                add(shot, (1 + d) * size, buoyancy[d]);
            }
        }
    }

    private void add(double[] from, int at, double[] to) {
        for (int p = 0; p < size; p++) {
            to[p] += from[at + p];
        }
    }

    /** The velocity brackets' slots of step t for the kernels' three pointers (null: not stored, or no such dimension). */
    private Object[] velocityTerms(int t, int first) {
        Object[] out = new Object[3];
        for (int d = 0; d < ndim; d++) {
            out[d] = stored(1 + d, t, first);
        }
        return out;
    }

    private CUdeviceptr stored(int term, int t, int first) {
        return stored(stores[term], size, t, first);
    }

    /** A step kernel over the domain cells of the group's shots. */
    private void cells(Kernel kernel, int group, Object... args) {
        Launch.cells(kernel, solver.layout.columns, solver.layout.lines, group, args);
    }

    /** A point kernel for the group's shots: record (from, to) = (state, traces), inject (traces, state). */
    private void points(Kernel kernel, PointArrays points, int first, int group, int t, int fields, int arrays,
                        DeviceArray from, DeviceArray to) {
        Launch.shots(kernel, group, group, first, steps, t, fields, size, arrays, points.arguments(), from.pointer(),
                to.pointer());
    }

    @Override
    protected void release() {
        DeviceMemory.free(stores);
        DeviceMemory.free(sources, receivers);
    }
}
