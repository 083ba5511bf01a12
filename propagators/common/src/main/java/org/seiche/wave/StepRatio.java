package org.seiche.wave;

/** The stability sub-stepping of docs/numerics.md: dt is split into k inner steps. */
public final class StepRatio {
    /** Largest Courant number max_vel * dt * sqrt(sum 1/h^2) a step may have. */
    public static final double MAX_COURANT = 0.6;

    private StepRatio() {
    }

    /** k = ceil(dt / dt_max), at least 1. */
    public static int of(double dt, double maxVel, double[] spacing) {
        double s = 0;
        for (double h : spacing) {
            s += 1.0 / (h * h);
        }
        double dtMax = MAX_COURANT / (maxVel * Math.sqrt(s));
        return Math.max(1, (int) Math.ceil(dt / dtMax));
    }
}
