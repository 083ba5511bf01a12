package org.seiche.wave;

/**
 * The convolutional PML damping of Pasalic and McGarry (2010) as docs/numerics.md gives it:
 * R = 0.001, power 2, sigma = sigma0 frac^2, alpha = pi f (1 - frac),
 * a = exp(-(sigma + alpha) dt), b = sigma / (sigma + alpha) (a - 1), a = b = 0 at frac = 0.
 * frac is the normalised distance into the PML: 0 at the model's edge, 1 at its outer end.
 */
public final class Cpml {
    private static final double R = 0.001;
    private final double sigma0;
    private final double alpha0;
    private final double dt;

    /**
     * @param maxVel        the velocity the damping is scaled for
     * @param pmlFreq       the frequency (Hz) the PML is tuned for
     * @param longestMetres L: the largest PML width x spacing over all sides (0 = no PML)
     * @param dt            the inner time step
     */
    public Cpml(double maxVel, double pmlFreq, double longestMetres, double dt) {
        this.sigma0 = longestMetres > 0 ? -(1 + 2) * maxVel * Math.log(R) / (2 * longestMetres) : 0;
        this.alpha0 = Math.PI * pmlFreq;
        this.dt = dt;
    }

    /** a at the given frac (clamped to [0, 1]). */
    public double a(double frac) {
        double f = clamp(frac);
        if (f == 0 || sigma0 == 0) {
            return 0;
        }
        return Math.exp(-(sigma0 * f * f + alpha0 * (1 - f)) * dt);
    }

    /** b at the given frac (clamped to [0, 1]). */
    public double b(double frac) {
        double f = clamp(frac);
        if (f == 0 || sigma0 == 0) {
            return 0;
        }
        double sigma = sigma0 * f * f;
        double alpha = alpha0 * (1 - f);
        return sigma / (sigma + alpha) * (Math.exp(-(sigma + alpha) * dt) - 1);
    }

    private static double clamp(double f) {
        return f < 0 ? 0 : Math.min(f, 1);
    }

    /** L of docs/numerics.md: the largest width (cells) x spacing over every side of every dimension. */
    public static double longestMetres(int[] widths, double[] spacing) {
        double l = 0;
        for (int d = 0; d < spacing.length; d++) {
            l = Math.max(l, Math.max(widths[2 * d], widths[2 * d + 1]) * spacing[d]);
        }
        return l;
    }
}
