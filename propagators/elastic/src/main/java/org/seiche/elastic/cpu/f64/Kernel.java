package org.seiche.elastic.cpu.f64;

import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.seiche.api.Precision;
import org.seiche.elastic.Coefficient;
import org.seiche.elastic.ElasticGrid;
import org.seiche.elastic.ElasticShots;
import org.seiche.elastic.cpu.Numerics;
import org.seiche.elastic.cpu.ShotBatch;

/**
 * The CPU kernel's numerics for one grid in this package's precision, with pools of shot
 * wavefields and histories so that repeated batches reuse their memory.
 */
public final class Kernel implements Numerics {
    static final Precision PRECISION = Precision.FLOAT64;
    static final int VALUE_BYTES = PRECISION == Precision.FLOAT32 ? Float.BYTES : Double.BYTES;
    final Grid grid;
    private final ConcurrentLinkedDeque<Wavefields> freeWavefields = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<History> freeHistories = new ConcurrentLinkedDeque<>();

    public Kernel(ElasticGrid grid) {
        this.grid = new Grid(grid);
    }

    @Override
    public ShotBatch batch(ElasticShots shots) {
        return new Batch(this, shots);
    }

    @Override
    public long bytesPerShot(int steps, Set<Coefficient> gradients, int storeInterval) {
        boolean adjoint = !gradients.isEmpty();
        return Wavefields.bytes(grid.size, grid.nx, 1, adjoint, gradients.size(), VALUE_BYTES)
                + (adjoint ? History.bytes(steps, storeInterval, gradients, grid.size, VALUE_BYTES) : 0);
    }

    /** Zeroed wavefields with row buffers for the chunks. */
    Wavefields wavefields(int chunks) {
        Wavefields w = freeWavefields.poll();
        if (w == null) {
            w = new Wavefields(grid);
        }
        w.reset(chunks);
        return w;
    }

    void release(Wavefields w) {
        freeWavefields.push(w);
    }

    History history(int steps, int interval, Set<Coefficient> gradients) {
        for (History h : freeHistories) {
            if (h.fits(steps, interval, gradients) && freeHistories.remove(h)) {
                return h;
            }
        }
        return new History(steps, interval, gradients, grid.size);
    }

    void release(History h) {
        freeHistories.push(h);
    }
}
