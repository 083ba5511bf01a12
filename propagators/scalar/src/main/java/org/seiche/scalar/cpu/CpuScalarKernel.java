package org.seiche.scalar.cpu;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Device;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.api.StepListener;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.ScalarKernel;
import org.seiche.scalar.spi.ScalarOperator;
import org.seiche.wave.VectorSupport;

/**
 * The scalar kernels on the CPU's cores, in float32 or float64, in SIMD lanes when the JVM
 * has the vector module. Keeps a pool of arrays so that repeated runs reuse their
 * wavefields and stored steps.
 */
@Component(service = ScalarKernel.class, property = {ScalarKernel.PROPERTY + "=" + CpuScalarKernel.DEVICE,
        Propagator.KERNEL_PROPERTY + "=scalar", Propagator.KERNEL_PROPERTY + "=born"})
public final class CpuScalarKernel implements ScalarKernel {
    static final String DEVICE = "cpu";

    private final ArrayPool pool = new ArrayPool();
    private final boolean vectorised;

    /** Runs SIMD loops when the JVM has the vector module (see {@link VectorSupport}). */
    public CpuScalarKernel() {
        this(VectorSupport.available());
    }

    /** With vectorised false, the portable reference loops only. */
    public CpuScalarKernel(boolean vectorised) {
        this.vectorised = vectorised && VectorSupport.available();
    }

    /** Whether this kernel runs the SIMD loops. */
    public boolean vectorised() {
        return vectorised;
    }

    @Override
    public String deviceName() {
        return DEVICE;
    }

    @Override
    public boolean supports(int ndim) {
        return ndim >= 1 && ndim <= 3;
    }

    @Override
    public ScalarOperator load(ScalarGrid grid, Precision precision, Device device) {
        return load(grid, precision, device, StepListener.NONE);
    }

    @Override
    public ScalarOperator load(ScalarGrid grid, Precision precision, Device device, StepListener steps) {
        if (!supports(grid.ndim())) {
            throw new IllegalArgumentException("the CPU scalar kernel is 1-D, 2-D and 3-D only, got a " + grid.ndim() + "-D grid");
        }
        return precision == Precision.FLOAT64 ? new DoubleOperator(grid, device, pool, vectorised, steps)
                : new FloatOperator(grid, device, pool, vectorised, steps);
    }
}
