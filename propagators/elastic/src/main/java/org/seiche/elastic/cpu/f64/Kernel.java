package org.seiche.elastic.cpu.f64;

import java.util.Set;

import org.seiche.api.Precision;
import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticGrid;
import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.cpu.Numerics;
import org.seiche.elastic.cpu.ShotBatch;
import org.seiche.wave.ShotMemory;
import org.seiche.wave.storage.StoragePlanner;

/**
 * The CPU kernel's numerics for one grid in this package's precision. Shot wavefields and
 * histories come from, and go back to, the kernel service's {@link ShotMemory}.
 */
public final class Kernel implements Numerics {
    static final Precision PRECISION = Precision.FLOAT64;
    static final int VALUE_BYTES = PRECISION == Precision.FLOAT32 ? Float.BYTES : Double.BYTES;
    final Grid grid;
    /** Whether the fused vector loops may be used. */
    final boolean vectors;
    private final ShotMemory memory;

    public Kernel(ElasticGrid grid, boolean vectors, ShotMemory memory) {
        this.grid = new Grid(grid, vectors ? VectorLoops.lanes() : 1);
        this.vectors = vectors;
        this.memory = memory;
    }

    @Override
    public ShotBatch batch(ElasticShots shots) {
        return new Batch(this, shots);
    }

    @Override
    public long bytesPerShot(int steps, Set<Coefficient> gradients, int storeInterval) {
        boolean adjoint = !gradients.isEmpty();
        return Wavefields.bytes(grid, 1, adjoint, gradients.size(), VALUE_BYTES)
                + (adjoint ? History.bytes(steps, storeInterval, gradients, grid.size, VALUE_BYTES) : 0);
    }

    /**
     * A shot's wavefields, adjoint terms and gradients whatever the storage; a stored step's
     * terms; a snapshot of the forward state; checkpointing's replay wavefields and taped step.
     */
    @Override
    public StoragePlanner.Sizes storageSizes(int steps, Set<Coefficient> gradients, int storeInterval) {
        long stepValues = (long) History.arrays(gradients) * grid.size;
        return new StoragePlanner.Sizes(Wavefields.bytes(grid, 1, true, gradients.size(), VALUE_BYTES), stepValues,
                VALUE_BYTES, steps, storeInterval, Wavefields.stateBytes(grid, VALUE_BYTES),
                Wavefields.bytes(grid, 1, false, 0, VALUE_BYTES) + stepValues * VALUE_BYTES);
    }

    /** Zeroed wavefields with row buffers for the chunks. */
    Wavefields wavefields(int chunks) {
        Wavefields w = memory.take(Wavefields.key(grid), Wavefields.class);
        if (w == null) {
            w = new Wavefields(grid);
        }
        w.reset(chunks);
        return w;
    }

    void release(Wavefields w) {
        memory.give(w.key(), w);
    }

    /** A history for the shots' gradients, kept as their storage plan says (pooled when in its own arrays). */
    History history(ElasticShots shots) {
        if (History.streamed(shots.storage()) || History.checkpointed(shots.storage())) {
            return new History(shots.steps(), shots.storeInterval(), shots.gradients(), grid.size, shots.storage(),
                    shots.storageDirectory());
        }
        History h = memory.take(History.key(shots.steps(), shots.storeInterval(), shots.gradients(), grid.size),
                History.class);
        return h != null ? h : new History(shots.steps(), shots.storeInterval(), shots.gradients(), grid.size);
    }

    void release(History h) {
        if (h.pooled()) {
            memory.give(h.key(), h);
        } else {
            h.close();
        }
    }
}
