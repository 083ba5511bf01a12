package org.seiche.scalar.cpu;

import org.seiche.api.NdArray;

/**
 * Conversions between the host's double arrays and a kernel's precision, named so that
 * the generated float kernels call the float overloads (toDouble becomes toFloat).
 */
final class HostCopy {
    private HostCopy() {
    }

    static double[] toDouble(double[] host) {
        return host.clone();
    }

    static float[] toFloat(double[] host) {
        float[] out = new float[host.length];
        for (int i = 0; i < host.length; i++) {
            out[i] = (float) host[i];
        }
        return out;
    }

    static void addTo(double[] values, NdArray out) {
        double[] o = out.data();
        for (int i = 0; i < values.length; i++) {
            o[i] += values[i];
        }
    }

    static void addTo(float[] values, NdArray out) {
        double[] o = out.data();
        for (int i = 0; i < values.length; i++) {
            o[i] += values[i];
        }
    }

    /** out += numerator / denominator wherever the numerator is non-zero. */
    static void addQuotient(double[] numerator, double[] denominator, NdArray out) {
        double[] o = out.data();
        for (int i = 0; i < numerator.length; i++) {
            if (numerator[i] != 0) {
                o[i] += numerator[i] / denominator[i];
            }
        }
    }

    static void addQuotient(float[] numerator, float[] denominator, NdArray out) {
        double[] o = out.data();
        for (int i = 0; i < numerator.length; i++) {
            if (numerator[i] != 0) {
                o[i] += (double) numerator[i] / denominator[i];
            }
        }
    }
}
