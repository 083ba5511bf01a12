package org.seiche.inversion.support;

import java.util.Random;

import org.seiche.api.Objective;

/** Analytic objectives with known minima for the optimiser bundles' tests (test-jar). */
public final class Problems {
    private Problems() {
    }

    /** An objective with a known minimiser, counting its evaluations and Hessian products. */
    public abstract static class Problem implements Objective {
        public int evaluations;
        public int hessianProducts;

        public abstract double[] minimiser();

        /** ||x - x*|| / ||x0 - x*||. */
        public double error(double[] x, double[] x0) {
            double[] xs = minimiser();
            return Math.sqrt(dist2(x, xs) / dist2(x0, xs));
        }

        private static double dist2(double[] a, double[] b) {
            double[] d = Vectors.minus(a, b);
            return Vectors.dot(d, d);
        }
    }

    /** f = 1/2 (x - x*)' A (x - x*) * scale, A = Q diag(eigenvalues) Q' with a random rotation Q. */
    public static Problem quadratic(double[] eigenvalues, double[] minimiser, double scale, long seed) {
        int n = eigenvalues.length;
        double[][] q = rotation(n, new Random(seed));
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += q[i][k] * eigenvalues[k] * q[j][k];
                }
                a[i][j] *= scale;
            }
        }
        return new Problem() {
            @Override
            public Evaluation evaluate(double[] x) {
                evaluations++;
                double[] g = times(Vectors.minus(x, minimiser));
                return new Evaluation(0.5 * Vectors.dot(Vectors.minus(x, minimiser), g), g);
            }

            @Override
            public double[] hessianVector(double[] x, double[] w) {
                hessianProducts++;
                return times(w);
            }

            private double[] times(double[] v) {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Vectors.dot(a[i], v);
                }
                return out;
            }

            @Override
            public double[] minimiser() {
                return minimiser.clone();
            }
        };
    }

    /** Eigenvalues spread geometrically over [1, condition]. */
    public static double[] spectrum(int n, double condition) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = Math.pow(condition, n == 1 ? 0 : (double) i / (n - 1));
        }
        return e;
    }

    /** Rosenbrock's valley, (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1). */
    public static Problem rosenbrock() {
        return new Problem() {
            @Override
            public Evaluation evaluate(double[] p) {
                evaluations++;
                double x = p[0];
                double y = p[1];
                double f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
                return new Evaluation(f, new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)});
            }

            @Override
            public double[] hessianVector(double[] p, double[] w) {
                hessianProducts++;
                double x = p[0];
                double y = p[1];
                double hxx = 2 - 400 * (y - x * x) + 800 * x * x;
                double hxy = -400 * x;
                return new double[] {hxx * w[0] + hxy * w[1], hxy * w[0] + 200 * w[1]};
            }

            @Override
            public double[] minimiser() {
                return new double[] {1, 1};
            }
        };
    }

    /** A random orthogonal matrix (Gram-Schmidt of Gaussian columns). */
    private static double[][] rotation(int n, Random r) {
        double[][] q = new double[n][];
        for (int k = 0; k < n; k++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextGaussian();
            }
            for (int j = 0; j < k; j++) {
                v = Vectors.axpy(-Vectors.dot(v, q[j]), q[j], v);
            }
            q[k] = Vectors.scale(1 / Math.sqrt(Vectors.dot(v, v)), v);
        }
        // q[k] are the columns; return rows
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                rows[i][k] = q[k][i];
            }
        }
        return rows;
    }
}
