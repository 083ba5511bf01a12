package org.seiche.device.cuda.spi;

/** Memory the driver gave out (device, or page-locked host), given back by close. */
public interface DeviceMemory extends AutoCloseable {
    @Override
    void close();

    /** Closes each one given that is not null. */
    static void free(DeviceMemory... all) {
        for (DeviceMemory m : all) {
            if (m != null) {
                m.close();
            }
        }
    }
}
