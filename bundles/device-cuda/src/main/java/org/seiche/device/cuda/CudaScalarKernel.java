package org.seiche.device.cuda;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Device;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.scalar.ScalarGrid;
import org.seiche.scalar.ScalarKernel;
import org.seiche.scalar.ScalarOperator;

/** The scalar propagator's kernels on the GPU (src/main/cuda/scalar.cu), float32 or float64, 2-D. */
@Component(service = ScalarKernel.class, property = ScalarKernel.PROPERTY + "=" + CudaDevice.NAME)
public final class CudaScalarKernel implements ScalarKernel {
    @Override
    public String deviceName() {
        return CudaDevice.NAME;
    }

    @Override
    public boolean supports(int ndim) {
        return ndim == 2;
    }

    @Override
    public ScalarOperator load(ScalarGrid grid, Precision precision, Device device) {
        if (!(device instanceof CudaDevice cuda)) {
            throw new SeicheException("device: the CUDA scalar kernel runs on device cuda, not " + device.name());
        }
        return new CudaScalarOperator(grid, precision, cuda.context());
    }
}
