package org.seiche.pipeline;

import org.seiche.api.Loss;
import org.seiche.api.NdArray;

/**
 * A loss of masked data: L(m d, m d_obs). Its adjoint source is m times the inner one at
 * the masked data, and likewise its curvature, so gradients stay exact.
 */
final class MaskedLoss implements Loss {
    private final Loss inner;
    private final NdArray mask;

    MaskedLoss(Loss inner, NdArray mask) {
        this.inner = inner;
        this.mask = mask;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public double value(NdArray data, NdArray observed, int totalShots) {
        return inner.value(times(data), times(observed), totalShots);
    }

    @Override
    public NdArray adjointSource(NdArray data, NdArray observed, int totalShots) {
        return times(inner.adjointSource(times(data), times(observed), totalShots));
    }

    @Override
    public NdArray curvature(NdArray data, NdArray observed, NdArray direction, int totalShots) {
        return times(inner.curvature(times(data), times(observed), times(direction), totalShots));
    }

    private NdArray times(NdArray a) {
        double[] d = a.data().clone();
        double[] m = mask.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= m[i];
        }
        return new NdArray(a.shape(), d);
    }
}
