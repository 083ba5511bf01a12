package org.seiche.scalar.cuda;

import jcuda.driver.CUdeviceptr;

import org.seiche.api.NdArray;
import org.seiche.device.cuda.spi.Kernel;
import org.seiche.device.cuda.spi.Launch;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.device.cuda.spi.IntArray;
import org.seiche.device.cuda.spi.DeviceMemory;
import org.seiche.device.cuda.spi.StoredSteps;
import org.seiche.device.cuda.spi.ShotRounds;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.scalar.spi.Transducers;

/**
 * What the scalar and Born batches share: the grid's operator and kernels, the transducer
 * cells on the GPU and the launches at them, the imaging condition and the step launches.
 */
abstract class CudaShots extends ShotRounds {
    final CudaScalarOperator op;
    final ScalarFunctions fn;
    final Transducers sources;
    final Transducers receivers;
    final int cells;
    /** Where the time loops offer their fields; null when no snapshots were asked for. */
    private final SnapshotTap snapshots;
    private final IntArray sourceCells;
    private final IntArray receiverCells;

    /**
     * @param fieldBytes  one shot's wavefields and gradient accumulators
     * @param storedBytes one shot's stored steps
     * @param snapshots   where the fields go after the steps snapshots want; null: nowhere
     */
    CudaShots(CudaScalarOperator op, Transducers sources, Transducers receivers, int steps, int storeInterval,
              long fieldBytes, long storedBytes, SnapshotTap snapshots) {
        super(op.context, op.precision, sources.shots(), steps, storeInterval, fieldBytes, storedBytes);
        this.op = op;
        this.fn = op.functions;
        this.sources = sources;
        this.receivers = receivers;
        this.cells = op.layout.cells();
        this.snapshots = snapshots;
        this.sourceCells = new IntArray(sources.cells());
        this.receiverCells = new IntArray(receivers.cells());
    }

    /** The stored steps of one grid per shot, or null when nothing is stored. */
    StoredSteps store() {
        return storeInterval > 0 ? store(cells) : null;
    }

    /** Where shot first's grid of the slot of step t starts in a store; null when not stored. */
    CUdeviceptr stored(StoredSteps store, int t, int first) {
        return stored(store, cells, t, first);
    }

    /** samples[s, r, t] = field at receiver r, for the group's shots. */
    void record(int first, int group, int t, DeviceArray field, DeviceArray samples) {
        Launch.shots(fn.record, group, group, receivers.perShot(), cells, steps, t, cellsOf(receiverCells, receivers, first),
                field.pointer(), samples.at((long) first * receivers.perShot() * steps));
    }

    /** field at source r += scale * terms[s, r, t] (scale null: 1), for the group's shots. */
    void injectSources(int first, int group, int t, DeviceArray scale, DeviceArray terms, DeviceArray field) {
        Launch.shots(fn.inject, group, group, sources.perShot(), cells, steps, t, cellsOf(sourceCells, sources, first),
                pointer(scale), terms.at((long) first * sources.perShot() * steps), field.pointer());
    }

    /** field at receiver r += scale * adjoint[s, r, t]: the adjoint source. */
    void injectReceivers(int first, int group, int t, DeviceArray scale, DeviceArray adjoint, DeviceArray field) {
        Launch.shots(fn.inject, group, group, receivers.perShot(), cells, steps, t, cellsOf(receiverCells, receivers, first),
                scale.pointer(), adjoint.at((long) first * receivers.perShot() * steps), field.pointer());
    }

    /** out[s, r, t] = mu / (v^2 dt^2) at source r: d loss / d source term t. */
    void sourceGradient(int first, int group, int t, DeviceArray mu, DeviceArray out) {
        Launch.shots(fn.sourceGradient, group, group, sources.perShot(), cells, steps, t,
                cellsOf(sourceCells, sources, first), op.v2dt2.pointer(), mu.pointer(),
                out.at((long) first * sources.perShot() * steps));
    }

    /** gradient[s, source cell] += mu / (v^2 dt^2) * terms[s, r, t]: Born's d / d r at the sources. */
    void sourceRatio(int first, int group, int t, DeviceArray mu, DeviceArray terms, DeviceArray gradient) {
        Launch.shots(fn.sourceRatio, group, group, sources.perShot(), cells, steps, t, cellsOf(sourceCells, sources, first),
                op.v2dt2.pointer(), mu.pointer(), terms.at((long) first * sources.perShot() * steps), gradient.pointer());
    }

    /** gradient += weight * mu * stored S over the domain, for the group's shots. */
    void image(int group, DeviceArray gradient, DeviceArray mu, CUdeviceptr spatial) {
        ScalarLayout l = op.layout;
        Launch.cells(fn.image, l.domainColumns(), l.domainLines(), group, l.imageGeometry(), gradient.pointer(),
                mu.pointer(), spatial, storeInterval);
    }

    /** A step kernel over the domain cells of the group's shots: the operator's prefix, then the given arguments. */
    void step(Kernel kernel, int group, Object... args) {
        Launch.cells(kernel, op.layout.domainColumns(), op.layout.domainLines(), group, op.stepPrefix().toArray(), args);
    }

    /**
     * Offers field (the group's shots one after another) after inner step {@code step} to the
     * snapshots, copying a shot's grid to the host only when a frame of it is wanted.
     */
    void offer(int first, int group, int step, String name, boolean adjoint, DeviceArray field) {
        if (snapshots == null) {
            return;
        }
        for (int k = 0; k < group; k++) {
            if (snapshots.wants(first + k, step, name, adjoint)) {
                snapshots.offer(first + k, step, name, adjoint, field.download((long) k * cells, cells));
            }
        }
    }

    /** The transducer cells of the group starting at shot first. */
    private static CUdeviceptr cellsOf(IntArray cells, Transducers t, int first) {
        return cells.pointer().withByteOffset((long) first * t.perShot() * Integer.BYTES);
    }

    private static CUdeviceptr pointer(DeviceArray a) {
        return a == null ? null : a.pointer();
    }

    /** out += the group's per-shot values, shot after shot (the CPU's order). */
    void addPerShot(double[] gathered, int group, NdArray out) {
        double[] o = out.data();
        for (int s = 0; s < group; s++) {
            for (int i = 0; i < cells; i++) {
                o[i] += gathered[s * cells + i];
            }
        }
    }

    /** d loss / d (v^2 dt^2) += gathered / (v^2 dt^2) for each shot of the group (the CPU's last step). */
    void addQuotients(double[] gathered, int group, NdArray out) {
        double[] o = out.data();
        for (int s = 0; s < group; s++) {
            for (int i = 0; i < cells; i++) {
                double g = gathered[s * cells + i];
                if (g != 0) {
                    o[i] += g / op.v2dt2Values[i];
                }
            }
        }
    }

    /** Frees what the subclass holds (fields, stores), then the transducer cells. */
    abstract void releaseFields();

    @Override
    protected void release() {
        releaseFields();
        DeviceMemory.free(sourceCells, receiverCells);
    }
}
