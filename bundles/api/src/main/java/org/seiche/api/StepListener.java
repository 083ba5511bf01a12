package org.seiche.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of the time steps a simulation takes, for a progress display: after every inner
 * time step of a group of shots, with the number of shots that took it, from any thread.
 * Kept cheap: it runs inside the time loop. Seiche's propagators call it in the
 * floating-point mode of the thread that started the run (IEEE subnormals), also where
 * their steps run with the processor flushing subnormals to zero.
 */
@ConsumerType
@FunctionalInterface
public interface StepListener {
    /** A listener that hears nothing. */
    StepListener NONE = shots -> {
    };

    void stepped(int shots);
}
