package org.seiche.device.cuda;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Device;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.elastic.ElasticGrid;
import org.seiche.elastic.ElasticKernel;
import org.seiche.elastic.ElasticSolver;

/** The elastic propagator's kernels on the GPU (src/main/cuda/elastic.cu), float32 or float64. */
@Component(service = ElasticKernel.class, property = Device.PROPERTY + "=" + CudaDevice.NAME)
public final class CudaElasticKernel implements ElasticKernel {
    @Override
    public String deviceName() {
        return CudaDevice.NAME;
    }

    @Override
    public ElasticSolver prepare(ElasticGrid grid, Precision precision, Device device) {
        if (!(device instanceof CudaDevice cuda)) {
            throw new SeicheException("device: the CUDA elastic kernel runs on device cuda, not " + device.name());
        }
        return new CudaElasticSolver(grid, precision, cuda.context());
    }
}
