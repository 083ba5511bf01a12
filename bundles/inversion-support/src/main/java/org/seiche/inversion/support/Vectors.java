package org.seiche.inversion.support;

/** The few operations on flat vectors the optimisers need, in one fixed summation order. */
public final class Vectors {
    private Vectors() {
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** y + a x, as a new vector. */
    public static double[] axpy(double a, double[] x, double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + a * x[i];
        }
        return out;
    }

    /** a x, as a new vector. */
    public static double[] scale(double a, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = a * x[i];
        }
        return out;
    }

    /** a - b, as a new vector. */
    public static double[] minus(double[] a, double[] b) {
        return axpy(-1, b, a);
    }
}
