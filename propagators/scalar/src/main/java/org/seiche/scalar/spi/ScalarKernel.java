package org.seiche.scalar.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.seiche.api.Device;
import org.seiche.api.Precision;
import org.seiche.api.StepListener;

/**
 * Kernel SPI of the scalar propagator: advances the wavefields of a batch of shots on one
 * kind of device. A kernel bundle registers an implementation as a service with the
 * property {@code device.name} (and {@code kernel.propagator=scalar}, {@code =born}, for
 * `fwi plugins`); the propagator takes the one matching the setup's device.
 * The propagator keeps the physics (padding, profiles, resampling, source scaling,
 * gradient assembly); the kernel only steps, injects, records, stores and adjoins.
 */
@ConsumerType
public interface ScalarKernel {
    String PROPERTY = Device.PROPERTY;

    /** The {@link Device#name()} this kernel runs on. */
    String deviceName();

    /** Whether this kernel has a step for ndim-dimensional grids. */
    boolean supports(int ndim);

    /** The grid's coefficients (v^2 dt^2, PML profiles, stencils) on the device, in a precision. */
    ScalarOperator load(ScalarGrid grid, Precision precision, Device device);

    /** As {@link #load(ScalarGrid, Precision, Device)}, its time loops telling steps of their steps. */
    default ScalarOperator load(ScalarGrid grid, Precision precision, Device device, StepListener steps) {
        return load(grid, precision, device);
    }
}
