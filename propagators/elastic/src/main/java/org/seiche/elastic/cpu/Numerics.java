package org.seiche.elastic.cpu;

import java.util.Set;

import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.spi.ElasticSolver;
import org.seiche.wave.storage.StoragePlanner;

/**
 * The precision-specific half of the CPU kernel, prepared for one grid. It is written once,
 * in double, in package {@code cpu.f64}; the build generates the float copy {@code cpu.f32}
 * from it, so everything it exchanges with this side is precision-neutral (DoubleBuffer).
 */
public interface Numerics {
    ShotBatch batch(ElasticShots shots);

    long bytesPerShot(int steps, Set<Coefficient> gradients, int storeInterval);

    /** What a shot of a gradient run holds, for the storage plan (see {@link ElasticSolver#storageSizes}). */
    StoragePlanner.Sizes storageSizes(int steps, Set<Coefficient> gradients, int storeInterval);
}
