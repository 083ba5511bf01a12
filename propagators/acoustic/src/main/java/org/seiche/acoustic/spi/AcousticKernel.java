package org.seiche.acoustic.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.seiche.api.Device;
import org.seiche.api.Precision;

/**
 * A kernel service running the acoustic steps on one kind of device; registered with the
 * service property {@code device.name} ({@link Device#PROPERTY}) equal to
 * {@link #deviceName()}. The acoustic propagator uses the kernel whose device name is the
 * run's device, and refuses a device it has no kernel for.
 */
@ConsumerType
public interface AcousticKernel {
    String deviceName();

    /** Prepares the stepping of a grid in a precision on a device (float32 must compute in float). */
    AcousticSolver prepare(AcousticGrid grid, Precision precision, Device device);
}
