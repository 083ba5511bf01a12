package org.seiche.elastic;

import java.util.Arrays;

import org.seiche.wave.Fft;

/**
 * Lamb's problem in 2-D, computed independently of the finite differences: the vertical
 * particle velocity at depth z under the free surface of a homogeneous elastic half-space,
 * at horizontal distance x from a vertical line force F f(t) (N/m, downward) acting on the
 * surface. Discrete wavenumber method (M. Bouchon, "A simple method to calculate Green's
 * functions for elastic layered media", BSSA 71(4), 959-971, 1981): the source is repeated
 * every L along x, so the wavenumber integral becomes a sum over k_n = 2 pi n / L, and the
 * frequencies get an imaginary part -omega_i (removed afterwards by e^{omega_i t}), which
 * keeps the sum away from the Rayleigh pole and damps the periodic images. For each (k,
 * omega) the half-space response is that of P and SV potentials phi = A e^{ikx - nu_a z},
 * psi = B e^{ikx - nu_b z} with a traction sigma_zz = -F and sigma_xz = 0 on z = 0:
 * u_z(k, z) = -F nu_a (2k^2 e^{-nu_b z} - s e^{-nu_a z}) / (mu R), s = 2k^2 - omega^2/beta^2,
 * R = s^2 - 4k^2 nu_a nu_b (the Rayleigh function), nu = sqrt(k^2 - omega^2/c^2), Re nu > 0.
 * Time convention e^{i omega t}; velocity = i omega u.
 */
final class LambSolution {
    private final double alpha;
    private final double beta;
    private final double rho;

    LambSolution(double vp, double vs, double rho) {
        this.alpha = vp;
        this.beta = vs;
        this.rho = rho;
    }

    /**
     * Velocity samples v(t dt - delay), t = 0 .. nt-1, at each horizontal offset, for a force
     * F f(t) with f sampled every dt (f[t] at time t dt), offsets in increasing order; kMax
     * bounds the wavenumbers (tapered over its upper half). Returns one trace per offset.
     */
    double[][] verticalVelocity(double force, double[] f, double dt, double[] offsets, double z, int nt, double delay,
                                double kMax) {
        // a period of about two seconds, far longer than the traces; its wrap-around is damped by e^{-omega_i t}
        int n = Integer.highestOneBit((int) (2 / dt)) * 2;
        double period = n * dt;
        double omegaI = 2 * Math.PI / period;
        // images of the source are length apart: they arrive after a whole period
        double length = alpha * period + 2 * offsets[offsets.length - 1];
        double dk = 2 * Math.PI / length;
        int kCount = (int) Math.ceil(kMax / dk);
        Fft fft = new Fft(n);
        // spectrum of the damped source, S(omega_j) = sum_t f[t] e^{-i omega_j t dt} dt
        double[] sRe = new double[n];
        double[] sIm = new double[n];
        for (int t = 0; t < f.length; t++) {
            sRe[t] = f[t] * Math.exp(-omegaI * t * dt) * dt;
        }
        fft.transform(sRe, sIm, false);
        int jMax = lastSignificant(sRe, sIm, n / 4);
        double[][] re = new double[offsets.length][n];
        double[][] im = new double[offsets.length][n];
        for (int j = 0; j <= jMax; j++) {
            C omega = new C(2 * Math.PI * j / period, -omegaI);
            C[] u = new C[offsets.length];
            Arrays.fill(u, C.ZERO);
            for (int m = 0; m <= kCount; m++) {
                double k = m * dk;
                C uk = displacement(k, omega, z).scale((m == 0 ? 1 : 2) * taper(k, kMax));
                for (int r = 0; r < offsets.length; r++) {
                    u[r] = u[r].add(uk.scale(Math.cos(k * offsets[r])));
                }
            }
            // velocity i omega u, source spectrum, shift by -delay, wavenumber sum's 1/L
            C factor = new C(sRe[j], sIm[j]).mul(new C(0, 1).mul(omega)).mul(C.exp(omega.mul(new C(0, -delay))))
                    .scale(force / length);
            for (int r = 0; r < offsets.length; r++) {
                C v = u[r].mul(factor);
                re[r][j] = v.re;
                im[r][j] = v.im;
                if (j > 0) {
                    re[r][n - j] = v.re;
                    im[r][n - j] = -v.im;
                }
            }
        }
        double[][] traces = new double[offsets.length][nt];
        for (int r = 0; r < offsets.length; r++) {
            fft.transform(re[r], im[r], true);
            for (int t = 0; t < nt; t++) {
                traces[r][t] = re[r][t] * Math.exp(omegaI * t * dt) / period;
            }
        }
        return traces;
    }

    /** u_z(k, omega, z) for a unit downward line force (traction sigma_zz = -1). */
    private C displacement(double k, C omega, double z) {
        C w2 = omega.mul(omega);
        C k2 = new C(k * k, 0);
        C nuA = C.sqrt(k2.sub(w2.scale(1 / (alpha * alpha))));
        C nuB = C.sqrt(k2.sub(w2.scale(1 / (beta * beta))));
        C s = k2.scale(2).sub(w2.scale(1 / (beta * beta)));
        C r = s.mul(s).sub(k2.scale(4).mul(nuA).mul(nuB));
        double mu = rho * beta * beta;
        C bracket = C.exp(nuB.scale(-z)).scale(2 * k * k).sub(s.mul(C.exp(nuA.scale(-z))));
        return nuA.mul(bracket).div(r.scale(mu)).scale(-1);
    }

    /** The highest of the first bins where the spectrum is above 1e-8 of its peak. */
    private static int lastSignificant(double[] re, double[] im, int bins) {
        double peak = 0;
        for (int j = 0; j < bins; j++) {
            peak = Math.max(peak, Math.hypot(re[j], im[j]));
        }
        int last = 0;
        for (int j = 0; j < bins; j++) {
            if (Math.hypot(re[j], im[j]) > 1e-8 * peak) {
                last = j;
            }
        }
        return last;
    }

    private static double taper(double k, double kMax) {
        if (k >= kMax) {
            return 0;
        }
        double start = kMax / 2;
        return k <= start ? 1 : 0.5 * (1 + Math.cos(Math.PI * (k - start) / (kMax - start)));
    }

    /** Complex numbers, just what the solution needs. */
    record C(double re, double im) {
        static final C ZERO = new C(0, 0);

        C add(C o) {
            return new C(re + o.re, im + o.im);
        }

        C sub(C o) {
            return new C(re - o.re, im - o.im);
        }

        C mul(C o) {
            return new C(re * o.re - im * o.im, re * o.im + im * o.re);
        }

        C scale(double s) {
            return new C(re * s, im * s);
        }

        C div(C o) {
            double d = o.re * o.re + o.im * o.im;
            return new C((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
        }

        double abs() {
            return Math.hypot(re, im);
        }

        /** Principal square root (non-negative real part). */
        static C sqrt(C z) {
            double m = z.abs();
            double r = Math.sqrt((m + z.re) / 2);
            double i = Math.copySign(Math.sqrt(Math.max(0, (m - z.re) / 2)), z.im);
            return new C(r, i);
        }

        static C exp(C z) {
            double e = Math.exp(z.re);
            return new C(e * Math.cos(z.im), e * Math.sin(z.im));
        }
    }
}
