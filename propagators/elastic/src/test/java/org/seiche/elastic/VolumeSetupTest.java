package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seiche.api.Device;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.api.Survey;
import org.seiche.testing.NamedDevice;

/** A 1-D or 3-D elastic setup is refused before any propagation, with one line naming the field. */
class VolumeSetupTest {
    private static final int[] BOX = {6, 7, 8};

    private static String refusal(int[] shape, String source, Locations sources, int[] widths, Device device) {
        Map<String, NdArray> model = VolumeCases.velocityModel(shape, 1);
        Survey survey = Cases.survey(0.0005, 10, List.of(source), List.of(sources), List.of("p"), List.of(sources));
        SeicheException e = assertThrows(SeicheException.class, () -> VolumeCases.prepare(model, 5, survey,
                VolumeCases.fixedSettings(4, widths), Precision.FLOAT32, device).close());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String part, String message) {
        assertTrue(message.contains(part), "'" + message + "' should contain '" + part + "'");
    }

    @Test
    void componentsOfAnotherDimensionAreRefused() {
        String m = refusal(new int[] {20}, "y", VolumeCases.locations(1, 0, new int[] {3}), new int[] {3}, Cases.DEVICE);
        assertContains("survey.sources.component: 'y' is not a component of a 1-D model", m);
        m = refusal(BOX, "w", VolumeCases.locations(1, 0, new int[] {1, 2, 3}), new int[] {3}, Cases.DEVICE);
        assertContains("'w' is not a component of a 3-D model (z, y, x or p", m);
    }

    @Test
    void locationsOutsideOrOnAReflectingEdgeAreRefused() {
        String m = refusal(BOX, "z", VolumeCases.locations(1, 0, new int[] {1, 7, 3}), new int[] {3}, Cases.DEVICE);
        assertContains("shot 0 source 0 at [1, 7, 3] is outside the model of shape [6, 7, 8]", m);
        m = refusal(BOX, "z", VolumeCases.locations(1, 0, new int[] {5, 2, 3}), new int[] {3, 0, 3, 3, 3, 3}, Cases.DEVICE);
        assertContains("a z component cannot be on the model's last cell along z when the PML width there is 0", m);
        m = refusal(BOX, "z", VolumeCases.locations(1, 0, new int[] {1, 2}), new int[] {3}, Cases.DEVICE);
        assertContains("survey.sources.locations: 2 coordinates per location, the model is 3-D", m);
    }

    @Test
    void otherDevicesAreRefused() {
        String m = refusal(BOX, "z", VolumeCases.locations(1, 0, new int[] {1, 2, 3}), new int[] {3},
                new NamedDevice("cuda", 1));
        assertContains("device: the elastic propagator runs 3-D models on device 'cpu' only, not 'cuda'", m);
    }
}
