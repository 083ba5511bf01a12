package org.seiche.elastic.cuda;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seiche.api.Device;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.device.cuda.spi.CudaGpu;
import org.seiche.elastic.ElasticGrid;
import org.seiche.elastic.ElasticKernel;
import org.seiche.elastic.ElasticSolver;

/**
 * The elastic propagator's kernels on the GPU (src/main/cuda/elastic.cu), float32 or
 * float64. Registered while the cuda device is, whose context it takes from the device's
 * CUDA SPI.
 */
@Component(service = ElasticKernel.class, property = {Device.PROPERTY + "=" + CudaGpu.DEVICE,
        Propagator.KERNEL_PROPERTY + "=elastic"})
public final class CudaElasticKernel implements ElasticKernel {
    private final CudaGpu gpu;

    @Activate
    public CudaElasticKernel(@Reference CudaGpu gpu) {
        this.gpu = gpu;
    }

    @Override
    public String deviceName() {
        return CudaGpu.DEVICE;
    }

    @Override
    public ElasticSolver prepare(ElasticGrid grid, Precision precision, Device device) {
        if (!device.name().equals(CudaGpu.DEVICE)) {
            throw new SeicheException("device: the CUDA elastic kernel runs on device cuda, not " + device.name());
        }
        return new CudaElasticSolver(grid, precision, gpu.context());
    }
}
