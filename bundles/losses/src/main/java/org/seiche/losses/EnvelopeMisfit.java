package org.seiche.losses;

import java.util.Arrays;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;

/**
 * envelope: 1/2 the mean over every sample of the survey of (E(d) - E(o))^2, where
 * E(x) = sqrt(x^2 + (H x)^2) is the instantaneous amplitude of a trace and H its discrete
 * Hilbert transform ({@link Hilbert}). Less sensitive to cycle skipping than mse. A batch
 * adds its sum divided by the survey's sample count, so batches add up to the whole.
 *
 * <p>With r = E(d) - E(o), q = r / E(d) and N the sample count, the adjoint source is
 * (q d - H(q H d)) / N, using H^T = -H; the Hessian applied to w is
 * (p d + q w - H(p H d + q H w)) / N with p = E(o) (d w + H d H w) / E(d)^3. Both are exact
 * derivatives of the value as computed, guard included.
 *
 * <p>Guard: E is not differentiable where it is 0 (e.g. a silent trace), and the adjoint
 * divides by it. Every envelope here is therefore sqrt(x^2 + (H x)^2 + eps^2) with, per
 * trace, eps^2 = 1e-24 mean(o^2) + Double.MIN_NORMAL: an amplitude 1e-12 of the observed
 * trace's rms, far below any signal, fixed by the observed data alone so that the
 * derivatives stay exact, and never 0 so that all-zero traces give 0, not NaN.
 */
@Component(service = Loss.class, property = Loss.PROPERTY + "=envelope")
public final class EnvelopeMisfit implements Loss {
    private static final double RELATIVE_EPS_SQUARED = 1e-24;

    @Override
    public String name() {
        return "envelope";
    }

    @Override
    public double value(NdArray data, NdArray observed, int totalShots) {
        Survey.check(data, observed);
        Trace t = new Trace(data, observed);
        double s = 0;
        for (int start = 0; start < data.size(); start += t.nt) {
            t.load(start);
            for (int i = 0; i < t.nt; i++) {
                double r = t.e[i] - t.eo[i];
                s += r * r;
            }
        }
        return s / (2 * Survey.samples(data, totalShots));
    }

    @Override
    public NdArray adjointSource(NdArray data, NdArray observed, int totalShots) {
        Survey.check(data, observed);
        Trace t = new Trace(data, observed);
        double[] g = new double[data.size()];
        double scale = 1 / Survey.samples(data, totalShots);
        double[] a = new double[t.nt];
        double[] b = new double[t.nt];
        double[] q = new double[t.nt];
        for (int start = 0; start < g.length; start += t.nt) {
            t.load(start);
            for (int i = 0; i < t.nt; i++) {
                q[i] = (t.e[i] - t.eo[i]) / t.e[i];
                a[i] = q[i] * t.hd[i];
            }
            Arrays.fill(b, 0);
            t.hilbert.apply(a, b);
            for (int i = 0; i < t.nt; i++) {
                g[start + i] = scale * (q[i] * t.d[i] - a[i]);
            }
        }
        return new NdArray(data.shape(), g);
    }

    @Override
    public NdArray curvature(NdArray data, NdArray observed, NdArray direction, int totalShots) {
        Survey.check(data, observed);
        Survey.check(data, direction, "direction");
        Trace t = new Trace(data, observed);
        double[] w = direction.data();
        double[] h = new double[data.size()];
        double scale = 1 / Survey.samples(data, totalShots);
        double[] a = new double[t.nt];
        double[] b = new double[t.nt];
        double[] q = new double[t.nt];
        for (int start = 0; start < h.length; start += t.nt) {
            t.load(start);
            System.arraycopy(w, start, a, 0, t.nt);
            Arrays.fill(b, 0);
            t.hilbert.apply(a, b); // a = H w
            for (int i = 0; i < t.nt; i++) {
                double e = t.e[i];
                double wi = w[start + i];
                q[i] = (e - t.eo[i]) / e;
                double p = t.eo[i] * (t.d[i] * wi + t.hd[i] * a[i]) / (e * e * e);
                b[i] = p * t.d[i] + q[i] * wi; // the part outside H, kept until a is free
                a[i] = p * t.hd[i] + q[i] * a[i];
            }
            System.arraycopy(b, 0, h, start, t.nt);
            Arrays.fill(b, 0);
            t.hilbert.apply(a, b);
            for (int i = 0; i < t.nt; i++) {
                h[start + i] = scale * (h[start + i] - a[i]);
            }
        }
        return new NdArray(data.shape(), h);
    }

    /** One trace at a time: d, H d and the guarded envelopes of d and o. */
    private static final class Trace {
        final int nt;
        final Hilbert hilbert;
        final double[] d;
        final double[] hd;
        final double[] e;
        final double[] eo;
        private final double[] data;
        private final double[] observed;
        private final double[] ho;

        Trace(NdArray data, NdArray observed) {
            this.nt = Survey.samplesPerTrace(data);
            this.hilbert = new Hilbert(Math.max(1, nt));
            this.data = data.data();
            this.observed = observed.data();
            d = new double[nt];
            hd = new double[nt];
            ho = new double[nt];
            e = new double[nt];
            eo = new double[nt];
        }

        void load(int start) {
            System.arraycopy(data, start, d, 0, nt);
            System.arraycopy(data, start, hd, 0, nt);
            System.arraycopy(observed, start, ho, 0, nt);
            double power = 0;
            for (int i = 0; i < nt; i++) {
                power += ho[i] * ho[i];
            }
            double eps2 = RELATIVE_EPS_SQUARED * power / nt + Double.MIN_NORMAL;
            hilbert.apply(hd, ho);
            for (int i = 0; i < nt; i++) {
                double o = observed[start + i];
                e[i] = Math.sqrt(d[i] * d[i] + hd[i] * hd[i] + eps2);
                eo[i] = Math.sqrt(o * o + ho[i] * ho[i] + eps2);
            }
        }
    }
}
