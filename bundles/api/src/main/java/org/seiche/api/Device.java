package org.seiche.api;

import java.util.function.IntConsumer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where kernels run: the CPU's cores, a GPU. Registered with the property
 * {@code device.name}. A device that cannot run here (no driver, no card) still registers
 * and says why through {@link #unavailableReason()}.
 */
@ConsumerType
public interface Device {
    String PROPERTY = "device.name";

    String name();

    /** Null when the device can run; otherwise why not, in a few words. */
    default String unavailableReason() {
        return null;
    }

    /** Preference for device "auto": the highest available wins. */
    default int priority() {
        return 0;
    }

    /** Worker threads this device runs host-side work on. */
    int threads();

    /** A device with the given number of worker threads (the --threads option). */
    Device withThreads(int threads);

    /**
     * Runs task(0) .. task(count - 1), in parallel where possible, and returns when all have
     * finished; the first failure is rethrown. Safe to nest (shots outside, rows inside).
     */
    void parallel(int count, IntConsumer task);
}
