package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.api.SimulationSetup;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.scalar.internal.BornPropagator;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.testing.NamedDevice;

/**
 * Both propagators of the scalar family name the devices of their kernels (what device auto
 * chooses among), and refuse a device they have none for, naming the propagator and the device.
 */
class KernelChoiceTest {
    @Test
    void theKernelDevicesAreThoseOfItsKernels() {
        CpuScalarKernel cpu = new CpuScalarKernel();
        assertEquals(Set.of("cpu"), new ScalarPropagator(cpu).kernelDevices());
        assertEquals(Set.of("cpu"), new BornPropagator(cpu).kernelDevices());
        assertEquals(Set.of(), new ScalarPropagator().kernelDevices());
        assertEquals(Set.of(), new BornPropagator().kernelDevices());
    }

    @Test
    void aDeviceWithoutKernelIsRefusedNamingPropagatorAndDevice() {
        NdArray v = NdArray.filled(1500, 10, 12);
        SimulationSetup onCpu = Setups.setup(v, new double[] {4, 4}, Setups.settings(4, new int[] {5}, 25, Double.NaN),
                0.001, NdArray.zeros(1, 1, 10), Setups.locations(1, 1, 3, 4), Setups.locations(1, 1, 0, 9),
                Precision.FLOAT32);
        SimulationSetup scalar = new SimulationSetup(onCpu.model(), onCpu.survey(), onCpu.settings(),
                new NamedDevice("gpu", 10), Precision.FLOAT32);
        assertEquals("device: the scalar propagator has no kernel for device 'gpu' (kernels for: cpu)",
                refusal(new ScalarPropagator(new CpuScalarKernel()), scalar));
        SimulationSetup born = new SimulationSetup(new Model(new double[] {4, 4},
                Map.of(BornPropagator.VELOCITY, v, BornPropagator.SCATTER, NdArray.zeros(10, 12))), onCpu.survey(),
                onCpu.settings(), new NamedDevice("gpu", 10), Precision.FLOAT32);
        assertEquals("device: the born propagator has no kernel for device 'gpu' (kernels for: cpu)",
                refusal(new BornPropagator(new CpuScalarKernel()), born));
    }

    private static String refusal(Propagator propagator, SimulationSetup setup) {
        return assertThrows(SeicheException.class, () -> propagator.prepare(setup)).getMessage();
    }
}
