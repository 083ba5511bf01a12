package org.seiche.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;
import org.seiche.testing.LossContract;

class TravelTimeShiftTest extends LossContract {
    private final TravelTimeShift traveltime = new TravelTimeShift();

    @Override
    protected Loss loss() {
        return traveltime;
    }

    @Override
    protected boolean hasCurvature() {
        return false;
    }

    /** Ricker wavelets; the modelled ones shifted by up to 2.5 samples, rescaled, with 5% noise. */
    @Override
    protected NdArray[] dataAndObserved(Random r, int... shape) {
        NdArray d = NdArray.zeros(shape);
        NdArray o = NdArray.zeros(shape);
        int nt = shape[shape.length - 1];
        for (int start = 0; start < d.size(); start += nt) {
            double centre = nt / 2.0 + r.nextDouble() - 0.5;
            double delay = 5 * r.nextDouble() - 2.5;
            double amplitude = 0.5 + r.nextDouble();
            for (int t = 0; t < nt; t++) {
                o.data()[start + t] = ricker(t - centre);
                d.data()[start + t] = amplitude * ricker(t - centre - delay) + 0.05 * r.nextGaussian();
            }
        }
        return new NdArray[] {d, o};
    }

    @Test
    void measuresTheDelayOfTheModelledArrival() {
        int nt = 64;
        double[] o = new double[nt];
        double[] late = new double[nt];
        double[] early = new double[nt];
        for (int t = 0; t < nt; t++) {
            o[t] = ricker(t - 30);
            late[t] = 2 * ricker(t - 33);
            early[t] = ricker(t - 28.5);
        }
        NdArray observed = new NdArray(new int[] {1, 1, nt}, o);
        // 3 samples late: dt^2 / 2 over the survey's 2 traces
        assertEquals(9 / 2.0 / 2, traveltime.value(new NdArray(new int[] {1, 1, nt}, late), observed, 2), 1e-9);
        // 1.5 samples early, up to the parabola's sub-sample bias
        double dt = Math.sqrt(2 * traveltime.value(new NdArray(new int[] {1, 1, nt}, early), observed, 1));
        assertEquals(1.5, dt, 0.05);
        // the adjoint source pulls the late trace earlier: a step against it lowers the misfit
        NdArray d = new NdArray(new int[] {1, 1, nt}, late);
        NdArray g = traveltime.adjointSource(d, observed, 1);
        double step = 0.1 / Math.sqrt(dot(g, g));
        assertEquals(true, traveltime.value(shift(d, g, -step), observed, 1) < traveltime.value(d, observed, 1));
    }

    private static double ricker(double t) {
        double a = Math.PI * 0.12 * t;
        return (1 - 2 * a * a) * Math.exp(-a * a);
    }
}
