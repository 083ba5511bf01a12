package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.SeicheException;
import org.seiche.api.Survey;
import org.seiche.elastic.cpu.CpuElasticKernel;
import org.seiche.elastic.internal.ElasticPropagator;
import org.seiche.testing.NamedDevice;

/** A device the elastic propagator has no kernel for is refused naming both, not run on a CPU kernel. */
class KernelChoiceTest {
    @Test
    void theKernelDevicesAreThoseOfItsKernels() {
        assertEquals(Set.of("cpu"), new ElasticPropagator(new CpuElasticKernel()).kernelDevices());
        assertEquals(Set.of(), new ElasticPropagator().kernelDevices());
    }

    @Test
    void aDeviceWithoutKernelIsRefused() {
        Survey survey = Cases.survey(0.002, 20, List.of("y"), List.of(Cases.locations(1, 0, new int[] {3, 6})),
                List.of("y"), List.of(Cases.locations(1, 0, new int[] {2, 10})));
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {6}, 25, Double.NaN, 1, Map.of());
        SeicheException e = assertThrows(SeicheException.class, () -> Cases.prepare(Cases.velocityModel(16, 20, 3), 5, survey,
                settings, Precision.FLOAT32, new NamedDevice("gpu", 0)));
        assertEquals("device: the elastic propagator has no kernel for device 'gpu' (kernels for: cpu)", e.getMessage());
    }
}
