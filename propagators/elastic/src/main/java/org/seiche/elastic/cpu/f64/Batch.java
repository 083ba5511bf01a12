package org.seiche.elastic.cpu.f64;

import java.nio.DoubleBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.cpu.RowChunks;
import org.seiche.elastic.cpu.ShotBatch;

/** A batch of shots in this precision: traces in the working precision and one history per shot. */
final class Batch implements ShotBatch {
    private final Kernel kernel;
    private final ElasticShots shots;
    private final double[] sources;
    private final double[] receivers;
    private final History[] histories;
    /** Per shot, its checkpoints (storage mode checkpoint), else null. */
    private final Checkpoints[] checkpoints;
    private double[] receiverAdjoint;
    private double[] sourceAdjoint;
    /** Bytes of the wavefields in use now (several shots', or an adjoint's and checkpointing's replay). */
    private final AtomicLong inUse = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();

    Batch(Kernel kernel, ElasticShots shots) {
        this.kernel = kernel;
        this.shots = shots;
        this.sources = Values.load(DoubleBuffer.wrap(shots.sourceTraces()));
        this.receivers = new double[shots.receiverTraces() * shots.steps()];
        this.histories = new History[shots.count()];
        this.checkpoints = new Checkpoints[shots.count()];
    }

    @Override
    public void forward(int shot, RowChunks rows) {
        Wavefields w = take(kernel.wavefields(rows.count()));
        History h = null;
        Checkpoints c = null;
        if (!shots.gradients().isEmpty()) {
            h = kernel.history(shots);
            histories[shot] = h;
            stored.addAndGet(h.bytes(Kernel.VALUE_BYTES));
            if (History.checkpointed(shots.storage())) {
                c = new Checkpoints(kernel, shots, shot, sources, h);
                checkpoints[shot] = c;
            }
        }
        new ForwardLoop(kernel.grid, w, h, rows, kernel.vectors).of(shots, shot, sources).run(receivers, c);
        if (c != null) {
            stored.addAndGet(c.bytes());
        }
        give(w);
    }

    @Override
    public void receiverTraces(DoubleBuffer out) {
        Values.store(receivers, out);
    }

    @Override
    public void startAdjoint(DoubleBuffer adjoint) {
        receiverAdjoint = Values.load(adjoint);
        sourceAdjoint = new double[sources.length];
    }

    @Override
    public void adjoint(int shot, RowChunks rows, Map<Coefficient, DoubleBuffer> sums) {
        Wavefields w = kernel.wavefields(rows.count());
        w.prepareAdjoint(sums.keySet(), RowSweep.interleaved(rows));
        take(w);
        Checkpoints c = checkpoints[shot];
        if (c != null) {
            take(c.startAdjoint(rows));
        }
        new AdjointLoop(kernel.grid, w, histories[shot], rows, kernel.vectors).run(shots, shot, receiverAdjoint, sourceAdjoint,
                c);
        if (c != null) {
            give(c.endAdjoint());
        }
        double scale = kernel.grid.dt * shots.storeInterval();
        for (Map.Entry<Coefficient, DoubleBuffer> e : sums.entrySet()) {
            Values.add(w.gradients[e.getKey().ordinal()], scale, e.getValue(), kernel.grid.stride);
        }
        give(w);
    }

    @Override
    public void sourceTraces(DoubleBuffer out) {
        Values.store(sourceAdjoint, out);
    }

    /** Counts w as in use, for the peak. */
    private Wavefields take(Wavefields w) {
        peak.accumulateAndGet(inUse.addAndGet(w.bytes(Kernel.VALUE_BYTES)), Math::max);
        return w;
    }

    private void give(Wavefields w) {
        inUse.addAndGet(-w.bytes(Kernel.VALUE_BYTES));
        kernel.release(w);
    }

    @Override
    public long peakBytes() {
        return stored.get() + peak.get() + (long) Kernel.VALUE_BYTES * (sources.length + receivers.length);
    }

    @Override
    public void release() {
        for (int s = 0; s < histories.length; s++) {
            if (histories[s] != null) {
                kernel.release(histories[s]);
                histories[s] = null;
            }
            if (checkpoints[s] != null) {
                checkpoints[s].release();
                checkpoints[s] = null;
            }
        }
    }
}
