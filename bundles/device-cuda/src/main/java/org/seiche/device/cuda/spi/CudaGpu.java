package org.seiche.device.cuda.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The cuda device's side of the CUDA SPI, registered as a service next to its Device: a
 * propagator's CUDA kernels take it by reference (no cast of the Device) and run on its
 * context when the run's device is {@link #DEVICE}.
 */
@ProviderType
public interface CudaGpu {
    /** The device name the cuda device registers under. */
    String DEVICE = "cuda";

    /** The GPU's context, opened on first use; a SeicheException saying why when CUDA cannot run here. */
    CudaContext context();
}
