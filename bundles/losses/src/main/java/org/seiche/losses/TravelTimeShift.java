package org.seiche.losses;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;
import org.seiche.wave.Fft;

/**
 * traveltime: the cross-correlation travel-time misfit of Luo and Schuster (1991),
 * 1/2 the mean over the survey's traces of dt^2, where dt is the lag, in samples, that
 * maximises the cross-correlation C(k) = sum_t d(t + k) o(t) (positive when the modelled
 * arrival is late). A batch adds its sum divided by the survey's trace count, so batches
 * add up to the whole. A trace where d or o is all zeros contributes 0 with a zero adjoint.
 *
 * <p>The lag is the peak sample k (found through an FFT, confirmed by direct sums) refined
 * by the parabola through C(k-1), C(k), C(k+1): dt = k + (C(k-1) - C(k+1)) / (2 (C(k-1) -
 * 2 C(k) + C(k+1))). The adjoint source is the exact derivative of that estimate,
 * dt / M * sum_j (d dt / d C(k+j)) o(t - k - j), the discrete counterpart of Luo and
 * Schuster's dt d'(t) / sum d'' d. A peak at the end of the lag range, or a flat one, is
 * not refined and gives a zero adjoint for that trace. dt is in samples (the loss does not
 * know the sampling interval): the misfit is that in seconds divided by dt_sample^2.
 * There is no second derivative.
 */
@Component(service = Loss.class, property = Loss.PROPERTY + "=traveltime")
public final class TravelTimeShift implements Loss {
    @Override
    public String name() {
        return "traveltime";
    }

    @Override
    public double value(NdArray data, NdArray observed, int totalShots) {
        Survey.check(data, observed);
        Correlator c = new Correlator(data, observed);
        double s = 0;
        for (int start = 0; start < data.size(); start += c.nt) {
            if (c.measure(start)) {
                s += c.shift * c.shift / 2;
            }
        }
        return s / Survey.traces(data, totalShots);
    }

    @Override
    public NdArray adjointSource(NdArray data, NdArray observed, int totalShots) {
        Survey.check(data, observed);
        Correlator c = new Correlator(data, observed);
        double[] o = observed.data();
        double[] g = new double[data.size()];
        double traces = Survey.traces(data, totalShots);
        for (int start = 0; start < g.length; start += c.nt) {
            if (!c.measure(start) || !c.refined) {
                continue;
            }
            double scale = c.shift / traces;
            for (int j = -1; j <= 1; j++) {
                double w = scale * c.dShiftDc[j + 1];
                int lag = c.peak + j;
                // d C(lag) / d d(s) = o(s - lag)
                for (int s = Math.max(0, lag); s < Math.min(c.nt, c.nt + lag); s++) {
                    g[start + s] += w * o[start + s - lag];
                }
            }
        }
        return new NdArray(data.shape(), g);
    }

    /** Measures one trace at a time; holds the peak, the shift and its derivatives. */
    private static final class Correlator {
        final int nt;
        private final double[] d;
        private final double[] o;
        private final int padded;
        private final Fft fft;
        private final double[] dRe;
        private final double[] dIm;
        private final double[] oRe;
        private final double[] oIm;
        private int start;
        int peak;
        double shift;
        boolean refined;
        /** d shift / d C(peak - 1), C(peak), C(peak + 1). */
        final double[] dShiftDc = new double[3];

        Correlator(NdArray data, NdArray observed) {
            nt = Survey.samplesPerTrace(data);
            d = data.data();
            o = observed.data();
            padded = Integer.highestOneBit(Math.max(1, 2 * nt - 1) * 2 - 1);
            fft = new Fft(padded);
            dRe = new double[padded];
            dIm = new double[padded];
            oRe = new double[padded];
            oIm = new double[padded];
        }

        /** False for a trace where d or o is all zeros (no measurement). */
        boolean measure(int traceStart) {
            start = traceStart;
            double dd = 0;
            double oo = 0;
            for (int i = start; i < start + nt; i++) {
                dd += d[i] * d[i];
                oo += o[i] * o[i];
            }
            if (dd == 0 || oo == 0) {
                return false;
            }
            peak = climb(fftPeak());
            shift = peak;
            refined = false;
            if (peak <= -(nt - 1) || peak >= nt - 1) {
                return true;
            }
            double cm = correlation(peak - 1);
            double c0 = correlation(peak);
            double cp = correlation(peak + 1);
            double num = cm - cp;
            double den = 2 * (cm - 2 * c0 + cp);
            if (!(den < 0)) {
                return true;
            }
            refined = true;
            shift = peak + num / den;
            double den2 = den * den;
            dShiftDc[0] = (den - 2 * num) / den2;
            dShiftDc[1] = 4 * num / den2;
            dShiftDc[2] = (-den - 2 * num) / den2;
            return true;
        }

        /** The lag of the largest cross-correlation, computed by FFT with zero padding. */
        private int fftPeak() {
            java.util.Arrays.fill(dRe, 0);
            java.util.Arrays.fill(dIm, 0);
            java.util.Arrays.fill(oRe, 0);
            java.util.Arrays.fill(oIm, 0);
            System.arraycopy(d, start, dRe, 0, nt);
            System.arraycopy(o, start, oRe, 0, nt);
            fft.transform(dRe, dIm, false);
            fft.transform(oRe, oIm, false);
            for (int k = 0; k < padded; k++) { // D conj(O)
                double re = dRe[k] * oRe[k] + dIm[k] * oIm[k];
                double im = dIm[k] * oRe[k] - dRe[k] * oIm[k];
                dRe[k] = re;
                dIm[k] = im;
            }
            fft.transform(dRe, dIm, true);
            int best = 0;
            for (int lag = -(nt - 1); lag < nt; lag++) {
                if (dRe[Math.floorMod(lag, padded)] > dRe[Math.floorMod(best, padded)]) {
                    best = lag;
                }
            }
            return best;
        }

        /** Moves to a local maximum of the directly summed correlation (FFT rounding). */
        private int climb(int lag) {
            double c = correlation(lag);
            while (true) {
                if (lag < nt - 1 && correlation(lag + 1) > c) {
                    lag++;
                } else if (lag > -(nt - 1) && correlation(lag - 1) > c) {
                    lag--;
                } else {
                    return lag;
                }
                c = correlation(lag);
            }
        }

        /** C(lag) = sum_t d(t + lag) o(t), summed directly. */
        private double correlation(int lag) {
            double s = 0;
            for (int t = Math.max(0, -lag); t < Math.min(nt, nt - lag); t++) {
                s += d[start + t + lag] * o[start + t];
            }
            return s;
        }
    }
}
