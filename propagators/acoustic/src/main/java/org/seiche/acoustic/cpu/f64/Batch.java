package org.seiche.acoustic.cpu.f64;

import java.nio.DoubleBuffer;
import java.util.concurrent.atomic.AtomicLong;

import org.seiche.acoustic.spi.AcousticShots;
import org.seiche.acoustic.spi.PointSet;
import org.seiche.acoustic.cpu.Bands;
import org.seiche.acoustic.cpu.ShotBatch;

/** A batch of shots in this precision: traces in the working precision and the terms each shot stored. */
final class Batch implements ShotBatch {
    private final Kernel kernel;
    private final AcousticShots shots;
    private final double[] sources;
    private final double[] receivers;
    private final History[] histories;
    private double[] receiverAdjoint;
    private double[] sourceAdjoint;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    Batch(Kernel kernel, AcousticShots shots) {
        this.kernel = kernel;
        this.shots = shots;
        this.sources = load(DoubleBuffer.wrap(shots.sourceTraces()));
        this.receivers = new double[shots.receiverTraces() * shots.steps()];
        this.histories = new History[shots.count()];
    }

    private static double[] load(DoubleBuffer from) {
        double[] to = new double[from.capacity()];
        for (int i = 0; i < to.length; i++) {
            to[i] = (double) from.get(i);
        }
        return to;
    }

    private static void store(double[] from, DoubleBuffer to) {
        for (int i = 0; i < from.length; i++) {
            to.put(i, from[i]);
        }
    }

    @Override
    public void forward(int shot, Bands bands) {
        History h = shots.storing() ? kernel.history(shots) : null;
        histories[shot] = h;
        Fields f = kernel.fields(false);
        count(f.bytes(Kernel.VALUE_BYTES) + (h == null ? 0 : h.bytes(kernel.layout.grid.size(), Kernel.VALUE_BYTES)));
        new Steps(kernel, f, h, bands).forward(shots, shot, sources, receivers);
        held.addAndGet(-f.bytes(Kernel.VALUE_BYTES));
        kernel.release(f);
    }

    @Override
    public void receiverTraces(DoubleBuffer out) {
        store(receivers, out);
    }

    @Override
    public void startAdjoint(DoubleBuffer adjoint) {
        receiverAdjoint = load(adjoint);
        sourceAdjoint = new double[sources.length];
    }

    @Override
    public void adjoint(int shot, Bands bands, DoubleBuffer k, DoubleBuffer[] buoyancy) {
        Fields f = kernel.fields(true);
        count(f.bytes(Kernel.VALUE_BYTES));
        new Steps(kernel, f, histories[shot], bands).adjoint(shots, shot, sources, receiverAdjoint, sourceAdjoint);
        if (k != null) {
            add(f.gradientK, k);
        }
        for (int axis = 0; buoyancy != null && axis < 3; axis++) {
            if (kernel.layout.present[axis]) {
                add(f.gradientB[axis], buoyancy[kernel.layout.dimension(axis)]);
            }
        }
        held.addAndGet(-f.bytes(Kernel.VALUE_BYTES));
        kernel.release(f);
    }

    private static void add(double[] from, DoubleBuffer to) {
        for (int i = 0; i < from.length; i++) {
            to.put(i, to.get(i) + from[i]);
        }
    }

    private void count(long bytes) {
        peak.accumulateAndGet(held.addAndGet(bytes), Math::max);
    }

    @Override
    public void sourceTraces(DoubleBuffer out) {
        store(sourceAdjoint, out);
    }

    @Override
    public long peakBytes() {
        return peak.get() + (long) Kernel.VALUE_BYTES * (sources.length + receivers.length);
    }

    @Override
    public long recomputedSteps() {
        long n = 0;
        for (History h : histories) {
            n += h == null ? 0 : h.recomputed();
        }
        return n;
    }

    @Override
    public void release() {
        for (int s = 0; s < histories.length; s++) {
            if (histories[s] != null) {
                held.addAndGet(-histories[s].bytes(kernel.layout.grid.size(), Kernel.VALUE_BYTES));
                kernel.release(histories[s]);
                histories[s] = null;
            }
        }
    }

    /** The field a point touches: pressure, or the velocity along its dimension. */
    static double[] field(Fields f, Kernel kernel, int field) {
        return field == PointSet.PRESSURE ? f.p : f.v[3 - kernel.layout.ndim + field - PointSet.VELOCITY];
    }
}
