package org.seiche.elastic.spi;

import java.nio.file.Path;
import java.util.Set;

import org.seiche.api.StepListener;
import org.seiche.api.Storage;

/**
 * A batch of shots to step forward: {@code steps} inner time steps, the source points and
 * their traces [source traces][steps] (already scaled: dt B f for forces, -dt p for
 * pressure), the receiver points and how many receiver traces they fill, and for a later
 * adjoint the coefficients whose gradients it must give, from the forward wavefield stored
 * every {@code storeInterval} steps. {@code listener} hears of every inner step of every
 * shot, forward and adjoint (progress); {@code snapshots} takes the wavefields every few
 * steps (null: none); {@code storage} how the stored steps are kept (null: in memory) and
 * {@code storageDirectory} where disk mode's files go (null: a temporary folder).
 */
public record ElasticShots(int count, int steps, PointSet sources, double[] sourceTraces, PointSet receivers,
                           int receiverTraces, Set<Coefficient> gradients, int storeInterval, StepListener listener,
                           ElasticTap snapshots, Storage.Plan storage, Path storageDirectory) {
    public ElasticShots {
        gradients = Set.copyOf(gradients);
        listener = listener == null ? StepListener.NONE : listener;
        if (sources.shots() != count || receivers.shots() != count) {
            throw new IllegalArgumentException("points are for " + sources.shots() + " / " + receivers.shots()
                    + " shots, the batch has " + count);
        }
        if (storeInterval < 1) {
            throw new IllegalArgumentException("store interval must be >= 1, got " + storeInterval);
        }
    }

    public ElasticShots(int count, int steps, PointSet sources, double[] sourceTraces, PointSet receivers,
                        int receiverTraces, Set<Coefficient> gradients, int storeInterval, StepListener listener,
                        ElasticTap snapshots) {
        this(count, steps, sources, sourceTraces, receivers, receiverTraces, gradients, storeInterval, listener, snapshots,
                null, null);
    }

    public ElasticShots(int count, int steps, PointSet sources, double[] sourceTraces, PointSet receivers,
                        int receiverTraces, Set<Coefficient> gradients, int storeInterval, StepListener listener) {
        this(count, steps, sources, sourceTraces, receivers, receiverTraces, gradients, storeInterval, listener, null);
    }

    public ElasticShots(int count, int steps, PointSet sources, double[] sourceTraces, PointSet receivers,
                        int receiverTraces, Set<Coefficient> gradients, int storeInterval) {
        this(count, steps, sources, sourceTraces, receivers, receiverTraces, gradients, storeInterval, StepListener.NONE);
    }
}
