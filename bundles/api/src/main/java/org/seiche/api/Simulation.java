package org.seiche.api;

import java.util.Set;

/**
 * A survey prepared on a model. Forward runs may be repeated (for different shot batches)
 * and run in parallel; each returns a {@link ForwardRun} that can run its adjoint.
 */
public interface Simulation extends AutoCloseable {
    /** Name of the gradient with respect to the source amplitudes. */
    String SOURCE_AMPLITUDES = "source_amplitudes";

    int shots();

    /** Time steps per output sample (stability sub-stepping); 1 when dt is stable. */
    int stepRatio();

    /**
     * Models the given shots. {@code gradientWrt} names the model parameters (and/or
     * {@link #SOURCE_AMPLITUDES}) whose gradients the returned run's adjoint will give;
     * empty means forward only and nothing is stored for an adjoint.
     */
    ForwardRun forward(int[] shots, Set<String> gradientWrt);

    /** Bytes a forward run with gradients holds per shot (wavefields and the stored history). */
    long bytesPerShot(boolean forGradient);

    /**
     * The storage a gradient run of that many shots at once uses under the setup's
     * {@link PropagatorSettings#storage()}, chosen before any step. A propagator that keeps
     * every step in memory only gives that plan, whatever was asked (the pipeline refuses a
     * mode it does not give).
     */
    default Storage.Plan storagePlan(int shotsAtOnce) {
        return new Storage.Plan(Storage.Mode.MEMORY, Storage.Compression.NONE, 0, 0, bytesPerShot(true));
    }

    @Override
    default void close() {
    }
}
