package org.seiche.testing;

import java.util.function.IntConsumer;

import org.seiche.api.Device;

/**
 * A usable device under any name and priority that runs its tasks one after another: a
 * stand-in for a device a propagator may or may not have kernels for (a GPU outranks the
 * CPU with a higher priority), in tests of how a run chooses or refuses its device.
 */
public record NamedDevice(String name, int priority) implements Device {
    @Override
    public int threads() {
        return 1;
    }

    @Override
    public Device withThreads(int threads) {
        return this;
    }

    @Override
    public void parallel(int count, IntConsumer task) {
        for (int i = 0; i < count; i++) {
            task.accept(i);
        }
    }
}
