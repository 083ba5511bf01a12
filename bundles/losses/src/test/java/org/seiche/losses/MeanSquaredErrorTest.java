package org.seiche.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

class MeanSquaredErrorTest {
    private final MeanSquaredError mse = new MeanSquaredError();

    private static NdArray random(Random r, int... shape) {
        NdArray a = NdArray.zeros(shape);
        for (int i = 0; i < a.size(); i++) {
            a.data()[i] = r.nextGaussian();
        }
        return a;
    }

    @Test
    void isTheMeanOverEverySampleAndAddsUpOverBatches() {
        NdArray d = new NdArray(new int[] {2, 1, 2}, new double[] {1, 2, 3, 4});
        NdArray o = NdArray.zeros(2, 1, 2);
        assertEquals((1 + 4 + 9 + 16) / 4.0, mse.value(d, o, 2), 1e-15);
        NdArray first = new NdArray(new int[] {1, 1, 2}, new double[] {1, 2});
        NdArray second = new NdArray(new int[] {1, 1, 2}, new double[] {3, 4});
        NdArray zero = NdArray.zeros(1, 1, 2);
        assertEquals(mse.value(d, o, 2), mse.value(first, zero, 2) + mse.value(second, zero, 2), 1e-15);
    }

    @Test
    void adjointSourceAndCurvatureMatchFiniteDifferences() {
        Random r = new Random(1);
        NdArray d = random(r, 2, 3, 5);
        NdArray o = random(r, 2, 3, 5);
        NdArray w = random(r, 2, 3, 5);
        double eps = 1e-6;
        double plus = mse.value(shift(d, w, eps), o, 2);
        double minus = mse.value(shift(d, w, -eps), o, 2);
        assertEquals((plus - minus) / (2 * eps), dot(mse.adjointSource(d, o, 2), w), 1e-8);
        NdArray gPlus = mse.adjointSource(shift(d, w, eps), o, 2);
        NdArray gMinus = mse.adjointSource(shift(d, w, -eps), o, 2);
        NdArray h = mse.curvature(d, o, w, 2);
        for (int i = 0; i < d.size(); i++) {
            assertEquals((gPlus.data()[i] - gMinus.data()[i]) / (2 * eps), h.data()[i], 1e-8);
        }
    }

    @Test
    void refusesMismatchedShapesNamingObserved() {
        SeicheException e = assertThrows(SeicheException.class,
                () -> mse.value(NdArray.zeros(1, 2, 3), NdArray.zeros(1, 2, 4), 1));
        assertEquals(true, e.getMessage().startsWith("observed: shape [1, 2, 4]"));
    }

    private static NdArray shift(NdArray a, NdArray w, double eps) {
        double[] out = a.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += eps * w.data()[i];
        }
        return new NdArray(a.shape(), out);
    }

    private static double dot(NdArray a, NdArray b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.data()[i] * b.data()[i];
        }
        return s;
    }
}
