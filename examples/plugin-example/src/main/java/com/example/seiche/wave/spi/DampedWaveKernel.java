package com.example.seiche.wave.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.seiche.api.Device;

/**
 * The damped wave's kernels for one device, registered as a service with the properties
 * {@code device.name} (the device) and {@code kernel.propagator=damped-wave}. Arrays are
 * row-major [n0, n1]; m is the squared velocity. {@code out} may be {@code older}: each
 * cell reads only its own older value.
 */
@ConsumerType
public interface DampedWaveKernel {
    String deviceName();

    /** out = a cur - b older + dt2 m (L cur), L the 5-point Laplacian. */
    void step(WaveStep s, double[] m, double[] older, double[] cur, double[] out, Device device);

    /** The transpose of {@link #step} in cur: out = a cur - b older + dt2 L (m cur). */
    void adjointStep(WaveStep s, double[] m, double[] older, double[] cur, double[] out, Device device);

    /** grad += dt2 adjoint (L field): the step's derivative in m, applied to the adjoint. */
    void accumulateGradient(WaveStep s, double[] field, double[] adjoint, double[] grad, Device device);
}
