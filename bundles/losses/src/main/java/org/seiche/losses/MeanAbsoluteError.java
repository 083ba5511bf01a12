package org.seiche.losses;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;

/**
 * l1: the mean over every sample of the survey of |d - d_obs|. A batch of shots adds its
 * sum divided by the survey's sample count, so batches add up to the whole. The adjoint
 * source is sign(d - d_obs) / count, 0 where the residual is exactly 0; there is no second
 * derivative (it is zero almost everywhere and undefined at the kink).
 */
@Component(service = Loss.class, property = Loss.PROPERTY + "=l1")
public final class MeanAbsoluteError implements Loss {
    @Override
    public String name() {
        return "l1";
    }

    @Override
    public double value(NdArray data, NdArray observed, int totalShots) {
        Survey.check(data, observed);
        double[] d = data.data();
        double[] o = observed.data();
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            s += Math.abs(d[i] - o[i]);
        }
        return s / Survey.samples(data, totalShots);
    }

    @Override
    public NdArray adjointSource(NdArray data, NdArray observed, int totalShots) {
        Survey.check(data, observed);
        double[] d = data.data();
        double[] o = observed.data();
        double[] g = new double[d.length];
        double scale = 1 / Survey.samples(data, totalShots);
        for (int i = 0; i < d.length; i++) {
            g[i] = scale * Math.signum(d[i] - o[i]);
        }
        return new NdArray(data.shape(), g);
    }
}
