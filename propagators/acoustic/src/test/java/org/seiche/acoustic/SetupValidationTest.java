package org.seiche.acoustic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Survey;
import org.seiche.testing.NamedDevice;

/** Bad input is refused before any propagation, with one line naming the field and what is wrong. */
class SetupValidationTest {
    private static final int[] SHAPE = {12, 14};

    private static Survey survey(String source, int[] at) {
        return Cases.survey(0.0005, 20, List.of(source), List.of(Cases.locations(1, at)), List.of("p"),
                List.of(Cases.locations(1, new int[] {2, 3})), new Random(1));
    }

    private static String refusal(Map<String, NdArray> model, Survey survey, int... widths) {
        return assertThrows(SeicheException.class, () -> Cases.prepare(model, 5.0, survey, Cases.settings(4, widths),
                Precision.FLOAT64)).getMessage();
    }

    @Test
    void aDeviceWithoutAKernelIsRefusedNamingThePropagatorAndTheDevice() {
        Map<String, NdArray> model = Cases.velocityModel(SHAPE, 1);
        SeicheException e = assertThrows(SeicheException.class, () -> Cases.PROPAGATOR.prepare(new SimulationSetup(
                new Model(new double[] {5, 5}, model), survey("p", new int[] {3, 3}), Cases.settings(4, 5),
                new NamedDevice("cuda", 1), Precision.FLOAT32)));
        assertEquals("device: the acoustic propagator has no kernel for device 'cuda' (kernels for: cpu)", e.getMessage());
        assertEquals(Set.of("cpu"), Cases.PROPAGATOR.kernelDevices());
    }

    @Test
    void componentsTheModelHasNotAreRefused() {
        assertEquals("survey.sources.component: a 2-D model has no 'z' component (p or y, x)",
                refusal(Cases.velocityModel(SHAPE, 1), survey("z", new int[] {3, 3}), 5));
        assertEquals("survey.sources.component: 'q' is not p (pressure) or a velocity component (y, x)",
                refusal(Cases.velocityModel(SHAPE, 1), survey("q", new int[] {3, 3}), 5));
    }

    @Test
    void aVelocityPointOutsideTheGridIsRefused() {
        String m = refusal(Cases.velocityModel(SHAPE, 1), survey("y", new int[] {11, 3}), 5, 0, 5, 5);
        assertEquals("survey.sources.locations: shot 0 source 0 at [11, 3]: a velocity component along dimension 0 cannot "
                + "be on the model's last cell along it when that side's PML width is 0 (its velocity point is outside the "
                + "grid); move it inwards or add a PML there", m);
        assertEquals("survey.sources.locations: shot 0 source 0 at [12, 3] is outside the model of shape [12, 14]",
                refusal(Cases.velocityModel(SHAPE, 1), survey("p", new int[] {12, 3}), 5));
    }

    @Test
    void parameterSetsAndValuesAreChecked() {
        Map<String, NdArray> mixed = new LinkedHashMap<>(Cases.velocityModel(SHAPE, 1));
        mixed.put("k", mixed.remove("rho"));
        assertEquals("model.parameters: mixes v, rho with k, buoyancy; use one set",
                refusal(mixed, survey("p", new int[] {3, 3}), 5));
        Map<String, NdArray> negative = Cases.velocityModel(SHAPE, 1);
        negative.get("rho").data()[15] = -1;
        assertEquals("model.parameters.rho: negative value -1.0 at cell [1, 1]", refusal(negative, survey("p", new int[] {3, 3}), 5));
        Map<String, NdArray> missing = new LinkedHashMap<>(Cases.velocityModel(SHAPE, 1));
        missing.remove("rho");
        assertEquals("model.parameters: 'rho' is missing; give v and rho, or k and buoyancy",
                refusal(missing, survey("p", new int[] {3, 3}), 5));
    }
}
