package org.seiche.inversion.support;

/**
 * The length of a step with no curvature information yet. Raw velocities are ~1e3 and
 * their gradients ~1e-8, so a unit step along -g moves nothing: instead the step moves the
 * largest component by a fraction of the largest |x| (of 1 where x is zero, as a relative
 * model starts). Below NOISE, max|x| counts as zero: a relative model whose prior file holds
 * the start model in float32 starts at rounding noise (~1e-8), not at a scale, and a step of
 * 2 % of that would be lost.
 */
public final class FirstStep {
    /** The largest |x| that is rounding noise around zero rather than a scale. */
    static final double NOISE = 1e-6;

    private FirstStep() {
    }

    /** alpha with max|alpha d| = fraction * max|x|; 0 if d is zero. */
    public static double length(double[] x, double[] d, double fraction) {
        double dmax = Vectors.maxAbs(d);
        if (dmax == 0) {
            return 0;
        }
        double xmax = Vectors.maxAbs(x);
        return fraction * (xmax > NOISE ? xmax : 1) / dmax;
    }
}
