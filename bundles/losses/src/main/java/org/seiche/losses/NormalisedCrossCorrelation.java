package org.seiche.losses;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;

/**
 * ncc: the mean over the survey's traces of 1 - &lt;d, o&gt; / (|d| |o|), insensitive to each
 * trace's amplitude. A batch adds its sum divided by the survey's trace count (receivers
 * per shot times the survey's shots), so batches add up to the whole. A trace where d or o
 * is all zeros (an unused receiver) contributes 0 with a zero adjoint source.
 *
 * <p>Per trace, with c = &lt;d, o&gt;, a = |d|, b = |o|: the gradient is
 * -(o / (a b) - c d / (a^3 b)) and the Hessian applied to w is
 * (o (d.w) + d (o.w) + c w) / (a^3 b) - 3 c d (d.w) / (a^5 b), both exact.
 */
@Component(service = Loss.class, property = Loss.PROPERTY + "=ncc")
public final class NormalisedCrossCorrelation implements Loss {
    @Override
    public String name() {
        return "ncc";
    }

    @Override
    public double value(NdArray data, NdArray observed, int totalShots) {
        Survey.check(data, observed);
        double[] d = data.data();
        double[] o = observed.data();
        int nt = Survey.samplesPerTrace(data);
        double s = 0;
        for (int start = 0; start < d.length; start += nt) {
            double dd = 0;
            double oo = 0;
            double c = 0;
            for (int i = start; i < start + nt; i++) {
                dd += d[i] * d[i];
                oo += o[i] * o[i];
                c += d[i] * o[i];
            }
            if (dd > 0 && oo > 0) {
                s += 1 - c / (Math.sqrt(dd) * Math.sqrt(oo));
            }
        }
        return s / Survey.traces(data, totalShots);
    }

    @Override
    public NdArray adjointSource(NdArray data, NdArray observed, int totalShots) {
        Survey.check(data, observed);
        double[] d = data.data();
        double[] o = observed.data();
        double[] g = new double[d.length];
        int nt = Survey.samplesPerTrace(data);
        double traces = Survey.traces(data, totalShots);
        for (int start = 0; start < d.length; start += nt) {
            double dd = 0;
            double oo = 0;
            double c = 0;
            for (int i = start; i < start + nt; i++) {
                dd += d[i] * d[i];
                oo += o[i] * o[i];
                c += d[i] * o[i];
            }
            if (dd > 0 && oo > 0) {
                double ab = Math.sqrt(dd) * Math.sqrt(oo);
                double po = -1 / (ab * traces);
                double pd = c / (dd * ab * traces);
                for (int i = start; i < start + nt; i++) {
                    g[i] = po * o[i] + pd * d[i];
                }
            }
        }
        return new NdArray(data.shape(), g);
    }

    @Override
    public NdArray curvature(NdArray data, NdArray observed, NdArray direction, int totalShots) {
        Survey.check(data, observed);
        Survey.check(data, direction, "direction");
        double[] d = data.data();
        double[] o = observed.data();
        double[] w = direction.data();
        double[] h = new double[d.length];
        int nt = Survey.samplesPerTrace(data);
        double traces = Survey.traces(data, totalShots);
        for (int start = 0; start < d.length; start += nt) {
            double dd = 0;
            double oo = 0;
            double c = 0;
            double dw = 0;
            double ow = 0;
            for (int i = start; i < start + nt; i++) {
                dd += d[i] * d[i];
                oo += o[i] * o[i];
                c += d[i] * o[i];
                dw += d[i] * w[i];
                ow += o[i] * w[i];
            }
            if (dd > 0 && oo > 0) {
                double a3b = dd * Math.sqrt(dd) * Math.sqrt(oo) * traces;
                double po = dw / a3b;
                double pw = c / a3b;
                double pd = (ow - 3 * c * dw / dd) / a3b;
                for (int i = start; i < start + nt; i++) {
                    h[i] = po * o[i] + pw * w[i] + pd * d[i];
                }
            }
        }
        return new NdArray(data.shape(), h);
    }
}
