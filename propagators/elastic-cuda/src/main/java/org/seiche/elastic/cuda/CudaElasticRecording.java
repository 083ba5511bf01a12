package org.seiche.elastic.cuda;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import jcuda.driver.CUdeviceptr;

import org.seiche.device.cuda.spi.Kernel;
import org.seiche.device.cuda.spi.Launch;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.device.cuda.spi.DeviceMemory;
import org.seiche.device.cuda.spi.StoredSteps;
import org.seiche.device.cuda.spi.MemoryPlan;
import org.seiche.device.cuda.spi.ShotRounds;
import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticGradient;
import org.seiche.elastic.spi.ElasticRecording;
import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.spi.ElasticTap;
import org.seiche.elastic.spi.Field;

/**
 * An elastic batch on the GPU: the forward run (at construction) in the order of the CPU's
 * ForwardLoop, and its adjoint in AdjointLoop's, all shots of a group advancing in one
 * launch per kernel. Each run zeroes state of its own: the forward's fields and memory
 * variables, the adjoint's with its eight terms and gradient sums. The stored terms stay
 * from the forward to the adjoint, on the GPU or in mapped host memory ({@link MemoryPlan}).
 */
final class CudaElasticRecording extends ShotRounds implements ElasticRecording {
    private final CudaElasticSolver solver;
    private final ElasticFunctions fn;
    private final ElasticShots batch;
    private final int size;
    private final Set<Coefficient> gradients;
    /** By StoredTerm; null where not needed. */
    private final StoredSteps[] stores = new StoredSteps[StoredTerm.values().length];
    private PointArrays sources;
    private PointArrays receivers;
    private double[] receiverTraces;

    CudaElasticRecording(CudaElasticSolver solver, ElasticShots batch) {
        super(solver.context, solver.precision, batch.count(), batch.steps(), interval(batch),
                solver.fieldBytes(batch.gradients()), solver.storedBytes(batch.steps(), batch.gradients(), interval(batch)));
        this.solver = solver;
        this.fn = solver.functions;
        this.batch = batch;
        this.size = solver.layout.size;
        this.gradients = batch.gradients();
        try {
            sources = new PointArrays(batch.sources(), precision);
            receivers = new PointArrays(batch.receivers(), precision);
            long held = 0;
            for (StoredTerm t : StoredTerm.needed(gradients)) {
                stores[t.ordinal()] = store(size);
                held += onDevice(stores[t.ordinal()]);
            }
            hold(held);
            receiverTraces = forward();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Steps are stored only for coefficient gradients. */
    private static int interval(ElasticShots batch) {
        return batch.gradients().isEmpty() ? 0 : batch.storeInterval();
    }

    private double[] forward() {
        int arrays = ElasticLayout.FORWARD_ARRAYS;
        try (DeviceArray traces = DeviceArray.of(precision, batch.sourceTraces());
             DeviceArray recorded = new DeviceArray(precision, (long) batch.receiverTraces() * steps);
             DeviceArray state = new DeviceArray(precision, (long) plan.shotsAtOnce() * arrays * size)) {
            recorded.zero();
            notePeak(traces.bytes() + recorded.bytes() + state.bytes());
            Object[] prefix = solver.stepPrefix(arrays, state);
            eachGroup((first, group) -> {
                state.zero();
                for (int t = 0; t < steps; t++) {
                    points(fn.record, receivers, first, group, t, PointArrays.ALL, arrays, state, recorded);
                    cells(fn.velocity, group, prefix, stored(StoredTerm.DIVERGENCE_Y, t, first),
                            stored(StoredTerm.DIVERGENCE_X, t, first));
                    points(fn.inject, sources, first, group, t, PointArrays.VELOCITIES, arrays, traces, state);
                    cells(fn.stress, group, prefix, stored(StoredTerm.STRAIN_YY, t, first),
                            stored(StoredTerm.STRAIN_XX, t, first), stored(StoredTerm.SHEAR, t, first));
                    points(fn.inject, sources, first, group, t, PointArrays.STRESSES, arrays, traces, state);
                    offer(first, group, t + 1, false, state, arrays);
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
    public ElasticGradient adjoint(double[] receiverAdjoint) {
        if (receiverAdjoint.length != receiverTraces.length) {
            throw new IllegalArgumentException("adjoint traces hold " + receiverAdjoint.length + " values, the receivers "
                    + receiverTraces.length);
        }
        context.use();
        int arrays = ElasticLayout.ADJOINT_ARRAYS;
        long perGroup = (long) plan.shotsAtOnce() * size;
        Map<Coefficient, double[]> sums = new EnumMap<>(Coefficient.class);
        int asked = 0;
        for (Coefficient c : gradients) {
            sums.put(c, new double[size]);
            asked |= 1 << c.ordinal();
        }
        int mask = asked;
        try (DeviceArray adjoint = DeviceArray.of(precision, receiverAdjoint);
             DeviceArray sourceAdjoint = new DeviceArray(precision, batch.sourceTraces().length);
             DeviceArray state = new DeviceArray(precision, perGroup * arrays);
             DeviceArray grad = gradients.isEmpty() ? null : new DeviceArray(precision, perGroup * ElasticLayout.COEFFICIENTS)) {
            sourceAdjoint.zero();
            notePeak(adjoint.bytes() + sourceAdjoint.bytes() + state.bytes() + (grad != null ? grad.bytes() : 0));
            Object[] prefix = solver.stepPrefix(arrays, state);
            CUdeviceptr sumsOnGpu = grad != null ? grad.pointer() : null;
            eachGroup((first, group) -> {
                state.zero();
                if (grad != null) {
                    grad.zero();
                }
                // the adjoint fields of the last step (zero) keep the frames those of the forward run
                offer(first, group, steps, true, state, arrays);
                for (int t = steps - 1; t >= 0; t--) {
                    points(fn.record, sources, first, group, t, PointArrays.STRESSES, arrays, state, sourceAdjoint);
                    cells(fn.stressTerms, group, prefix, sumsOnGpu, mask, stored(StoredTerm.STRAIN_YY, t, first),
                            stored(StoredTerm.STRAIN_XX, t, first), stored(StoredTerm.SHEAR, t, first));
                    cells(fn.velocityTerms, group, prefix, sumsOnGpu, mask, stored(StoredTerm.DIVERGENCE_Y, t, first),
                            stored(StoredTerm.DIVERGENCE_X, t, first));
                    points(fn.record, sources, first, group, t, PointArrays.VELOCITIES, arrays, state, sourceAdjoint);
                    cells(fn.adjointStresses, group, prefix);
                    points(fn.inject, receivers, first, group, t, PointArrays.ALL, arrays, adjoint, state);
                    offer(first, group, t, true, state, arrays);
                }
                if (grad != null) {
                    addSums(grad.download(), group, sums);
                }
            });
            return new ElasticGradient(sourceAdjoint.download(), sums);
        }
    }

    /**
     * sums += dt storeInterval times each shot's gradient sums, shot after shot, the product
     * rounded to the kernels' precision as the CPU's Values.add does.
     */
    private void addSums(double[] gathered, int group, Map<Coefficient, double[]> sums) {
        double scale = DeviceArray.round(precision, solver.dt * storeInterval);
        for (int s = 0; s < group; s++) {
            for (Map.Entry<Coefficient, double[]> e : sums.entrySet()) {
                double[] out = e.getValue();
                int at = (s * ElasticLayout.COEFFICIENTS + e.getKey().ordinal()) * size;
                for (int p = 0; p < size; p++) {
                    out[p] += DeviceArray.round(precision, scale * gathered[at + p]);
                }
            }
        }
    }

    /**
     * Offers every field of the group's shots after inner step {@code step} to the batch's
     * snapshots, as the CPU's loops do; a shot's field is copied from the GPU (state: the
     * group's arrays, the fields first in Field's order) only when a frame of it is wanted.
     */
    private void offer(int first, int group, int step, boolean adjoint, DeviceArray state, int arrays) {
        ElasticTap tap = batch.snapshots();
        if (tap == null) {
            return;
        }
        int stride = solver.layout.nx + solver.layout.accuracy;
        for (int k = 0; k < group; k++) {
            for (Field f : Field.values()) {
                if (tap.due(first + k, step, f, adjoint)) {
                    double[] grid = state.download(((long) k * arrays + f.ordinal()) * size, size);
                    double[][] rows = new double[size / stride][];
                    for (int r = 0; r < rows.length; r++) {
                        rows[r] = Arrays.copyOfRange(grid, r * stride, (r + 1) * stride);
                    }
                    tap.offer(first + k, step, f, adjoint, rows);
                }
            }
        }
    }

    private CUdeviceptr stored(StoredTerm term, int t, int first) {
        return stored(stores[term.ordinal()], size, t, first);
    }

    /** A step kernel over the domain cells of the group's shots. */
    private void cells(Kernel kernel, int group, Object... args) {
        Launch.cells(kernel, solver.layout.nx, solver.layout.ny, group, args);
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
