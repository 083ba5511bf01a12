package org.seiche.wave;

/** Source wavelets. */
public final class Wavelets {
    private Wavelets() {
    }

    /** Ricker: (1 - 2 pi^2 f^2 s^2) exp(-pi^2 f^2 s^2), s = i dt - peakTime. */
    public static double[] ricker(double freq, int nt, double dt, double peakTime) {
        double[] w = new double[nt];
        for (int i = 0; i < nt; i++) {
            double s = i * dt - peakTime;
            double x = Math.PI * Math.PI * freq * freq * s * s;
            w[i] = (1 - 2 * x) * Math.exp(-x);
        }
        return w;
    }
}
