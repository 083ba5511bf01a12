package org.seiche.scalar.cuda;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seiche.api.Device;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.device.cuda.spi.CudaGpu;
import org.seiche.device.cuda.spi.GpuKernel;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.ScalarKernel;
import org.seiche.scalar.spi.ScalarOperator;

/**
 * The scalar propagator's kernels on the GPU (src/main/cuda/scalar.cu), float32 or float64,
 * 1-D, 2-D and 3-D; Born's too. Registered while the cuda device is, whose context it takes from the
 * device's CUDA SPI.
 */
@Component(service = ScalarKernel.class, property = {ScalarKernel.PROPERTY + "=" + CudaGpu.DEVICE,
        Propagator.KERNEL_PROPERTY + "=scalar", Propagator.KERNEL_PROPERTY + "=born"})
public final class CudaScalarKernel extends GpuKernel implements ScalarKernel {
    @Activate
    public CudaScalarKernel(@Reference CudaGpu gpu) {
        super(gpu);
    }

    @Override
    public boolean supports(int ndim) {
        return ndim >= 1 && ndim <= 3;
    }

    @Override
    public ScalarOperator load(ScalarGrid grid, Precision precision, Device device) {
        return new CudaScalarOperator(grid, precision, context(device, "scalar"));
    }
}
