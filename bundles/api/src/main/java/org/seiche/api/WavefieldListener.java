package org.seiche.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears a simulation's wavefields every few time steps, as {@link Snapshots} asks: Deepwave's
 * forward and backward callbacks. Called from the threads that step the shots, concurrently
 * for different shots (calls for one shot and field come one at a time), so keep it short and
 * thread-safe: copy or write the values and return.
 */
@ConsumerType
@FunctionalInterface
public interface WavefieldListener {
    /**
     * Field {@code field} of shot {@code shot} (its index in the survey) after inner time step
     * {@code step} (a multiple of {@link Snapshots#every()}, 1 .. the run's inner steps):
     * forward fields in increasing steps, adjoint ones ({@code adjoint} true) in decreasing
     * steps. {@code values} holds the field on the model's cells (the padding cut off), shaped
     * like the model; it is the listener's to keep.
     */
    void wavefield(int shot, int step, String field, boolean adjoint, NdArray values);
}
