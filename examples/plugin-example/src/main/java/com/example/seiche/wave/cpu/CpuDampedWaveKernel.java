package com.example.seiche.wave.cpu;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Device;
import org.seiche.api.Propagator;

import com.example.seiche.wave.spi.DampedWaveKernel;
import com.example.seiche.wave.spi.WaveStep;

/** The damped wave's kernels on the CPU's cores: rows in parallel, plain double loops. */
@Component(service = DampedWaveKernel.class, property = {Device.PROPERTY + "=cpu",
        Propagator.KERNEL_PROPERTY + "=damped-wave"})
public final class CpuDampedWaveKernel implements DampedWaveKernel {
    @Override
    public String deviceName() {
        return "cpu";
    }

    @Override
    public void step(WaveStep s, double[] m, double[] older, double[] cur, double[] out, Device device) {
        device.parallel(s.n0(), i -> {
            for (int j = 0, k = i * s.n1(); j < s.n1(); j++, k++) {
                out[k] = s.a() * cur[k] - s.b() * older[k] + s.dt2() * m[k] * laplacian(s, cur, i, j, k);
            }
        });
    }

    @Override
    public void adjointStep(WaveStep s, double[] m, double[] older, double[] cur, double[] out, Device device) {
        double[] weighted = new double[cur.length];
        for (int k = 0; k < cur.length; k++) {
            weighted[k] = m[k] * cur[k];
        }
        device.parallel(s.n0(), i -> {
            for (int j = 0, k = i * s.n1(); j < s.n1(); j++, k++) {
                out[k] = s.a() * cur[k] - s.b() * older[k] + s.dt2() * laplacian(s, weighted, i, j, k);
            }
        });
    }

    @Override
    public void accumulateGradient(WaveStep s, double[] field, double[] adjoint, double[] grad, Device device) {
        device.parallel(s.n0(), i -> {
            for (int j = 0, k = i * s.n1(); j < s.n1(); j++, k++) {
                grad[k] += s.dt2() * adjoint[k] * laplacian(s, field, i, j, k);
            }
        });
    }

    /** The 5-point Laplacian at cell (i, j) = k, the field zero outside the grid (so L is symmetric). */
    private static double laplacian(WaveStep s, double[] u, int i, int j, int k) {
        double up = i > 0 ? u[k - s.n1()] : 0;
        double down = i < s.n0() - 1 ? u[k + s.n1()] : 0;
        double left = j > 0 ? u[k - 1] : 0;
        double right = j < s.n1() - 1 ? u[k + 1] : 0;
        return (up + down - 2 * u[k]) * s.inv0() + (left + right - 2 * u[k]) * s.inv1();
    }
}
