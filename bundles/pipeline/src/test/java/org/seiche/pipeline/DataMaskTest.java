package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.losses.MeanSquaredError;

class DataMaskTest {
    @Test
    void muteIsZeroAtTheDirectArrivalAndOneFarFromIt() {
        Locations src = new Locations(1, 1, 2, new int[] {0, 0});
        Locations rec = new Locations(1, 1, 2, new int[] {0, 100});
        double dt = 0.001;
        // 100 cells of 5 m at 2000 m/s: the arrival at 0.25 s = sample 250
        NdArray m = DirectArrivalMute.build(src, rec, new double[] {5, 5}, 600, dt, 2000, 0.02, 0.05, 0);
        assertEquals(0.0, m.data()[250], 0.0);
        assertEquals(1.0, m.data()[10], 0.0);
        assertEquals(1.0, m.data()[590], 0.0);
        // the taper: 1 at its start, falling towards 0
        int start = 250 - (20 + 100) / 2;
        assertEquals(1.0, m.data()[start], 1e-12);
        assertEquals(Math.cos(25 / 50.0 * Math.PI / 2), m.data()[start + 25], 1e-12);
        // a delay of the wavelet's peak time moves the window later by as many samples
        NdArray delayed = DirectArrivalMute.build(src, rec, new double[] {5, 5}, 600, dt, 2000, 0.02, 0.05, 0.06);
        for (int i = 0; i < 600 - 60; i++) {
            assertEquals(m.data()[i], delayed.data()[i + 60], 1e-12, "sample " + i);
        }
    }

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
