package org.seiche.elastic.cpu;

import java.nio.file.Path;

import org.seiche.api.StepListener;
import org.seiche.api.Storage;

/**
 * A batch of shots on a {@link VolumeGrid}: {@code steps} inner steps, source points and
 * their scaled traces [source traces][steps], receiver points filling
 * {@code receiverTraces} traces, and for a later adjoint which stored terms its gradients
 * need, stored every {@code storeInterval} steps, kept as {@code storage} plans it (null: in
 * memory) with disk mode's files in {@code storageDirectory} (null: a temporary folder).
 */
public record VolumeShots(int count, int steps, VolumePoints sources, double[] sourceTraces, VolumePoints receivers,
                          int receiverTraces, VolumeTerms terms, int storeInterval, StepListener listener, Storage.Plan storage,
                          Path storageDirectory) {
    public VolumeShots {
        listener = listener == null ? StepListener.NONE : listener;
        if (storeInterval < 1) {
            throw new IllegalArgumentException("store interval must be >= 1, got " + storeInterval);
        }
    }
}
