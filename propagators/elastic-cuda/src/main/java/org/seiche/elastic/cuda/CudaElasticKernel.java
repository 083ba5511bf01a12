package org.seiche.elastic.cuda;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seiche.api.Device;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.device.cuda.spi.CudaGpu;
import org.seiche.device.cuda.spi.GpuKernel;
import org.seiche.elastic.spi.ElasticGrid;
import org.seiche.elastic.spi.ElasticKernel;
import org.seiche.elastic.spi.ElasticSolver;

/**
 * The elastic propagator's kernels on the GPU (src/main/cuda/elastic.cu), float32 or
 * float64. Registered while the cuda device is, whose context it takes from the device's
 * CUDA SPI.
 */
@Component(service = ElasticKernel.class, property = {Device.PROPERTY + "=" + CudaGpu.DEVICE,
        Propagator.KERNEL_PROPERTY + "=elastic"})
public final class CudaElasticKernel extends GpuKernel implements ElasticKernel {
    @Activate
    public CudaElasticKernel(@Reference CudaGpu gpu) {
        super(gpu);
    }

    @Override
    public boolean takesSnapshots() {
        return true;
    }

    @Override
    public ElasticSolver prepare(ElasticGrid grid, Precision precision, Device device) {
        return new CudaElasticSolver(grid, precision, context(device, "elastic"));
    }
}
