package org.seiche.losses;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;

/**
 * mse: the mean over every sample of the survey of (d - d_obs)^2. A batch of shots adds
 * its sum divided by the survey's sample count, so batches add up to the whole.
 */
@Component(service = Loss.class, property = Loss.PROPERTY + "=mse")
public final class MeanSquaredError implements Loss {
    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double value(NdArray data, NdArray observed, int totalShots) {
        Survey.check(data, observed);
        double[] d = data.data();
        double[] o = observed.data();
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            double r = d[i] - o[i];
            s += r * r;
        }
        return s / Survey.samples(data, totalShots);
    }

    @Override
    public NdArray adjointSource(NdArray data, NdArray observed, int totalShots) {
        Survey.check(data, observed);
        double[] d = data.data();
        double[] o = observed.data();
        double[] g = new double[d.length];
        double scale = 2 / Survey.samples(data, totalShots);
        for (int i = 0; i < d.length; i++) {
            g[i] = scale * (d[i] - o[i]);
        }
        return new NdArray(data.shape(), g);
    }

    @Override
    public NdArray curvature(NdArray data, NdArray observed, NdArray direction, int totalShots) {
        double[] w = direction.data();
        double[] h = new double[w.length];
        double scale = 2 / Survey.samples(data, totalShots);
        for (int i = 0; i < w.length; i++) {
            h[i] = scale * w[i];
        }
        return new NdArray(direction.shape(), h);
    }
}
