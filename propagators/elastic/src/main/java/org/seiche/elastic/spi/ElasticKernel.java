package org.seiche.elastic.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.seiche.api.Device;
import org.seiche.api.Precision;

/**
 * A kernel service running the elastic steps on one kind of device; registered with the
 * service property {@code device.name} ({@link Device#PROPERTY}) equal to
 * {@link #deviceName()}. The elastic propagator uses the kernel whose device name is the
 * run's device, and refuses a device it has no kernel for.
 */
@ConsumerType
public interface ElasticKernel {
    String deviceName();

    /** Prepares the stepping of a grid in a precision on a device (float32 must compute in float). */
    ElasticSolver prepare(ElasticGrid grid, Precision precision, Device device);

    /**
     * Whether this kernel's recordings offer their wavefields to the batch's snapshots
     * ({@link ElasticShots#snapshots()}); the propagator refuses snapshots on a kernel that does not.
     */
    default boolean takesSnapshots() {
        return false;
    }
}
