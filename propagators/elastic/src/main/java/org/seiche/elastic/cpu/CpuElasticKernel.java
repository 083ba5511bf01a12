package org.seiche.elastic.cpu;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Device;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.elastic.spi.ElasticGrid;
import org.seiche.elastic.spi.ElasticKernel;
import org.seiche.elastic.spi.ElasticSolver;
import org.seiche.wave.ShotMemory;
import org.seiche.wave.VectorSupport;

/**
 * The built-in CPU kernel: row arrays in the run's precision, fused SIMD loops where the
 * Vector API is available, rows and shots over the device's threads.
 */
@Component(service = ElasticKernel.class, property = {Device.PROPERTY + "=cpu", Propagator.KERNEL_PROPERTY + "=elastic"})
public final class CpuElasticKernel implements ElasticKernel {
    private final ShotMemory memory = new ShotMemory();

    @Override
    public String deviceName() {
        return "cpu";
    }

    @Override
    public boolean takesSnapshots() {
        return true;
    }

    @Override
    public ElasticSolver prepare(ElasticGrid grid, Precision precision, Device device) {
        boolean vectors = VectorSupport.available();
        Numerics numerics = precision == Precision.FLOAT64
                ? new org.seiche.elastic.cpu.f64.Kernel(grid, vectors, memory)
                : new org.seiche.elastic.cpu.f32.Kernel(grid, vectors, memory);
        return new CpuSolver(numerics, grid, device);
    }
}
