package org.seiche.wave;

/** Finite-difference coefficients (standard Taylor) for accuracy 2, 4, 6, 8. */
public final class Stencils {
    private Stencils() {
    }

    /** Centred first derivative: D f[i] = (1/h) sum_k c[k-1] (f[i+k] - f[i-k]), k = 1..accuracy/2. */
    public static double[] firstDerivative(int accuracy) {
        switch (accuracy) {
            case 2: return new double[] {1.0 / 2};
            case 4: return new double[] {2.0 / 3, -1.0 / 12};
            case 6: return new double[] {3.0 / 4, -3.0 / 20, 1.0 / 60};
            case 8: return new double[] {4.0 / 5, -1.0 / 5, 4.0 / 105, -1.0 / 280};
            default: throw new IllegalArgumentException("accuracy " + accuracy);
        }
    }

    /**
     * Centred second derivative: D2 f[i] = (1/h^2) (c[0] f[i] + sum_k c[k] (f[i+k] + f[i-k])),
     * k = 1..accuracy/2.
     */
    public static double[] secondDerivative(int accuracy) {
        switch (accuracy) {
            case 2: return new double[] {-2, 1};
            case 4: return new double[] {-5.0 / 2, 4.0 / 3, -1.0 / 12};
            case 6: return new double[] {-49.0 / 18, 3.0 / 2, -3.0 / 20, 1.0 / 90};
            case 8: return new double[] {-205.0 / 72, 8.0 / 5, -1.0 / 5, 8.0 / 315, -1.0 / 560};
            default: throw new IllegalArgumentException("accuracy " + accuracy);
        }
    }

    /** Staggered first derivative between integer and half points (docs/numerics.md). */
    public static double[] staggered(int accuracy) {
        switch (accuracy) {
            case 2: return new double[] {1};
            case 4: return new double[] {9.0 / 8, -1.0 / 24};
            case 6: return new double[] {75.0 / 64, -25.0 / 384, 3.0 / 640};
            case 8: return new double[] {1225.0 / 1024, -245.0 / 3072, 49.0 / 5120, -5.0 / 7168};
            default: throw new IllegalArgumentException("accuracy " + accuracy);
        }
    }
}
