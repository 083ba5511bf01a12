package org.seiche.scalar.cpu;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Device;
import org.seiche.api.Precision;
import org.seiche.scalar.ScalarGrid;
import org.seiche.scalar.ScalarKernel;
import org.seiche.scalar.ScalarOperator;

/**
 * The scalar kernels on the CPU's cores, in float32 or float64. Keeps a pool of arrays so
 * that repeated runs reuse their wavefields and stored steps.
 */
@Component(service = ScalarKernel.class, property = ScalarKernel.PROPERTY + "=" + CpuScalarKernel.DEVICE)
public final class CpuScalarKernel implements ScalarKernel {
    static final String DEVICE = "cpu";

    private final ArrayPool pool = new ArrayPool();

    @Override
    public String deviceName() {
        return DEVICE;
    }

    @Override
    public boolean supports(int ndim) {
        return ndim == 2;
    }

    @Override
    public ScalarOperator load(ScalarGrid grid, Precision precision, Device device) {
        if (!supports(grid.ndim())) {
            throw new IllegalArgumentException("the CPU scalar kernel is 2-D only, got a " + grid.ndim() + "-D grid");
        }
        return precision == Precision.FLOAT64 ? new DoubleOperator(grid, device, pool)
                : new FloatOperator(grid, device, pool);
    }
}
