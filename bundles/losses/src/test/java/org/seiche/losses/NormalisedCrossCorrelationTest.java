package org.seiche.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;
import org.seiche.testing.LossContract;

class NormalisedCrossCorrelationTest extends LossContract {
    private final NormalisedCrossCorrelation ncc = new NormalisedCrossCorrelation();

    @Override
    protected Loss loss() {
        return ncc;
    }

    @Override
    protected boolean hasCurvature() {
        return true;
    }

    @Test
    void ignoresAmplitudeAndCountsAnInvertedTraceAsTwo() {
        Random r = new Random(21);
        NdArray o = random(r, 1, 2, 16);
        NdArray scaled = shift(o, o, 2.5); // 3.5 o
        assertEquals(0, ncc.value(scaled, o, 1), 1e-15);
        NdArray inverted = shift(o, o, -2); // -o
        // 2 traces per shot, 3 shots in the survey: each inverted trace counts 2 of 6
        assertEquals(2 * 2 / 6.0, ncc.value(inverted, o, 3), 1e-14);
    }

    @Test
    void silentTracesContributeNothing() {
        Random r = new Random(22);
        NdArray[] pair = {random(r, 1, 3, 16), random(r, 1, 3, 16)};
        NdArray d = pair[0];
        NdArray o = pair[1];
        zeroTrace(d, 1, 16);
        zeroTrace(o, 2, 16);
        NdArray g = ncc.adjointSource(d, o, 1);
        for (int i = 16; i < 48; i++) {
            assertEquals(0, g.data()[i], 0, "adjoint source of a silent trace");
        }
        NdArray first = new NdArray(new int[] {1, 1, 16}, java.util.Arrays.copyOf(d.data(), 16));
        NdArray firstObserved = new NdArray(new int[] {1, 1, 16}, java.util.Arrays.copyOf(o.data(), 16));
        // the survey still has three traces; only the first contributes
        assertEquals(ncc.value(first, firstObserved, 1) / 3, ncc.value(d, o, 1), 1e-15);
    }
}
