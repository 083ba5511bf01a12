package org.seiche.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;
import org.seiche.testing.LossContract;

class MeanSquaredErrorTest extends LossContract {
    private final MeanSquaredError mse = new MeanSquaredError();

    @Override
    protected Loss loss() {
        return mse;
    }

    @Override
    protected boolean hasCurvature() {
        return true;
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
}
