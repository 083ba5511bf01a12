package com.example.seiche.huber;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;

/**
 * The Huber misfit: quadratic for residuals below delta, linear above, so that a few wild
 * traces (noise bursts, bad channels) do not dominate the gradient. Mean over every sample.
 * delta defaults to 1e-3 of the largest observed amplitude.
 */
@Component(service = Loss.class, property = Loss.PROPERTY + "=huber")
public final class HuberLoss implements Loss {
    private static final double RELATIVE_DELTA = 1e-3;

    @Activate
    public HuberLoss() {
    }

    @Override
    public String name() {
        return "huber";
    }

    @Override
    public double value(NdArray data, NdArray observed, int totalShots) {
        double delta = delta(observed);
        double s = 0;
        for (int i = 0; i < data.size(); i++) {
            double r = Math.abs(data.data()[i] - observed.data()[i]);
            s += r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
        }
        return s / count(data, totalShots);
    }

    @Override
    public NdArray adjointSource(NdArray data, NdArray observed, int totalShots) {
        double delta = delta(observed);
        double n = count(data, totalShots);
        double[] g = new double[data.size()];
        for (int i = 0; i < g.length; i++) {
            double r = data.data()[i] - observed.data()[i];
            g[i] = Math.max(-delta, Math.min(delta, r)) / n;
        }
        return new NdArray(data.shape(), g);
    }

    private static double delta(NdArray observed) {
        double max = 0;
        for (double v : observed.data()) {
            max = Math.max(max, Math.abs(v));
        }
        return max > 0 ? RELATIVE_DELTA * max : Double.MIN_NORMAL;
    }

    private static double count(NdArray data, int totalShots) {
        return (double) data.size() / Math.max(1, data.dim(0)) * totalShots;
    }
}
