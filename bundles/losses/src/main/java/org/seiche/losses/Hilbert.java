package org.seiche.losses;

import org.seiche.wave.Fft;

/**
 * The discrete Hilbert transform of real traces of one length: the spectrum times
 * -i sign(f), with the DC bin and (for an even length) the Nyquist bin zeroed. That
 * multiplier is odd and imaginary, so H is a real antisymmetric matrix: H^T = -H, which the
 * adjoint sources use. Two real traces go through one complex FFT pair (H is real and
 * linear, so H(a + i b) = H a + i H b). Safe to share between threads.
 */
final class Hilbert {
    private final int n;
    private final Fft fft;

    Hilbert(int n) {
        this.n = n;
        this.fft = new Fft(n);
    }

    /** Replaces a by H a and b by H b, in place; both of length n. */
    void apply(double[] a, double[] b) {
        fft.transform(a, b, false);
        a[0] = 0;
        b[0] = 0;
        for (int k = 1; k < n; k++) {
            double re = a[k];
            double im = b[k];
            if (2 * k < n) { // times -i
                a[k] = im;
                b[k] = -re;
            } else if (2 * k > n) { // times +i
                a[k] = -im;
                b[k] = re;
            } else { // Nyquist
                a[k] = 0;
                b[k] = 0;
            }
        }
        fft.transform(a, b, true);
        double scale = 1.0 / n;
        for (int k = 0; k < n; k++) {
            a[k] *= scale;
            b[k] *= scale;
        }
    }
}
