package org.seiche.device.cuda;

import java.util.List;

import jcuda.driver.CUdeviceptr;

import org.seiche.api.NdArray;
import org.seiche.scalar.ScalarBatch;
import org.seiche.scalar.Transducers;

/**
 * The time loops of a batch of shots on the GPU, step by step as the CPU kernels do them
 * (ScalarBatch's contract): all shots of a group advance together in one launch per
 * kernel; groups follow each other when the GPU cannot hold every shot's wavefields at
 * once. The stored forward steps of every shot stay until the backward run, on the GPU or
 * overflowing to mapped host memory ({@link MemoryPlan}).
 */
final class CudaScalarBatch implements ScalarBatch {
    private static final System.Logger LOG = System.getLogger(CudaScalarBatch.class.getName());
    private final CudaScalarOperator op;
    private final ScalarFunctions fn;
    private final Transducers sources;
    private final Transducers receivers;
    private final int steps;
    private final int storeInterval;
    private final int shots;
    private final int cells;
    private final MemoryPlan plan;
    private final ScalarFields fields;
    private final StoredSteps stored;
    private final IntArray sourceCells;
    private final IntArray receiverCells;
    private long peak;
    private boolean closed;

    CudaScalarBatch(CudaScalarOperator op, Transducers sources, Transducers receivers, int steps, int storeInterval) {
        this.op = op;
        this.fn = op.functions;
        this.sources = sources;
        this.receivers = receivers;
        this.steps = steps;
        this.storeInterval = storeInterval;
        this.shots = sources.shots();
        this.cells = op.layout.cells();
        this.plan = MemoryPlan.of(shots, op.fieldBytes(storeInterval > 0), op.storedBytes(steps, storeInterval),
                op.context.freeBytes());
        this.sourceCells = new IntArray(sources.cells());
        this.receiverCells = new IntArray(receivers.cells());
        this.fields = new ScalarFields(op.precision, (long) plan.shotsAtOnce() * cells);
        try {
            this.stored = storeInterval > 0 ? new StoredSteps(plan.storeOnDevice(), op.precision,
                    (long) CudaScalarOperator.storedSteps(steps, storeInterval) * shots * cells) : null;
        } catch (RuntimeException e) {
            closeFields();
            throw e;
        }
        peak = fields.bytes() + (stored != null && stored.onDevice() ? stored.bytes() : 0);
        if (stored != null && !stored.onDevice()) {
            LOG.log(System.Logger.Level.WARNING, "cuda: stored forward wavefield ({0} MiB) in {1}; {2} of {3} shots at once",
                    stored.bytes() >> 20, plan.storeName(), plan.shotsAtOnce(), shots);
        }
    }

    @Override
    public void forward(NdArray sourceTerms, NdArray receiverSamples) {
        op.context.use();
        try (DeviceArray terms = DeviceArray.of(op.precision, sourceTerms.data());
             DeviceArray samples = new DeviceArray(op.precision, receiverSamples.size())) {
            samples.zero();
            notePeak(terms.bytes() + samples.bytes());
            for (int first = 0; first < shots; first += plan.shotsAtOnce()) {
                int group = Math.min(plan.shotsAtOnce(), shots - first);
                fields.zero();
                for (int t = 0; t < steps; t++) {
                    Launch.shots(fn.record, group, group, receivers.perShot(), cells, steps, t,
                            cellsOf(receiverCells, receivers, first), fields.u().pointer(),
                            samples.at((long) first * receivers.perShot() * steps));
                    step(fn.forward, group, slot(t) >= 0 ? stored.at(slotOffset(slot(t), first)) : null);
                    Launch.shots(fn.inject, group, group, sources.perShot(), cells, steps, t,
                            cellsOf(sourceCells, sources, first), null,
                            terms.at((long) first * sources.perShot() * steps), fields.next().pointer());
                    fields.advance();
                }
            }
            System.arraycopy(samples.download(), 0, receiverSamples.data(), 0, receiverSamples.size());
        }
    }

    @Override
    public void backward(NdArray adjointSamples, NdArray sourceTermGradient, NdArray v2dt2Gradient) {
        op.context.use();
        try (DeviceArray adjoint = DeviceArray.of(op.precision, adjointSamples.data());
             DeviceArray termGradient = new DeviceArray(op.precision, sourceTermGradient.size());
             DeviceArray gradient = stored != null ? new DeviceArray(op.precision, (long) plan.shotsAtOnce() * cells)
                     : null) {
            termGradient.zero();
            notePeak(adjoint.bytes() + termGradient.bytes() + (gradient != null ? gradient.bytes() : 0));
            for (int first = 0; first < shots; first += plan.shotsAtOnce()) {
                int group = Math.min(plan.shotsAtOnce(), shots - first);
                fields.zero();
                if (gradient != null) {
                    gradient.zero();
                }
                for (int t = steps - 1; t >= 0; t--) {
                    // here u holds mu[t + 1] = v^2 dt^2 d loss / d u[t + 1]
                    Launch.shots(fn.sourceGradient, group, group, sources.perShot(), cells, steps, t,
                            cellsOf(sourceCells, sources, first), op.v2dt2.pointer(), fields.u().pointer(),
                            termGradient.at((long) first * sources.perShot() * steps));
                    if (gradient != null && slot(t) >= 0) {
                        ScalarLayout l = op.layout;
                        Launch.cells(fn.image, l.domainColumns(), l.domainRows(), group, l.rows(), l.columns(),
                                l.domainRow(), l.domainRow() + l.domainRows(), l.domainColumn(),
                                l.domainColumn() + l.domainColumns(), gradient.pointer(), fields.u().pointer(),
                                stored.at(slotOffset(slot(t), first)), storeInterval);
                    }
                    step(fn.adjoint, group, null);
                    fields.advance();
                    Launch.shots(fn.inject, group, group, receivers.perShot(), cells, steps, t,
                            cellsOf(receiverCells, receivers, first), op.v2dt2.pointer(),
                            adjoint.at((long) first * receivers.perShot() * steps), fields.u().pointer());
                }
                if (gradient != null) {
                    addQuotients(gradient.download(), group, v2dt2Gradient.data());
                }
            }
            System.arraycopy(termGradient.download(), 0, sourceTermGradient.data(), 0, sourceTermGradient.size());
        }
    }

    private void step(Kernel kernel, int group, CUdeviceptr spatial) {
        List<Object> args = op.stepPrefix();
        fields.addTo(args);
        args.add(spatial);
        Launch.cells(kernel, op.layout.domainColumns(), op.layout.domainRows(), group, args.toArray());
    }

    /** The stored slot of step t, or -1 when step t is not stored. */
    private int slot(int t) {
        return stored != null && t % storeInterval == 0 ? t / storeInterval : -1;
    }

    /** Index of the first value of shot first in a stored slot ([slot][shot][cell]). */
    private long slotOffset(int slot, int first) {
        return ((long) slot * shots + first) * cells;
    }

    /** The transducer cells of the group starting at shot first. */
    private static CUdeviceptr cellsOf(IntArray cells, Transducers t, int first) {
        return cells.pointer().withByteOffset((long) first * t.perShot() * Integer.BYTES);
    }

    /** d loss / d (v^2 dt^2) += gathered / (v^2 dt^2) for each shot of the group (the CPU's last step). */
    private void addQuotients(double[] gathered, int group, double[] out) {
        for (int s = 0; s < group; s++) {
            for (int i = 0; i < cells; i++) {
                double g = gathered[s * cells + i];
                if (g != 0) {
                    out[i] += g / op.v2dt2Values[i];
                }
            }
        }
    }

    private void notePeak(long extra) {
        peak = Math.max(peak, fields.bytes() + (stored != null && stored.onDevice() ? stored.bytes() : 0) + extra);
    }

    @Override
    public long peakBytes() {
        return peak;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        op.context.use();
        if (stored != null) {
            stored.close();
        }
        closeFields();
    }

    private void closeFields() {
        fields.close();
        sourceCells.close();
        receiverCells.close();
    }
}
