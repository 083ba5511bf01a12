package org.seiche.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Forward modelling of a survey on a model, with exact adjoints. Registered as a service
 * with the property {@code propagator.name}. The propagator owns the physics around its
 * kernels (padding, PML, stability sub-stepping, resampling, injection and recording,
 * gradient assembly); kernels run on the {@link Device} of the setup.
 */
@ConsumerType
public interface Propagator {
    String PROPERTY = "propagator.name";
    /**
     * Service property of a propagator's kernel for a device (registered with {@link
     * Device#PROPERTY} naming the device): the propagators it serves, for `fwi plugins`.
     */
    String KERNEL_PROPERTY = "kernel.propagator";

    String name();

    /** Every model parameter name this propagator accepts (alternative sets included). */
    Set<String> parameterNames();

    /**
     * The keys of {@link PropagatorSettings#options()} this propagator reads: what a pipeline's
     * propagator block may hold beyond name, accuracy, pml_width, pml_freq, max_vel and
     * gradient_sampling_interval. The pipeline refuses any other key, naming it, so that a
     * misspelt option never runs as its default. None unless overridden.
     */
    default Set<String> options() {
        return Set.of();
    }

    /**
     * Checks the setup (one clear message on bad input, before any propagation) and
     * prepares the simulation: padded models, profiles, kernels.
     */
    Simulation prepare(SimulationSetup setup);

    /**
     * The devices this propagator has kernels for now (by device name). A run on another
     * device is refused naming the propagator and the device, and device "auto" takes the
     * best available device among these. Empty: the propagator does not say (any device).
     */
    default Set<String> kernelDevices() {
        return Set.of();
    }

    /**
     * The velocity max_vel defaults to on this model (it bounds the stable step and scales
     * the PML); NaN when the propagator does not say. Runs with a model per shot take the
     * largest over the shots' models, so every shot steps alike.
     */
    default double maxVelocity(Model model) {
        return Double.NaN;
    }
}
