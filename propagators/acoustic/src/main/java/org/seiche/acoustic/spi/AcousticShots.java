package org.seiche.acoustic.spi;

import java.nio.file.Path;

import org.seiche.api.Storage;
import org.seiche.api.StepListener;

/**
 * A batch of shots to step forward: {@code steps} inner time steps, the source points and
 * their traces [source traces][steps] (already scaled: dt K s for pressure, dt B f for
 * velocity), the receiver points and how many receiver traces they fill, and for a later
 * adjoint whether it must give the gradient of K and of the buoyancies, from the forward
 * terms stored every {@code storeInterval} steps. {@code listener} hears of every inner step
 * of every shot, forward and adjoint. {@code storage} is how the stored terms are kept (null:
 * in memory, uncompressed; a kernel that keeps them only so plans memory, see
 * {@link AcousticSolver#storageSizes}), {@code directory} disk mode's folder (null: a temporary one).
 */
public record AcousticShots(int count, int steps, PointSet sources, double[] sourceTraces, PointSet receivers,
                            int receiverTraces, boolean gradientK, boolean gradientBuoyancy, int storeInterval,
                            StepListener listener, Storage.Plan storage, Path directory) {
    public AcousticShots {
        listener = listener == null ? StepListener.NONE : listener;
        if (sources.shots() != count || receivers.shots() != count) {
            throw new IllegalArgumentException("points are for " + sources.shots() + " / " + receivers.shots()
                    + " shots, the batch has " + count);
        }
        if (storeInterval < 1) {
            throw new IllegalArgumentException("store interval must be >= 1, got " + storeInterval);
        }
    }

    /** Stored terms in memory, uncompressed. */
    public AcousticShots(int count, int steps, PointSet sources, double[] sourceTraces, PointSet receivers,
                         int receiverTraces, boolean gradientK, boolean gradientBuoyancy, int storeInterval,
                         StepListener listener) {
        this(count, steps, sources, sourceTraces, receivers, receiverTraces, gradientK, gradientBuoyancy, storeInterval,
                listener, null, null);
    }

    /** Whether a later adjoint must give model gradients (and the forward run must store terms for them). */
    public boolean storing() {
        return gradientK || gradientBuoyancy;
    }
}
