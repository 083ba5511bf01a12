package org.seiche.wave;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Band-limited resampling between the survey's nt samples and the k * nt inner steps
 * (docs/numerics.md): spectra truncated or zero-padded, the highest kept bin always zeroed.
 * Both maps are linear and each is the other's transpose up to a factor:
 * upsample^T = k * downsample, downsample^T = upsample / k, which is what the adjoints use.
 * An instance is for one (nt, k) pair and is safe to share between threads.
 */
public final class Resampling {
    /** Fewest traces worth sharing among threads. */
    private static final int PARALLEL_TRACES = 32;
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
        double[] out = new double[nt * k];
        upsample(trace, 0, out, 0, 1);
        return out;
    }

    /** k * nt inner samples to nt samples. */
    public double[] downsample(double[] inner) {
        double[] out = new double[nt];
        downsample(inner, 0, out, 0, 1);
        return out;
    }

    /** The adjoint of {@link #upsample}: k * nt inner values to nt values. */
    public double[] upsampleAdjoint(double[] inner) {
        double[] out = new double[nt];
        upsampleAdjoint(inner, 0, out, 0, 1);
        return out;
    }

    /** The adjoint of {@link #downsample}: nt values to k * nt inner values. */
    public double[] downsampleAdjoint(double[] trace) {
        double[] out = new double[nt * k];
        downsampleAdjoint(trace, 0, out, 0, 1);
        return out;
    }

    /**
     * {@link #upsample} of count traces of nt samples, from trace firstFrom of from on (trace c
     * at c nt) into trace firstTo of to on (trace c at c k nt).
     */
    public void upsample(double[] from, int firstFrom, double[] to, int firstTo, int count) {
        // irfft divides by k nt, and the result is multiplied by k
        map(from, firstFrom * nt, nt, to, firstTo * nt * k, nt * k, count, 1.0 / nt);
    }

    /** {@link #downsample} of count traces, as {@link #upsample}'s with k nt samples to nt. */
    public void downsample(double[] from, int firstFrom, double[] to, int firstTo, int count) {
        // irfft divides by nt, and the result is divided by k
        map(from, firstFrom * nt * k, nt * k, to, firstTo * nt, nt, count, 1.0 / ((double) nt * k));
    }

    /** {@link #upsampleAdjoint} (k times {@link #downsample}) of count traces. */
    public void upsampleAdjoint(double[] from, int firstFrom, double[] to, int firstTo, int count) {
        map(from, firstFrom * nt * k, nt * k, to, firstTo * nt, nt, count, 1.0 / nt);
    }

    /** {@link #downsampleAdjoint} ({@link #upsample} over k) of count traces. */
    public void downsampleAdjoint(double[] from, int firstFrom, double[] to, int firstTo, int count) {
        map(from, firstFrom * nt, nt, to, firstTo * nt * k, nt * k, count, 1.0 / ((double) nt * k));
    }

    /**
     * Resamples count traces of length nFrom (trace c at fromAt + c nFrom) to length nTo (at
     * toAt + c nTo), scaled. Two traces go through one complex transform, one as the real part and one as
     * the imaginary: the band limit is linear and keeps each one's spectrum Hermitian, so
     * they come back apart, in the real and the imaginary parts.
     */
    private void map(double[] from, int fromAt, int nFrom, double[] to, int toAt, int nTo, int count, double scale) {
        if (k == 1) {
            System.arraycopy(from, fromAt, to, toAt, count * nTo);
            return;
        }
        // many traces (a survey's receivers) are shared out among the common pool's threads:
        // done on the thread that runs the shots, they left the others idle between the
        // forward and adjoint time loops
        int pairs = (count + 1) / 2;
        int parts = count < PARALLEL_TRACES ? 1 : Math.min(pairs, ForkJoinPool.getCommonPoolParallelism() + 1);
        if (parts == 1) {
            mapPairs(from, fromAt, nFrom, to, toAt, nTo, count, scale, 0, pairs);
            return;
        }
        IntStream.range(0, parts).parallel().forEach(part -> mapPairs(from, fromAt, nFrom, to, toAt, nTo, count, scale,
                pairs * part / parts, pairs * (part + 1) / parts));
    }

    /** {@link #map} of the pairs of traces [firstPair, endPair). */
    private void mapPairs(double[] from, int fromAt, int nFrom, double[] to, int toAt, int nTo, int count, double scale,
                          int firstPair, int endPair) {
        Fft forward = nFrom == nt ? shortFft : longFft;
        Fft back = nFrom == nt ? longFft : shortFft;
        double[] re = new double[nFrom];
        double[] im = new double[nFrom];
        double[] outRe = new double[nTo];
        double[] outIm = new double[nTo];
        for (int c = 2 * firstPair; c < 2 * endPair; c += 2) {
            boolean pair = c + 1 < count;
            System.arraycopy(from, fromAt + c * nFrom, re, 0, nFrom);
            if (pair) {
                System.arraycopy(from, fromAt + (c + 1) * nFrom, im, 0, nFrom);
            } else {
                java.util.Arrays.fill(im, 0);
            }
            forward.transform(re, im, false);
            copyBand(re, im, nFrom, outRe, outIm, nTo);
            back.transform(outRe, outIm, true);
            for (int i = 0; i < nTo; i++) {
                to[toAt + c * nTo + i] = outRe[i] * scale;
            }
            for (int i = 0; pair && i < nTo; i++) {
                to[toAt + (c + 1) * nTo + i] = outIm[i] * scale;
            }
        }
    }

    /**
     * Copies the bins 0 .. nt/2 - 1 of the spectrum (and their mirrors) from a length-nFrom
     * spectrum into a length-nTo one, zero elsewhere; the highest bin of the short spectrum
     * (index nt/2) stays zero, as the reference does for odd nt too.
     */
    private void copyBand(double[] re, double[] im, int nFrom, double[] toRe, double[] toIm, int nTo) {
        java.util.Arrays.fill(toRe, 0);
        java.util.Arrays.fill(toIm, 0);
        int half = nt / 2;
        for (int j = 0; j < half; j++) {
            toRe[j] = re[j];
            toIm[j] = im[j];
        }
        for (int j = 1; j < half; j++) {
            toRe[nTo - j] = re[nFrom - j];
            toIm[nTo - j] = im[nFrom - j];
        }
    }
}
