package org.seiche.acoustic.cuda;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seiche.acoustic.spi.AcousticGrid;
import org.seiche.acoustic.spi.AcousticKernel;
import org.seiche.acoustic.spi.AcousticSolver;
import org.seiche.api.Device;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.device.cuda.spi.CudaGpu;
import org.seiche.device.cuda.spi.GpuKernel;

/**
 * The acoustic propagator's kernels on the GPU (src/main/cuda/acoustic.cu), 1-, 2- and 3-D,
 * float32 or float64. Registered while the cuda device is, whose context it takes from the
 * device's CUDA SPI.
 */
@Component(service = AcousticKernel.class, property = {Device.PROPERTY + "=" + CudaGpu.DEVICE,
        Propagator.KERNEL_PROPERTY + "=acoustic"})
public final class CudaAcousticKernel extends GpuKernel implements AcousticKernel {
    @Activate
    public CudaAcousticKernel(@Reference CudaGpu gpu) {
        super(gpu);
    }

    @Override
    public AcousticSolver prepare(AcousticGrid grid, Precision precision, Device device) {
        return new CudaAcousticSolver(grid, precision, context(device, "acoustic"));
    }
}
