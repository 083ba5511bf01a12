package org.seiche.wave;

/**
 * Band-limited resampling between the survey's nt samples and the k * nt inner steps
 * (docs/numerics.md): spectra truncated or zero-padded, the highest kept bin always zeroed.
 * Both maps are linear and each is the other's transpose up to a factor:
 * upsample^T = k * downsample, downsample^T = upsample / k, which is what the adjoints use.
 * An instance is for one (nt, k) pair and is safe to share between threads.
 */
public final class Resampling {
    private final int nt;
    private final int k;
    private final Fft shortFft;
    private final Fft longFft;

    public Resampling(int nt, int k) {
        this.nt = nt;
        this.k = k;
        this.shortFft = new Fft(nt);
        this.longFft = new Fft(nt * k);
    }

    public int nt() {
        return nt;
    }

    public int stepRatio() {
        return k;
    }

    /** nt samples to k * nt inner samples; inner sample j * k coincides with sample j. */
    public double[] upsample(double[] trace) {
        if (k == 1) {
            return trace.clone();
        }
        int nk = nt * k;
        double[] re = trace.clone();
        double[] im = new double[nt];
        shortFft.transform(re, im, false);
        double[] ur = new double[nk];
        double[] ui = new double[nk];
        copyBand(re, im, nt, ur, ui, nk);
        longFft.transform(ur, ui, true);
        // irfft divides by nk, and the result is multiplied by k
        for (int i = 0; i < nk; i++) {
            ur[i] /= nt;
        }
        return ur;
    }

    /** k * nt inner samples to nt samples. */
    public double[] downsample(double[] inner) {
        if (k == 1) {
            return inner.clone();
        }
        int nk = nt * k;
        double[] re = inner.clone();
        double[] im = new double[nk];
        longFft.transform(re, im, false);
        double[] dr = new double[nt];
        double[] di = new double[nt];
        copyBand(re, im, nk, dr, di, nt);
        shortFft.transform(dr, di, true);
        // irfft divides by nt, and the result is divided by k
        double scale = 1.0 / ((double) nt * k);
        for (int i = 0; i < nt; i++) {
            dr[i] *= scale;
        }
        return dr;
    }

    /** The adjoint of {@link #upsample}: k * nt inner values to nt values. */
    public double[] upsampleAdjoint(double[] inner) {
        double[] d = downsample(inner);
        for (int i = 0; i < d.length; i++) {
            d[i] *= k;
        }
        return d;
    }

    /** The adjoint of {@link #downsample}: nt values to k * nt inner values. */
    public double[] downsampleAdjoint(double[] trace) {
        double[] u = upsample(trace);
        for (int i = 0; i < u.length; i++) {
            u[i] /= k;
        }
        return u;
    }

    /**
     * Copies the bins 0 .. nt/2 - 1 of the real signal's spectrum (and their conjugate
     * mirrors) from a length-nFrom spectrum into a zeroed length-nTo one; the highest bin of
     * the short spectrum (index nt/2) stays zero, as the reference does for odd nt too.
     */
    private void copyBand(double[] re, double[] im, int nFrom, double[] toRe, double[] toIm, int nTo) {
        int half = nt / 2;
        for (int j = 0; j < half; j++) {
            toRe[j] = re[j];
            toIm[j] = im[j];
        }
        for (int j = 1; j < half; j++) {
            toRe[nTo - j] = re[nFrom - j];
            toIm[nTo - j] = im[nFrom - j];
        }
        // a real signal's DC bin has no imaginary part
        toIm[0] = 0;
    }
}
