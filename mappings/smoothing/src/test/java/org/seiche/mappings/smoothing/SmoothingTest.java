package org.seiche.mappings.smoothing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seiche.inversion.support.LinkChecks.affineAdjointMismatch;
import static org.seiche.inversion.support.LinkChecks.dot;
import static org.seiche.inversion.support.LinkChecks.finiteDifferenceMismatch;
import static org.seiche.inversion.support.LinkChecks.random;
import static org.seiche.inversion.support.LinkChecks.selfAdjointMismatch;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

class SmoothingTest {
    private static Model model(double[] spacing, int... shape) {
        return new Model(spacing, Map.of("v", NdArray.filled(1500, shape)));
    }

    /** Grids and lengths, including a kernel wider than its axis (mirrored more than once). */
    static List<Arguments> cases() {
        return List.of(
                Arguments.of(new int[] {20, 30}, new double[] {4, 4}, List.of(100.0, 50.0)),
                Arguments.of(new int[] {9, 11}, new double[] {10, 5}, List.of(60.0, 0.0)),
                Arguments.of(new int[] {4, 5, 6}, new double[] {1, 2, 3}, List.of(2.0)),
                Arguments.of(new int[] {17}, new double[] {1}, List.of(1.3)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void smoothModelIsLinearWithAnExactAdjoint(int[] shape, double[] spacing, List<Double> lengths) {
        Mapping.Link l = new SmoothModelMapping().create(Map.of("lengths", lengths), model(spacing, shape), null);
        Random r = new Random(shape.length);
        NdArray x = random(r, shape, 1500, 100);
        NdArray v = random(r, shape, 0, 1);
        NdArray w = random(r, shape, 0, 1);
        double dot = affineAdjointMismatch(l, NdArray.zeros(shape), v, w);
        double fd = finiteDifferenceMismatch(l, x, v, w, 1e-3);
        System.out.printf("smooth-model %s: dot-product mismatch %.2e, finite differences %.2e%n",
                Arrays.toString(shape), dot, fd);
        assertTrue(dot < 1e-10, "dot-product mismatch " + dot);
        assertTrue(fd < 1e-6, "finite-difference mismatch " + fd);
        assertSame(x, l.toInversion(x));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void smoothPreconditionsOnlyTheGradientWithASymmetricPositiveOperator(int[] shape, double[] spacing,
                                                                          List<Double> lengths) {
        Model m = model(spacing, shape);
        Mapping.Link l = new SmoothMapping().create(Map.of("lengths", lengths), m, null);
        Mapping.Link reparameterised = new SmoothModelMapping().create(Map.of("lengths", lengths), m, null);
        Random r = new Random(7);
        NdArray x = random(r, shape, 1500, 100);
        NdArray g = random(r, shape, 0, 1);
        assertSame(x, l.toSimulation(x));
        assertEquals(0, Arrays.compare(reparameterised.toSimulation(g).data(), l.gradientToInversion(x, g).data()));
        double symmetry = selfAdjointMismatch(l, x, g, random(r, shape, 0, 1));
        System.out.printf("smooth %s: <S v, w> vs <v, S w> %.2e%n", Arrays.toString(shape), symmetry);
        assertTrue(symmetry < 1e-12, "S is not symmetric: " + symmetry);
        assertTrue(dot(g, l.gradientToInversion(x, g)) > 0, "a smoothed gradient is still a descent direction");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void constantsSurviveUpToTheEdges(int[] shape, double[] spacing, List<Double> lengths) {
        NdArray smoothed = new SmoothModelMapping().create(Map.of("lengths", lengths), model(spacing, shape), null)
                .toSimulation(NdArray.filled(1500, shape));
        for (double v : smoothed.data()) {
            assertEquals(1500, v, 1e-9);
        }
    }

    @Test
    void lengthsAreStandardDeviationsInMetresPerDimension() {
        // an impulse far from the edges spreads with variance length^2 along each axis
        int[] shape = {81, 61};
        Model m = model(new double[] {5, 10}, shape);
        NdArray impulse = NdArray.zeros(shape);
        impulse.data()[40 * 61 + 30] = 1;
        NdArray s = new SmoothMapping().create(Map.of("lengths", List.of(30.0, 50.0)), m, null)
                .gradientToInversion(impulse, impulse);
        double sum = 0;
        double vy = 0;
        double vx = 0;
        for (int i = 0; i < shape[0]; i++) {
            for (int j = 0; j < shape[1]; j++) {
                double w = s.data()[i * shape[1] + j];
                sum += w;
                vy += w * Math.pow((i - 40) * 5.0, 2);
                vx += w * Math.pow((j - 30) * 10.0, 2);
            }
        }
        assertEquals(1, sum, 1e-12);
        assertEquals(30 * 30, vy, 0.01 * 30 * 30);
        assertEquals(50 * 50, vx, 0.01 * 50 * 50);
    }

    @Test
    void refusesNegativeOrMiscountedLengths() {
        Model m = model(new double[] {4, 4}, 5, 5);
        assertEquals("inversion.mappings[smooth].lengths: must not be negative, got [100.0, -1.0]",
                assertThrows(SeicheException.class,
                        () -> new SmoothMapping().create(Map.of("lengths", List.of(100.0, -1.0)), m, null)).getMessage());
        assertEquals("inversion.mappings[smooth-model].lengths: give 2 values (one per model dimension) or one for all, got 3",
                assertThrows(SeicheException.class, () -> new SmoothModelMapping()
                        .create(Map.of("lengths", List.of(1.0, 2.0, 3.0)), m, null)).getMessage());
        assertEquals("inversion.mappings[smooth].lengths: missing",
                assertThrows(SeicheException.class, () -> new SmoothMapping().create(Map.of(), m, null)).getMessage());
    }
}
