package org.seiche.device.cuda.spi;

import org.seiche.api.SeicheException;

/**
 * Where a batch's memory goes on a GPU with a given amount free: the stored forward steps
 * of every shot stay on the device when they fit, else they overflow to host memory the
 * GPU reads and writes directly (slower, but the run goes on); the wavefields of as many
 * shots as fit next to them run at once, the rest of the batch in further rounds.
 *
 * @param storeOnDevice whether the stored steps are in device memory (else in mapped host memory)
 * @param shotsAtOnce   shots stepped together in one kernel launch
 */
public record MemoryPlan(boolean storeOnDevice, int shotsAtOnce) {
    /** Share of the free memory a batch may take: the rest is headroom for traces and the driver. */
    public static final double USABLE = 0.9;
    /** A launch's largest grid extent in z, where the shots of a group go. */
    public static final int MAX_SHOTS_AT_ONCE = 65535;

    /**
     * @param fieldBytes  one shot's wavefields (and gradient accumulator), needed while it runs
     * @param storedBytes one shot's stored steps, kept from the forward to the backward run
     */
    public static MemoryPlan of(int shots, long fieldBytes, long storedBytes, long freeBytes) {
        long budget = (long) (freeBytes * USABLE);
        if (fieldBytes > budget) {
            throw new SeicheException("model: one shot's wavefields need " + mib(fieldBytes) + " of GPU memory, "
                    + mib(freeBytes) + " are free; use a smaller model or device: cpu");
        }
        long stored = storedBytes * shots;
        boolean onDevice = stored + fieldBytes <= budget;
        long left = onDevice ? budget - stored : budget;
        return new MemoryPlan(onDevice, (int) Math.min(Math.min(shots, MAX_SHOTS_AT_ONCE), left / fieldBytes));
    }

    /** For logs: where the stored forward wavefield lives. */
    public String storeName() {
        return storeOnDevice ? "gpu" : "host memory (the GPU is too small for it)";
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
