package org.seiche.device.cuda.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.seiche.api.Device;
import org.seiche.api.SeicheException;

/**
 * What every propagator's CUDA kernel component shares: the {@link CudaGpu} it takes by
 * reference, its device name, and the context for a run, refusing any device but cuda.
 */
@ConsumerType
public abstract class GpuKernel {
    private final CudaGpu gpu;

    protected GpuKernel(CudaGpu gpu) {
        this.gpu = gpu;
    }

    public final String deviceName() {
        return CudaGpu.DEVICE;
    }

    /** The GPU's context for a run on device; another device is refused naming the propagator. */
    protected final CudaContext context(Device device, String propagator) {
        if (!device.name().equals(CudaGpu.DEVICE)) {
            throw new SeicheException("device: the CUDA " + propagator + " kernel runs on device cuda, not " + device.name());
        }
        return gpu.context();
    }
}
