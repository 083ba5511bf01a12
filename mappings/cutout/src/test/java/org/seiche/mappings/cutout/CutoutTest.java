package org.seiche.mappings.cutout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seiche.inversion.support.LinkChecks.random;
import static org.seiche.inversion.support.LinkChecks.selfAdjointMismatch;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.seiche.api.Locations;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.SeicheException;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;

class CutoutTest {
    private static final int NY = 30;
    private static final int NX = 40;
    private static final double DY = 5;
    private static final double DX = 10;
    private static final Model MODEL = new Model(new double[] {DY, DX}, Map.of("v", NdArray.filled(1500, NY, NX)));
    /** Two shots: sources at (10, 5) and (10, 30); shot 1's second source unused. */
    private static final Locations SOURCES = new Locations(2, 2, 2, new int[] {10, 5, 10, 5, 10, 30, -1, -1});
    /** Receivers along row 0, every 10th column, the same for both shots. */
    private static final Locations RECEIVERS = new Locations(2, 4, 2, new int[] {0, 0, 0, 10, 0, 20, 0, 30,
        0, 0, 0, 10, 0, 20, 0, 30});
    private static final Survey SURVEY = new Survey(0.001, 3,
            List.of(new SourceGroup("", SOURCES, NdArray.zeros(2, 2, 3))), List.of(new ReceiverGroup("", RECEIVERS)));

    private static NdArray weights(Mapping mapping, Map<String, Object> config) {
        return mapping.create(config, MODEL, SURVEY).gradientToInversion(null, NdArray.filled(1, NY, NX));
    }

    private static double distanceToNearest(int y, int x, Locations l) {
        double d = Double.POSITIVE_INFINITY;
        for (int s = 0; s < l.shots(); s++) {
            for (int i = 0; i < l.perShot(); i++) {
                if (!l.unused(s, i)) {
                    d = Math.min(d, Math.hypot((y - l.coordinate(s, i, 0)) * DY, (x - l.coordinate(s, i, 1)) * DX));
                }
            }
        }
        return d;
    }

    @Test
    void sourceCutoutIsZeroWithinTheRadiusOfEveryShotsSourcesAndTapersToOne() {
        NdArray w = weights(new SourceCutoutMapping(), Map.of("radius", 40.0, "taper", 30.0));
        for (int y = 0; y < NY; y++) {
            for (int x = 0; x < NX; x++) {
                double d = distanceToNearest(y, x, SOURCES);
                double wi = w.data()[y * NX + x];
                if (d <= 40) {
                    assertEquals(0, wi, "inside the radius at " + y + ", " + x);
                } else if (d >= 70) {
                    assertEquals(1, wi, "beyond the taper at " + y + ", " + x);
                } else {
                    assertEquals(0.5 * (1 - Math.cos(Math.PI * (d - 40) / 30)), wi, 1e-15);
                }
            }
        }
        // (10, 30) is a source of shot 1 only; (21, 5) is 55 m below (10, 5): half way up the taper
        assertEquals(0, w.data()[10 * NX + 30]);
        assertEquals(0.5, w.data()[(10 + 11) * NX + 5], 1e-15);
    }

    @Test
    void receiverCutoutUsesTheReceiversAndDefaultsTheTaperToHalfTheRadius() {
        NdArray w = weights(new ReceiverCutoutMapping(), Map.of("radius", 20.0));
        for (int y = 0; y < NY; y++) {
            for (int x = 0; x < NX; x++) {
                double d = distanceToNearest(y, x, RECEIVERS);
                double wi = w.data()[y * NX + x];
                assertEquals(d <= 20 ? 0 : d >= 30 ? 1 : 0.5 * (1 - Math.cos(Math.PI * (d - 20) / 10)), wi, 1e-15);
            }
        }
        assertEquals(1, w.data()[10 * NX + 5], "sources are not cut by the receiver cutout");
    }

    @Test
    void isAnIdentityOnTheModelAndASelfAdjointWeightingOfTheGradient() {
        Mapping.Link l = new SourceCutoutMapping().create(Map.of("radius", 40.0), MODEL, SURVEY);
        Random r = new Random(3);
        NdArray x = random(r, new int[] {NY, NX}, 1500, 100);
        assertSame(x, l.toSimulation(x));
        assertSame(x, l.toInversion(x));
        double m = selfAdjointMismatch(l, x, random(r, new int[] {NY, NX}, 0, 1), random(r, new int[] {NY, NX}, 0, 1));
        assertTrue(m < 1e-14, "mismatch " + m);
    }

    @Test
    void aZeroTaperCutsSharply() {
        NdArray w = weights(new SourceCutoutMapping(), Map.of("radius", 10.0, "taper", 0.0));
        assertEquals(0, w.data()[10 * NX + 6]);
        assertEquals(1, w.data()[10 * NX + 7]);
        assertEquals(0, w.data()[12 * NX + 5]);
        assertEquals(1, w.data()[13 * NX + 5]);
    }

    @Test
    void refusesNegativeOrMissingLengthsAndMismatchedDimensions() {
        assertEquals("inversion.mappings[source-cutout].radius: must not be negative, got -5.0",
                message(() -> new SourceCutoutMapping().create(Map.of("radius", -5.0), MODEL, SURVEY)));
        assertEquals("inversion.mappings[receiver-cutout].taper: must not be negative, got -1.0",
                message(() -> new ReceiverCutoutMapping().create(Map.of("radius", 5.0, "taper", -1.0), MODEL, SURVEY)));
        assertEquals("inversion.mappings[receiver-cutout].radius: missing",
                message(() -> new ReceiverCutoutMapping().create(Map.of(), MODEL, SURVEY)));
        Survey threeD = new Survey(0.001, 3, List.of(), List.of(new ReceiverGroup("", new Locations(1, 1, 3, new int[] {0, 0, 0}))));
        assertEquals("survey.receivers: locations have 3 coordinates, the model has 2 dimensions",
                message(() -> new ReceiverCutoutMapping().create(Map.of("radius", 5.0), MODEL, threeD)));
    }

    private static String message(Runnable r) {
        return assertThrows(SeicheException.class, r::run).getMessage();
    }
}
