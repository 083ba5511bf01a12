package org.seiche.wave;

/**
 * Complex discrete Fourier transform of any length: iterative radix-2 for powers of two,
 * mixed-radix Cooley-Tukey for lengths whose prime factors are all small (nt = 500 is
 * 2 2 5 5 5: five times fewer operations than through a 1024-point Bluestein), Bluestein's
 * chirp-z for the rest. Unnormalised both ways: inverse(forward(x)) = n x. A plan holds the
 * tables for one length and is safe to share between threads.
 */
public final class Fft {
    private final int n;
    private final int m; // power-of-two length used for radix-2 (n itself, or Bluestein's)
    private final double[] cos;
    private final double[] sin;
    private final int[] bitReverse;
    // Bluestein: chirp w_j = exp(-i pi j^2 / n) and the transform of its padded conjugate
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final double[] kernelRe;
    private final double[] kernelIm;

    /** The largest prime factor the mixed-radix transform takes (its butterflies cost p^2). */
    private static final int LARGEST_FACTOR = 13;
    /** Factors of n for the mixed-radix transform (primes, pairs of 2 as 4), largest first; null when it is not used. */
    private final int[] factors;
    /** exp(-2 pi i j / n) for the mixed-radix transform. */
    private final double[] rootRe;
    private final double[] rootIm;

    public Fft(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT length must be positive: " + n);
        }
        this.n = n;
        boolean pow2 = (n & (n - 1)) == 0;
        factors = pow2 ? null : smallFactors(n);
        rootRe = factors == null ? null : new double[n];
        rootIm = factors == null ? null : new double[n];
        if (factors != null) {
            for (int j = 0; j < n; j++) {
                double t = -2 * Math.PI * j / n;
                rootRe[j] = Math.cos(t);
                rootIm[j] = Math.sin(t);
            }
        }
        this.m = pow2 ? n : Integer.highestOneBit(2 * n - 2) << 1;
        cos = new double[m / 2];
        sin = new double[m / 2];
        for (int i = 0; i < m / 2; i++) {
            double t = -2 * Math.PI * i / m;
            cos[i] = Math.cos(t);
            sin[i] = Math.sin(t);
        }
        bitReverse = new int[m];
        int bits = Integer.numberOfTrailingZeros(m);
        for (int i = 0; i < m; i++) {
            bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        if (pow2 || factors != null) {
            chirpRe = chirpIm = kernelRe = kernelIm = null;
            return;
        }
        chirpRe = new double[n];
        chirpIm = new double[n];
        for (int j = 0; j < n; j++) {
            // j^2 mod 2n keeps the angle accurate for large j
            long jj = ((long) j * j) % (2L * n);
            double t = -Math.PI * jj / n;
            chirpRe[j] = Math.cos(t);
            chirpIm[j] = Math.sin(t);
        }
        kernelRe = new double[m];
        kernelIm = new double[m];
        kernelRe[0] = chirpRe[0];
        kernelIm[0] = -chirpIm[0];
        for (int j = 1; j < n; j++) {
            kernelRe[j] = kernelRe[m - j] = chirpRe[j];
            kernelIm[j] = kernelIm[m - j] = -chirpIm[j];
        }
        radix2(kernelRe, kernelIm, false);
    }

    public int length() {
        return n;
    }

    /** The factors of n (primes, pairs of 2 as 4), largest first, when no prime exceeds {@link #LARGEST_FACTOR}; else null. */
    private static int[] smallFactors(int n) {
        int[] out = new int[32];
        int count = 0;
        int rest = n;
        for (int p = 2; p <= LARGEST_FACTOR && rest > 1; p++) {
            while (rest % p == 0) {
                out[count++] = p;
                rest /= p;
            }
        }
        if (rest > 1) {
            return null;
        }
        // pairs of 2 as 4s: a radix-4 butterfly takes no multiplication
        int twos = 0;
        while (twos < count && out[twos] == 2) {
            twos++;
        }
        int fours = twos / 2;
        int[] combined = new int[count - fours];
        int c = 0;
        for (int i = 0; i < fours; i++) {
            combined[c++] = 4;
        }
        for (int i = 2 * fours; i < count; i++) {
            combined[c++] = out[i];
        }
        out = combined;
        count = combined.length;
        int[] f = java.util.Arrays.copyOf(out, count);
        java.util.Arrays.sort(f);
        for (int i = 0; i < count / 2; i++) {
            int t = f[i];
            f[i] = f[count - 1 - i];
            f[count - 1 - i] = t;
        }
        return f;
    }

    /** Transforms re + i im in place (length n): sign -1 forward, +1 inverse, no scaling. */
    public void transform(double[] re, double[] im, boolean inverse) {
        if (factors != null) {
            double[] outRe = new double[n];
            double[] outIm = new double[n];
            mixed(re, im, 0, 1, outRe, outIm, 0, n, 0, inverse ? -1 : 1, new double[LARGEST_FACTOR], new double[LARGEST_FACTOR]);
            System.arraycopy(outRe, 0, re, 0, n);
            System.arraycopy(outIm, 0, im, 0, n);
            return;
        }
        if (chirpRe == null) {
            radix2(re, im, inverse);
            return;
        }
        // Bluestein: X_k = w_k sum_j (x_j w_j) conj(w)_{k-j}; the inverse by conjugation
        double sign = inverse ? -1 : 1;
        double[] ar = new double[m];
        double[] ai = new double[m];
        for (int j = 0; j < n; j++) {
            double xr = re[j];
            double xi = sign * im[j];
            ar[j] = xr * chirpRe[j] - xi * chirpIm[j];
            ai[j] = xr * chirpIm[j] + xi * chirpRe[j];
        }
        radix2(ar, ai, false);
        for (int j = 0; j < m; j++) {
            double r = ar[j] * kernelRe[j] - ai[j] * kernelIm[j];
            double i = ar[j] * kernelIm[j] + ai[j] * kernelRe[j];
            ar[j] = r;
            ai[j] = i;
        }
        radix2(ar, ai, true);
        for (int k = 0; k < n; k++) {
            double r = (ar[k] * chirpRe[k] - ai[k] * chirpIm[k]) / m;
            double i = (ar[k] * chirpIm[k] + ai[k] * chirpRe[k]) / m;
            re[k] = r;
            im[k] = sign * i;
        }
    }

    /**
     * The DFT of the len inputs in[from + j step] (j < len) into out[to .. to + len): the p
     * sub-transforms of length q = len / p over the inputs r, r + p, ... (p = factors[level]),
     * then per k the p outputs k + q s = sum_r W_len^(r k) W_p^(r s) Y_r[k], written over the
     * same p places Y_r[k] came from. sign -1 inverts (the conjugate roots). tr, ti: scratch
     * of LARGEST_FACTOR values.
     */
    private void mixed(double[] inRe, double[] inIm, int from, int step, double[] outRe, double[] outIm, int to, int len,
                       int level, int sign, double[] tr, double[] ti) {
        int p = factors[level];
        int q = len / p;
        if (q == 1) {
            for (int r = 0; r < p; r++) {
                tr[r] = inRe[from + r * step];
                ti[r] = inIm[from + r * step];
            }
            butterfly(p, tr, ti, outRe, outIm, to, 1, sign);
            return;
        }
        for (int r = 0; r < p; r++) {
            mixed(inRe, inIm, from + r * step, step * p, outRe, outIm, to + r * q, q, level + 1, sign, tr, ti);
        }
        int rootStep = n / len;
        for (int k = 0; k < q; k++) {
            tr[0] = outRe[to + k];
            ti[0] = outIm[to + k];
            // W_len^(r k) = root[r k n / len], r k < len
            int kStep = k * rootStep;
            for (int r = 1, w = kStep; r < p; r++, w += kStep) {
                double yr = outRe[to + r * q + k];
                double yi = outIm[to + r * q + k];
                double wr = rootRe[w];
                double wi = sign * rootIm[w];
                tr[r] = yr * wr - yi * wi;
                ti[r] = yr * wi + yi * wr;
            }
            butterfly(p, tr, ti, outRe, outIm, to + k, q, sign);
        }
    }

    /** The p-point DFT of (tr, ti) into out[at + s stride], s < p. */
    private void butterfly(int p, double[] tr, double[] ti, double[] outRe, double[] outIm, int at, int stride, int sign) {
        if (p == 2) {
            outRe[at] = tr[0] + tr[1];
            outIm[at] = ti[0] + ti[1];
            outRe[at + stride] = tr[0] - tr[1];
            outIm[at + stride] = ti[0] - ti[1];
            return;
        }
        if (p == 4) {
            // W_4 = -i sign: X_1,3 = (t0 - t2) -+ i sign (t1 - t3)
            double ar = tr[0] + tr[2];
            double ai = ti[0] + ti[2];
            double br = tr[1] + tr[3];
            double bi = ti[1] + ti[3];
            double cr = tr[0] - tr[2];
            double ci = ti[0] - ti[2];
            double dr = sign * (tr[1] - tr[3]);
            double di = sign * (ti[1] - ti[3]);
            outRe[at] = ar + br;
            outIm[at] = ai + bi;
            outRe[at + stride] = cr + di;
            outIm[at + stride] = ci - dr;
            outRe[at + 2 * stride] = ar - br;
            outIm[at + 2 * stride] = ai - bi;
            outRe[at + 3 * stride] = cr - di;
            outIm[at + 3 * stride] = ci + dr;
            return;
        }
        if (p == 5) {
            butterfly5(tr, ti, outRe, outIm, at, stride, sign);
            return;
        }
        if (p == 3) {
            // W_3 = a + i b: X_1,2 = t0 + a (t1 + t2) +- i b (t1 - t2)
            double a = rootRe[n / 3];
            double b = sign * rootIm[n / 3];
            double sr = tr[1] + tr[2];
            double si = ti[1] + ti[2];
            double dr = tr[1] - tr[2];
            double di = ti[1] - ti[2];
            double mr = tr[0] + a * sr;
            double mi = ti[0] + a * si;
            outRe[at] = tr[0] + sr;
            outIm[at] = ti[0] + si;
            outRe[at + stride] = mr - b * di;
            outIm[at + stride] = mi + b * dr;
            outRe[at + 2 * stride] = mr + b * di;
            outIm[at + 2 * stride] = mi - b * dr;
            return;
        }
        int pStep = n / p;
        for (int s2 = 0; s2 < p; s2++) {
            double xr = tr[0];
            double xi = ti[0];
            // W_p^(r s) = root[(r s mod p) n / p], the exponent stepped by s
            for (int r = 1, e = s2; r < p; r++, e = e + s2 >= p ? e + s2 - p : e + s2) {
                double wr = rootRe[e * pStep];
                double wi = sign * rootIm[e * pStep];
                xr += tr[r] * wr - ti[r] * wi;
                xi += tr[r] * wi + ti[r] * wr;
            }
            outRe[at + s2 * stride] = xr;
            outIm[at + s2 * stride] = xi;
        }
    }

    /**
     * The 5-point DFT: with a_1 = t1 + t4, a_2 = t2 + t3, b_1 = t1 - t4, b_2 = t2 - t3 and
     * W_5^r = cos(2 pi r / 5) - i sign sin(2 pi r / 5), X_1,4 = t0 + c1 a_1 + c2 a_2 -+ i sign
     * (s1 b_1 + s2 b_2) and X_2,3 = t0 + c2 a_1 + c1 a_2 -+ i sign (s2 b_1 - s1 b_2).
     */
    private void butterfly5(double[] tr, double[] ti, double[] outRe, double[] outIm, int at, int stride, int sign) {
        double c1 = rootRe[n / 5];
        double c2 = rootRe[2 * (n / 5)];
        double s1 = -rootIm[n / 5];
        double s2 = -rootIm[2 * (n / 5)];
        double a1r = tr[1] + tr[4];
        double a1i = ti[1] + ti[4];
        double a2r = tr[2] + tr[3];
        double a2i = ti[2] + ti[3];
        double b1r = tr[1] - tr[4];
        double b1i = ti[1] - ti[4];
        double b2r = tr[2] - tr[3];
        double b2i = ti[2] - ti[3];
        double p1r = tr[0] + c1 * a1r + c2 * a2r;
        double p1i = ti[0] + c1 * a1i + c2 * a2i;
        double p2r = tr[0] + c2 * a1r + c1 * a2r;
        double p2i = ti[0] + c2 * a1i + c1 * a2i;
        // -i sign m = (sign m_i, -sign m_r)
        double m1r = sign * (s1 * b1r + s2 * b2r);
        double m1i = sign * (s1 * b1i + s2 * b2i);
        double m2r = sign * (s2 * b1r - s1 * b2r);
        double m2i = sign * (s2 * b1i - s1 * b2i);
        outRe[at] = tr[0] + a1r + a2r;
        outIm[at] = ti[0] + a1i + a2i;
        outRe[at + stride] = p1r + m1i;
        outIm[at + stride] = p1i - m1r;
        outRe[at + 4 * stride] = p1r - m1i;
        outIm[at + 4 * stride] = p1i + m1r;
        outRe[at + 2 * stride] = p2r + m2i;
        outIm[at + 2 * stride] = p2i - m2r;
        outRe[at + 3 * stride] = p2r - m2i;
        outIm[at + 3 * stride] = p2i + m2r;
    }

    private void radix2(double[] re, double[] im, boolean inverse) {
        for (int i = 0; i < m; i++) {
            int j = bitReverse[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? -1 : 1;
        for (int len = 2; len <= m; len <<= 1) {
            int half = len >> 1;
            int stride = m / len;
            for (int start = 0; start < m; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride];
                    double wi = sign * sin[k * stride];
                    int p = start + k;
                    int q = p + half;
                    double tr = re[q] * wr - im[q] * wi;
                    double ti = re[q] * wi + im[q] * wr;
                    re[q] = re[p] - tr;
                    im[q] = im[p] - ti;
                    re[p] += tr;
                    im[p] += ti;
                }
            }
        }
    }
}
