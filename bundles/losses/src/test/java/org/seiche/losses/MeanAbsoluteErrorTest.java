package org.seiche.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;
import org.seiche.testing.LossContract;

class MeanAbsoluteErrorTest extends LossContract {
    private final MeanAbsoluteError l1 = new MeanAbsoluteError();

    @Override
    protected Loss loss() {
        return l1;
    }

    @Override
    protected boolean hasCurvature() {
        return false;
    }

    @Test
    void isTheMeanAbsoluteResidualOverTheSurveyWithSignAdjoint() {
        NdArray d = new NdArray(new int[] {1, 1, 4}, new double[] {1, -2, 3, 5});
        NdArray o = new NdArray(new int[] {1, 1, 4}, new double[] {0, 0, 3, 1});
        // one shot of a two-shot survey: 8 samples
        assertEquals((1 + 2 + 0 + 4) / 8.0, l1.value(d, o, 2), 1e-15);
        assertArrayEquals(new double[] {1 / 8.0, -1 / 8.0, 0, 1 / 8.0}, l1.adjointSource(d, o, 2).data(), 1e-15);
    }
}
