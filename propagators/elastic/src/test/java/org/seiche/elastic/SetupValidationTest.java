package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;

/** prepare() refuses bad input before any propagation, with one line naming the field. */
class SetupValidationTest {
    private static final int NY = 10;
    private static final int NX = 12;

    private static Survey survey(String sourceComponent, Locations sources, String receiverComponent, Locations receivers) {
        return Cases.survey(0.0005, 20, List.of(sourceComponent), List.of(sources), List.of(receiverComponent),
                List.of(receivers));
    }

    private static Survey goodSurvey() {
        return survey("y", Cases.locations(1, 0, new int[] {2, 3}), "p", Cases.locations(1, 0, new int[] {4, 5}));
    }

    private static String refusal(Map<String, NdArray> model, Survey survey, PropagatorSettings settings) {
        SeicheException e = assertThrows(SeicheException.class,
                () -> Cases.prepare(model, 5, survey, settings, Precision.FLOAT32).close());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static String refusal(Consumer<Map<String, NdArray>> edit) {
        Map<String, NdArray> model = new LinkedHashMap<>(Cases.velocityModel(NY, NX, 1));
        edit.accept(model);
        return refusal(model, goodSurvey(), Cases.settings(4, 3));
    }

    private static void assertStarts(String prefix, String message) {
        assertTrue(message.startsWith(prefix), "'" + message + "' should start with '" + prefix + "'");
    }

    private static NdArray set(NdArray a, int i, int j, double v) {
        NdArray c = a.copy();
        c.data()[i * a.dim(1) + j] = v;
        return c;
    }

    @Test
    void refusesIncompleteMixedOrUnknownParameterSets() {
        assertStarts("model.parameters: 'rho' is missing", refusal(m -> m.remove("rho")));
        assertStarts("model.parameters: mixes vp, vs, rho with lamb, mu, buoyancy",
                refusal(m -> m.put("mu", m.get("vs").copy())));
        assertStarts("model.parameters: 'v' is not an elastic parameter", refusal(m -> m.put("v", m.get("vs").copy())));
    }

    @Test
    void refusesNaNNegativeAndTooLargeVs() {
        assertStarts("model.parameters.vp: NaN at cell [3, 4]", refusal(m -> m.put("vp", set(m.get("vp"), 3, 4, Double.NaN))));
        assertStarts("model.parameters.rho: negative value -1.0 at cell [0, 11]",
                refusal(m -> m.put("rho", set(m.get("rho"), 0, 11, -1))));
        assertStarts("model.parameters: vp < sqrt(2) vs at cell [5, 6]",
                refusal(m -> m.put("vs", set(m.get("vs"), 5, 6, 1500))));
        Map<String, NdArray> lame = new LinkedHashMap<>(Cases.lameModel(Cases.velocityModel(NY, NX, 1)));
        lame.put("lamb", set(lame.get("lamb"), 1, 2, -1e6));
        assertStarts("model.parameters.lamb: negative value", refusal(lame, goodSurvey(), Cases.settings(4, 3)));
    }

    @Test
    void refusesLocationsOutsideTheModelAndUnknownComponents() {
        Map<String, NdArray> m = Cases.velocityModel(NY, NX, 1);
        Locations inside = Cases.locations(1, 0, new int[] {4, 5});
        assertStarts("survey.sources.locations: shot 0 source 0 at [10, 3] is outside the 10 x 12 model",
                refusal(m, survey("y", Cases.locations(1, 0, new int[] {NY, 3}), "y", inside), Cases.settings(4, 3)));
        assertStarts("survey.receivers.locations: shot 0 receiver 1 at [-2, 3] is outside",
                refusal(m, survey("y", inside, "y", Cases.locations(1, 0, new int[] {1, 1}, new int[] {-2, 3})),
                        Cases.settings(4, 3)));
        assertStarts("survey.sources.component: 'z' is not y, x or p",
                refusal(m, survey("z", inside, "y", inside), Cases.settings(4, 3)));
        assertStarts("survey.receivers.component: '' is not y, x or p",
                refusal(m, survey("y", inside, "", inside), Cases.settings(4, 3)));
    }

    /** A y component's v_y point below the last row, or an x one's v_x point right of the last column, needs a PML there. */
    @Test
    void refusesStaggeredPointsOutsideTheGrid() {
        Map<String, NdArray> m = Cases.velocityModel(NY, NX, 1);
        Locations inside = Cases.locations(1, 0, new int[] {4, 5});
        Locations lastRow = Cases.locations(1, 0, new int[] {NY - 1, 5});
        Locations lastColumn = Cases.locations(1, 0, new int[] {4, NX - 1});
        assertStarts("survey.sources.locations: shot 0 source 0 at [9, 5]: a y component cannot be on the model's last row",
                refusal(m, survey("y", lastRow, "p", inside), Cases.settings(4, 3, 0, 3, 3)));
        assertStarts("survey.receivers.locations: shot 0 receiver 0 at [4, 11]: an x component cannot be on the model's last column",
                refusal(m, survey("y", inside, "x", lastColumn), Cases.settings(4, 3, 3, 3, 0)));
        assertDoesNotThrow(() -> Cases.prepare(m, 5, survey("y", lastRow, "x", lastColumn), Cases.settings(4, 3), Precision.FLOAT32)
                .close());
        assertDoesNotThrow(() -> Cases.prepare(m, 5, survey("x", lastRow, "y", lastColumn), Cases.settings(4, 0), Precision.FLOAT32)
                .close());
    }

    @Test
    void refusesUnknownOrMixedGradients() {
        try (Simulation sim = Cases.prepare(Cases.velocityModel(NY, NX, 1), 5, goodSurvey(), Cases.settings(4, 3),
                Precision.FLOAT32)) {
            SeicheException unknown = assertThrows(SeicheException.class, () -> sim.forward(new int[] {0}, Set.of("v")));
            assertStarts("gradient_wrt: 'v' is not a gradient the elastic propagator gives", unknown.getMessage());
            SeicheException mixed = assertThrows(SeicheException.class, () -> sim.forward(new int[] {0}, Set.of("vp", "mu")));
            assertStarts("gradient_wrt: mixes", mixed.getMessage());
        }
    }
}
