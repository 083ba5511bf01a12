package org.seiche.inversion.support;

/**
 * The length of a step with no curvature information yet. Raw velocities are ~1e3 and
 * their gradients ~1e-8, so a unit step along -g moves nothing: instead the step moves the
 * largest component by a fraction of the largest |x| (of 1 where x is all zero, as a
 * relative model starts).
 */
public final class FirstStep {
    private FirstStep() {
    }

    /** alpha with max|alpha d| = fraction * max|x|; 0 if d is zero. */
    public static double length(double[] x, double[] d, double fraction) {
        double dmax = Vectors.maxAbs(d);
        if (dmax == 0) {
            return 0;
        }
        double xmax = Vectors.maxAbs(x);
        return fraction * (xmax > 0 ? xmax : 1) / dmax;
    }
}
