package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Storage;
import org.seiche.api.Survey;

class WarmupTest {
    /** Cell (z, y, x) of a 3-D corner holds the model's cell (z, y, x); a short dimension stays whole. */
    @Test
    void theCornerCopiesTheFirstCellsOfEveryParameter() {
        int[] shape = {40, 5, 50};
        NdArray v = NdArray.zeros(shape);
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = i;
        }
        Model corner = Warmup.corner(new Model(new double[] {1, 2, 3}, Map.of("v", v, "rho", NdArray.filled(7, shape))));
        int n = Warmup.CELLS;
        assertArrayEquals(new int[] {n, 5, n}, corner.parameter("v").shape());
        assertArrayEquals(new double[] {1, 2, 3}, corner.spacing());
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < n; x++) {
                    assertEquals((z * 5 + y) * 50 + x, corner.parameter("v").data()[(z * 5 + y) * n + x]);
                }
            }
        }
        assertEquals(7, corner.parameter("rho").data()[n * 5 * n - 1]);
    }

    /** One shot, sources at the corner's centre with the first shot's first samples, components kept. */
    @Test
    void theSurveyIsOneShotInsideTheCorner() {
        int nt = 800;
        double[] amp = new double[2 * nt];
        for (int t = 0; t < amp.length; t++) {
            amp[t] = t;
        }
        Survey s = new Survey(0.001, nt, List.of(new SourceGroup("y", new Locations(2, 1, 2, new int[] {0, 3, 0, 90}),
                new NdArray(new int[] {2, 1, nt}, amp))), List.of(new ReceiverGroup("p", new Locations(2, 1, 2, new int[] {1, 1, 1, 99}))));
        Survey w = Warmup.survey(s, new int[] {20, 32});
        assertEquals(Warmup.STEPS, w.nt());
        assertEquals(1, w.shots());
        assertEquals("y", w.sources().get(0).component());
        assertEquals("p", w.receivers().get(0).component());
        assertArrayEquals(new int[] {10, 16}, w.sources().get(0).locations().cells());
        assertArrayEquals(new int[] {11, 16}, w.receivers().get(0).locations().cells());
        assertEquals(Warmup.STEPS - 1, w.sources().get(0).amplitudes().data()[Warmup.STEPS - 1]);
        Survey three = Warmup.survey(new Survey(0.001, nt, List.of(new SourceGroup("", new Locations(1, 1, 3, new int[] {0, 3, 4}),
                new NdArray(new int[] {1, 1, nt}, new double[nt]))), List.of(new ReceiverGroup("", new Locations(1, 1, 3,
                new int[] {1, 1, 1})))), new int[] {20, 32, 32});
        assertEquals(Warmup.STEPS_3D, three.nt(), "a 3-D corner steps fewer times");
    }

    /** A 3-D corner's gradient stores every 5th step (its stored steps add to the run's peak); 2-D keeps the run's interval. */
    @Test
    void aThreeDimensionalCornerStoresFewSteps() {
        PropagatorSettings run = new PropagatorSettings(4, new int[] {20}, 15.0, Double.NaN, 2, Map.of(),
                new Storage(Storage.Mode.DISK, Storage.Compression.INT8, "/data/steps", 0));
        PropagatorSettings three = Warmup.settings(run, 3);
        assertEquals(Warmup.STORE_INTERVAL_3D, three.gradientSamplingInterval());
        assertEquals(2, Warmup.settings(run, 2).gradientSamplingInterval());
        assertEquals(4, three.accuracy());
        assertEquals(Storage.Mode.DISK, three.storage().mode());
        assertEquals(Storage.Compression.INT8, three.storage().compression());
        assertEquals(null, three.storage().directory(), "disk files in the temporary folder");
    }

    /** A 3-D corner's PML is narrowed to PML_3D on each side, a side without one left without; 2-D keeps the run's. */
    @Test
    void aThreeDimensionalCornerHasANarrowPml() {
        PropagatorSettings run = new PropagatorSettings(4, new int[] {0, 20, 3, 20, 20, 20}, 15.0, Double.NaN, 1, Map.of());
        assertArrayEquals(new int[] {0, Warmup.PML_3D, 3, Warmup.PML_3D, Warmup.PML_3D, Warmup.PML_3D},
                Warmup.settings(run, 3).pmlWidth());
        assertArrayEquals(run.pmlWidth(), Warmup.settings(run, 2).pmlWidth());
        assertArrayEquals(new int[] {0, 20, 3, 20, 20, 20}, run.pmlWidth(), "the run's settings are left as they were");
    }
}
