package org.seiche.acoustic.cpu;

import org.osgi.service.component.annotations.Component;
import org.seiche.acoustic.spi.AcousticGrid;
import org.seiche.acoustic.spi.AcousticKernel;
import org.seiche.acoustic.spi.AcousticSolver;
import org.seiche.api.Device;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.wave.ShotMemory;

/**
 * The built-in CPU kernel: flat arrays in the run's precision, lines of the grid over the
 * device's threads; wavefields and stored terms pooled across simulations.
 */
@Component(service = AcousticKernel.class, property = {Device.PROPERTY + "=cpu", Propagator.KERNEL_PROPERTY + "=acoustic"})
public final class CpuAcousticKernel implements AcousticKernel {
    private final ShotMemory memory = new ShotMemory();

    @Override
    public String deviceName() {
        return "cpu";
    }

    @Override
    public AcousticSolver prepare(AcousticGrid grid, Precision precision, Device device) {
        Numerics numerics = precision == Precision.FLOAT64
                ? new org.seiche.acoustic.cpu.f64.Kernel(new Layout(grid), memory)
                : new org.seiche.acoustic.cpu.f32.Kernel(new Layout(grid), memory);
        return new CpuSolver(numerics, new Layout(grid), device);
    }
}
