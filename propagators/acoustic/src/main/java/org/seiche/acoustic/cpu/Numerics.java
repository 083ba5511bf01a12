package org.seiche.acoustic.cpu;

import org.seiche.acoustic.spi.AcousticShots;
import org.seiche.wave.storage.StoragePlanner;

/**
 * The precision-specific half of the CPU kernel, prepared for one grid. It is written once,
 * in double, in package {@code cpu.f64}; the build generates the float copy {@code cpu.f32}
 * from it, so everything it exchanges with this side is precision-neutral.
 */
public interface Numerics {
    ShotBatch batch(AcousticShots shots);

    long bytesPerShot(int steps, boolean storing, int storeInterval);

    /** What one shot of a gradient run holds, for the storage plan (see StoragePlanner). */
    StoragePlanner.Sizes storageSizes(int steps, int storeInterval);
}
