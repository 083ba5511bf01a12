package org.seiche.pipeline.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.Named;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.scalar.internal.BornPropagator;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.testing.NamedDevice;

/** One rule for a missing kernel: a named device refused naming the propagator; auto takes the best device with kernels. */
class DeviceChoiceTest {
    /** A propagator with kernels for the given devices only. */
    private record WithKernels(Set<String> kernelDevices) implements Propagator {
        @Override
        public String name() {
            return "wave";
        }

        @Override
        public Set<String> parameterNames() {
            return Set.of("v");
        }

        @Override
        public Simulation prepare(SimulationSetup setup) {
            throw new UnsupportedOperationException("not run here");
        }
    }

    private static Services services() {
        Services s = new Services();
        s.devices.put("cpu", new CpuDevice(1));
        s.devices.put("gpu", new NamedDevice("gpu", 10));
        return s;
    }

    @Test
    void autoTakesTheBestDeviceWithKernelsForThePropagator() {
        assertEquals("cpu", services().device(Named.of("auto"), 0, new WithKernels(Set.of("cpu"))).name());
        assertEquals("gpu", services().device(Named.of("auto"), 0, new WithKernels(Set.of("cpu", "gpu"))).name());
    }

    @Test
    void theScalarFamilyFollowsTheRule() {
        CpuScalarKernel cpu = new CpuScalarKernel();
        for (Propagator p : List.of(new ScalarPropagator(cpu), new BornPropagator(cpu))) {
            assertEquals("cpu", services().device(Named.of("auto"), 0, p).name(), p.name() + ": the gpu has no kernel");
            SeicheException e = assertThrows(SeicheException.class, () -> services().device(Named.of("gpu"), 0, p));
            assertEquals("device: the " + p.name() + " propagator has no kernel for device 'gpu' (kernels for: cpu)",
                    e.getMessage());
        }
    }

    @Test
    void aPropagatorThatNamesNoKernelDevicesRunsAnywhere() {
        assertEquals("gpu", services().device(Named.of("auto"), 0, new WithKernels(Set.of())).name());
        assertEquals("gpu", services().device(Named.of("gpu"), 0, new WithKernels(Set.of())).name());
    }

    @Test
    void aNamedDeviceWithoutKernelsIsRefusedNamingBoth() {
        SeicheException e = assertThrows(SeicheException.class,
                () -> services().device(Named.of("gpu"), 0, new WithKernels(Set.of("cpu"))));
        assertEquals("device: the wave propagator has no kernel for device 'gpu' (kernels for: cpu)", e.getMessage());
    }

    @Test
    void autoWithNoDeviceForTheKernelsSaysSo() {
        SeicheException e = assertThrows(SeicheException.class,
                () -> services().device(Named.of("auto"), 0, new WithKernels(Set.of("tpu"))));
        assertTrue(e.getMessage().startsWith("device: auto found no available device with kernels for the wave propagator"),
                e.getMessage());
    }
}
