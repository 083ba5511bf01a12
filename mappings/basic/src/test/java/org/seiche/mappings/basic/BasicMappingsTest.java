package org.seiche.mappings.basic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seiche.inversion.support.LinkChecks.affineAdjointMismatch;
import static org.seiche.inversion.support.LinkChecks.finiteDifferenceMismatch;
import static org.seiche.inversion.support.LinkChecks.random;
import static org.seiche.inversion.support.LinkChecks.selfAdjointMismatch;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

class BasicMappingsTest {
    private static final int[] SHAPE = {6, 7};
    private static final Model MODEL = new Model(new double[] {10, 12}, Map.of("v", NdArray.filled(1500, SHAPE)));

    private static Mapping.Link link(Mapping mapping, Map<String, Object> config) {
        return mapping.create(config, MODEL, null);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void absoluteAndRelativeAreExactAdjointsAndInvert(long seed) {
        Random r = new Random(seed);
        NdArray prior = random(r, SHAPE, 2000, 300);
        Map<String, Mapping.Link> links = Map.of("absolute", link(new AbsoluteMapping(), Map.of()),
                "relative", link(new RelativeMapping(), Map.of("prior", prior)));
        for (String name : List.of("absolute", "relative")) {
            Mapping.Link l = links.get(name);
            NdArray x = random(r, SHAPE, 0, 0.1);
            NdArray v = random(r, SHAPE, 0, 1);
            NdArray w = random(r, SHAPE, 0, 1);
            double dot = affineAdjointMismatch(l, x, v, w);
            double fd = finiteDifferenceMismatch(l, x, v, w, 1e-4);
            System.out.printf("%s: dot-product mismatch %.2e, finite differences %.2e%n", name, dot, fd);
            assertTrue(dot < 1e-10, "dot-product mismatch " + dot);
            assertTrue(fd < 1e-6, "finite-difference mismatch " + fd);
            NdArray back = l.toInversion(l.toSimulation(x));
            for (int i = 0; i < x.size(); i++) {
                assertEquals(x.data()[i], back.data()[i], 1e-14);
            }
        }
    }

    @Test
    void relativeStartsAtZeroOnItsPrior() {
        NdArray prior = NdArray.filled(1500, SHAPE);
        Mapping.Link l = link(new RelativeMapping(), Map.of("prior", prior));
        assertArrayEquals(new double[prior.size()], l.toInversion(prior).data());
        assertEquals(1500 * 1.1, l.toSimulation(NdArray.filled(0.1, SHAPE)).data()[5], 1e-9);
    }

    @Test
    void relativeRefusesAMissingWrongOrZeroPrior() {
        assertEquals("inversion.mappings[relative].prior: missing; give an array as {file: name.npy}",
                message(() -> link(new RelativeMapping(), Map.of())));
        assertEquals("inversion.mappings[relative].prior: shape [7, 6] differs from the model's [6, 7]",
                message(() -> link(new RelativeMapping(), Map.of("prior", NdArray.filled(1, 7, 6)))));
        NdArray zero = NdArray.filled(1500, SHAPE);
        zero.data()[3] = 0;
        assertTrue(message(() -> link(new RelativeMapping(), Map.of("prior", zero)))
                .startsWith("inversion.mappings[relative].prior: is 0 at flat index 3"));
    }

    @Test
    void regionOfInterestWeightsTheGradientOnly() {
        Random r = new Random(4);
        NdArray mask = random(r, SHAPE, 0.5, 0.2);
        mask.data()[0] = 0;
        Mapping.Link l = link(new RegionOfInterestMapping(), Map.of("mask", mask));
        NdArray x = random(r, SHAPE, 1500, 100);
        NdArray g = random(r, SHAPE, 0, 1);
        assertSame(x, l.toSimulation(x));
        NdArray gx = l.gradientToInversion(x, g);
        for (int i = 0; i < g.size(); i++) {
            assertEquals(mask.data()[i] * g.data()[i], gx.data()[i]);
        }
        assertEquals(0, gx.data()[0], 0);
        assertTrue(selfAdjointMismatch(l, x, g, random(r, SHAPE, 0, 1)) < 1e-14);
    }

    @Test
    void regionOfInterestRefusesAWrongOrNegativeMask() {
        assertEquals("inversion.mappings[region-of-interest].mask: shape [6] differs from the model's [6, 7]",
                message(() -> link(new RegionOfInterestMapping(), Map.of("mask", NdArray.zeros(6)))));
        NdArray negative = NdArray.filled(1, SHAPE);
        negative.data()[2] = -1;
        assertTrue(message(() -> link(new RegionOfInterestMapping(), Map.of("mask", negative)))
                .startsWith("inversion.mappings[region-of-interest].mask: is -1.0 at flat index 2"));
    }

    @Test
    void clipLimitsTheGradientToItsQuantile() {
        // |g| = 0..41 shuffled in sign; the 0.5-quantile of 42 values is 20.5
        NdArray g = NdArray.zeros(SHAPE);
        for (int i = 0; i < g.size(); i++) {
            g.data()[i] = (i % 2 == 0 ? 1 : -1) * i;
        }
        NdArray x = NdArray.filled(1500, SHAPE);
        NdArray clipped = link(new ClipMapping(), Map.of("quantile", 0.5)).gradientToInversion(x, g);
        for (int i = 0; i < g.size(); i++) {
            assertEquals(Math.max(-20.5, Math.min(20.5, g.data()[i])), clipped.data()[i]);
        }
        assertArrayEquals(g.data(), link(new ClipMapping(), Map.of("quantile", 1.0)).gradientToInversion(x, g).data());
        assertSame(x, link(new ClipMapping(), Map.of("quantile", 0.98)).toSimulation(x));
    }

    @Test
    void clipRefusesAQuantileOutsideZeroToOne() {
        assertEquals("inversion.mappings[clip].quantile: must be in (0, 1], got 0.0",
                message(() -> link(new ClipMapping(), Map.of("quantile", 0.0))));
        assertEquals("inversion.mappings[clip].quantile: must be in (0, 1], got 1.5",
                message(() -> link(new ClipMapping(), Map.of("quantile", 1.5))));
        assertEquals("inversion.mappings[clip].quantile: missing", message(() -> link(new ClipMapping(), Map.of())));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void boundsClampAndTheirGradientMatchesFiniteDifferences(long seed) {
        Mapping.Link l = link(new BoundsMapping(), Map.of("min", 1400.0, "max", 1600.0));
        Random r = new Random(seed);
        NdArray x = random(r, SHAPE, 1500, 100);
        for (int i = 0; i < x.size(); i++) {
            // keep clear of the kinks, where the central difference straddles two pieces
            if (Math.abs(Math.abs(x.data()[i] - 1500) - 100) < 1) {
                x.data()[i] += 2;
            }
        }
        double fd = finiteDifferenceMismatch(l, x, random(r, SHAPE, 0, 1), random(r, SHAPE, 0, 1), 1e-3);
        System.out.printf("bounds: finite differences %.2e%n", fd);
        assertTrue(fd < 1e-6, "finite-difference mismatch " + fd);
        NdArray m = l.toSimulation(x);
        NdArray g = l.gradientToInversion(x, NdArray.filled(1, SHAPE));
        for (int i = 0; i < x.size(); i++) {
            double xi = x.data()[i];
            assertEquals(Math.max(1400, Math.min(1600, xi)), m.data()[i]);
            assertEquals(xi >= 1400 && xi <= 1600 ? 1 : 0, g.data()[i]);
        }
        assertArrayEquals(m.data(), l.project(x).data());
        assertEquals(1, l.gradientToInversion(NdArray.filled(1400, SHAPE), NdArray.filled(1, SHAPE)).data()[0],
                "a model resting on a bound keeps its gradient");
    }

    @Test
    void boundsNeedMinBelowMax() {
        assertEquals("inversion.mappings[bounds].min: must be below max, got min 5000.0 and max 1400.0",
                message(() -> link(new BoundsMapping(), Map.of("min", 5000.0, "max", 1400.0))));
        assertEquals("inversion.mappings[bounds].min: give min, max or both",
                message(() -> link(new BoundsMapping(), Map.of())));
        assertEquals(Double.MAX_VALUE, link(new BoundsMapping(), Map.of("min", 0.0))
                .project(NdArray.filled(Double.MAX_VALUE, 1)).data()[0]);
    }

    @Test
    void unknownOptionsAreRefused() {
        assertEquals("inversion.mappings[clip].quantil: unknown option (known: quantile)",
                message(() -> link(new ClipMapping(), Map.of("quantil", 0.9))));
        assertEquals("inversion.mappings[absolute].prior: unknown option (this one takes none)",
                message(() -> link(new AbsoluteMapping(), Map.of("prior", NdArray.zeros(SHAPE)))));
    }

    private static String message(Runnable r) {
        return assertThrows(SeicheException.class, r::run).getMessage();
    }
}
