package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.seiche.api.NdArray;
import org.seiche.losses.MeanSquaredError;

class DataMaskTest {
    @Test
    void maskedAdjointSourceMatchesFiniteDifferences() {
        Random r = new Random(3);
        int[] shape = {2, 3, 7};
        NdArray d = random(r, shape);
        NdArray o = random(r, shape);
        NdArray m = random(r, shape);
        NdArray w = random(r, shape);
        MaskedLoss loss = new MaskedLoss(new MeanSquaredError(), m);
        double eps = 1e-6;
        double fd = (loss.value(shift(d, w, eps), o, 2) - loss.value(shift(d, w, -eps), o, 2)) / (2 * eps);
        NdArray g = loss.adjointSource(d, o, 2);
        double an = 0;
        for (int i = 0; i < g.size(); i++) {
            an += g.data()[i] * w.data()[i];
        }
        assertEquals(fd, an, 1e-8 * Math.abs(an));
    }

    private static NdArray random(Random r, int... shape) {
        NdArray a = NdArray.zeros(shape);
        for (int i = 0; i < a.size(); i++) {
            a.data()[i] = r.nextGaussian();
        }
        return a;
    }

    private static NdArray shift(NdArray a, NdArray w, double eps) {
        double[] out = a.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += eps * w.data()[i];
        }
        return new NdArray(a.shape(), out);
    }
}
