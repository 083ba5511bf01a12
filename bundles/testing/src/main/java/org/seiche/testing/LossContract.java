package org.seiche.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

/**
 * What every loss must satisfy, inherited by each loss's test class (the losses bundle's,
 * a third party's, or one run inside the framework on an injected service), and the array
 * helpers those tests share. Subclasses name the loss and may supply their own data.
 */
public abstract class LossContract {
    /** Relative agreement required between derivatives and central finite differences. */
    public static final double RELATIVE = 1e-6;
    /** Batch shapes checked: even and odd trace lengths (radix-2 and Bluestein FFTs). */
    public static final int[][] SHAPES = {{2, 3, 16}, {3, 2, 15}};

    protected abstract Loss loss();

    /** Whether the loss gives an exact curvature. */
    protected abstract boolean hasCurvature();

    /** Modelled and observed data of a shape for the derivative tests; Gaussian by default. */
    protected NdArray[] dataAndObserved(Random r, int... shape) {
        return new NdArray[] {random(r, shape), random(r, shape)};
    }

    @Test
    public void adjointSourceMatchesFiniteDifferencesInRandomDirections() {
        Random r = new Random(11);
        for (int[] shape : SHAPES) {
            NdArray[] pair = dataAndObserved(r, shape);
            NdArray g = loss().adjointSource(pair[0], pair[1], shape[0] + 1);
            for (int trial = 0; trial < 3; trial++) {
                NdArray w = random(r, shape);
                double eps = 1e-6;
                double fd = (loss().value(shift(pair[0], w, eps), pair[1], shape[0] + 1)
                        - loss().value(shift(pair[0], w, -eps), pair[1], shape[0] + 1)) / (2 * eps);
                assertRelative(dot(g, w), fd, loss().name() + " adjoint source, shape " + pair[0].shapeString());
            }
        }
    }

    @Test
    public void curvatureMatchesFiniteDifferencesOfTheAdjointSource() {
        Random r = new Random(12);
        NdArray[] pair = dataAndObserved(r, SHAPES[0]);
        NdArray w = random(r, SHAPES[0]);
        if (!hasCurvature()) {
            assertThrows(UnsupportedOperationException.class, () -> loss().curvature(pair[0], pair[1], w, 2));
            return;
        }
        for (int[] shape : SHAPES) {
            NdArray[] dv = dataAndObserved(r, shape);
            NdArray dir = random(r, shape);
            double eps = 1e-6;
            NdArray plus = loss().adjointSource(shift(dv[0], dir, eps), dv[1], shape[0]);
            NdArray minus = loss().adjointSource(shift(dv[0], dir, -eps), dv[1], shape[0]);
            NdArray fd = shift(plus, minus, -1);
            NdArray h = loss().curvature(dv[0], dv[1], dir, shape[0]);
            for (int trial = 0; trial < 3; trial++) {
                NdArray v = random(r, shape);
                assertRelative(dot(h, v), dot(fd, v) / (2 * eps), loss().name() + " curvature, shape " + dv[0].shapeString());
            }
        }
    }

    @Test
    public void batchesAddUpToTheWholeSurvey() {
        Random r = new Random(13);
        int[] shape = {3, 2, 16};
        NdArray[] pair = dataAndObserved(r, shape);
        double whole = loss().value(pair[0], pair[1], 3);
        double sum = 0;
        NdArray g = loss().adjointSource(pair[0], pair[1], 3);
        for (int s = 0; s < 3; s++) {
            sum += loss().value(shot(pair[0], s), shot(pair[1], s), 3);
            NdArray gs = loss().adjointSource(shot(pair[0], s), shot(pair[1], s), 3);
            NdArray expected = shot(g, s);
            for (int i = 0; i < gs.size(); i++) {
                assertEquals(expected.data()[i], gs.data()[i], 1e-15 * Math.abs(expected.data()[i]));
            }
        }
        assertEquals(whole, sum, 1e-14 * Math.abs(whole));
        assertTrue(whole > 0, loss().name() + " of different data is positive");
    }

    @Test
    public void isZeroWithAZeroAdjointSourceForMatchingData() {
        Random r = new Random(14);
        for (int[] shape : SHAPES) {
            NdArray d = dataAndObserved(r, shape)[1];
            assertEquals(0, loss().value(d, d.copy(), shape[0]), 1e-15);
            for (double gi : loss().adjointSource(d, d.copy(), shape[0]).data()) {
                assertEquals(0, gi, 1e-15);
            }
        }
    }

    @Test
    public void zeroTracesGiveFiniteValuesAndNoAdjointWhereBothAreSilent() {
        Random r = new Random(15);
        int[] shape = {2, 3, 16};
        NdArray[] pair = dataAndObserved(r, shape);
        int nt = shape[2];
        zeroTrace(pair[0], 0, nt); // silent in both
        zeroTrace(pair[1], 0, nt);
        zeroTrace(pair[0], 1, nt); // silent modelled trace
        zeroTrace(pair[1], 2, nt); // unused receiver
        double value = loss().value(pair[0], pair[1], 2);
        assertTrue(Double.isFinite(value), loss().name() + " value " + value);
        NdArray g = loss().adjointSource(pair[0], pair[1], 2);
        for (int i = 0; i < g.size(); i++) {
            assertTrue(Double.isFinite(g.data()[i]), loss().name() + " adjoint source at " + i);
            if (i < nt) {
                assertEquals(0, g.data()[i], 0, "adjoint source of a trace silent in both");
            }
        }
        NdArray silent = NdArray.zeros(shape);
        assertEquals(0, loss().value(silent, silent.copy(), 2), 0);
    }

    @Test
    public void refusesMismatchedShapesNamingObserved() {
        SeicheException e = assertThrows(SeicheException.class,
                () -> loss().value(NdArray.zeros(1, 2, 3), NdArray.zeros(1, 2, 4), 1));
        assertTrue(e.getMessage().startsWith("observed: shape [1, 2, 4]"), e.getMessage());
        e = assertThrows(SeicheException.class,
                () -> loss().adjointSource(NdArray.zeros(1, 2, 3), NdArray.zeros(2, 2, 3), 1));
        assertTrue(e.getMessage().startsWith("observed: shape [2, 2, 3]"), e.getMessage());
    }

    public static void assertRelative(double expected, double actual, String what) {
        assertTrue(expected != 0, what + ": a zero derivative proves nothing");
        double error = Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(error < RELATIVE, what + ": " + expected + " vs finite differences " + actual + ", relative " + error);
    }

    public static NdArray random(Random r, int... shape) {
        NdArray a = NdArray.zeros(shape);
        for (int i = 0; i < a.size(); i++) {
            a.data()[i] = r.nextGaussian();
        }
        return a;
    }

    /** a + eps w, a new array. */
    public static NdArray shift(NdArray a, NdArray w, double eps) {
        double[] out = a.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += eps * w.data()[i];
        }
        return new NdArray(a.shape(), out);
    }

    public static double dot(NdArray a, NdArray b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.data()[i] * b.data()[i];
        }
        return s;
    }

    /** Shot s of a batch [shots, ...] as a batch of one, a copy. */
    public static NdArray shot(NdArray a, int s) {
        int[] shape = a.shape();
        int per = a.size() / shape[0];
        shape[0] = 1;
        double[] out = new double[per];
        System.arraycopy(a.data(), s * per, out, 0, per);
        return new NdArray(shape, out);
    }

    /** Zeroes trace t (flat index over shots and receivers) of a [shots, receivers, nt] array. */
    public static void zeroTrace(NdArray a, int t, int nt) {
        java.util.Arrays.fill(a.data(), t * nt, (t + 1) * nt, 0);
    }
}
