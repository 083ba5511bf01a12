package org.seiche.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class HilbertTest {
    @Test
    void turnsCosinesIntoSines() {
        for (int n : new int[] {32, 33, 30}) {
            double[] a = new double[n];
            double[] b = new double[n];
            for (int t = 0; t < n; t++) {
                a[t] = Math.cos(2 * Math.PI * 3 * t / n);
                b[t] = Math.sin(2 * Math.PI * 4 * t / n);
            }
            new Hilbert(n).apply(a, b);
            for (int t = 0; t < n; t++) {
                assertEquals(Math.sin(2 * Math.PI * 3 * t / n), a[t], 1e-12, "n " + n);
                assertEquals(-Math.cos(2 * Math.PI * 4 * t / n), b[t], 1e-12, "n " + n);
            }
        }
    }

    @Test
    void isAntisymmetric() {
        Random r = new Random(31);
        for (int n : new int[] {16, 15, 1, 2}) {
            double[] x = gaussian(r, n);
            double[] y = gaussian(r, n);
            double[] hx = x.clone();
            double[] hy = y.clone();
            new Hilbert(n).apply(hx, hy);
            double xhy = 0;
            double hxy = 0;
            for (int t = 0; t < n; t++) {
                xhy += x[t] * hy[t];
                hxy += hx[t] * y[t];
            }
            assertEquals(-hxy, xhy, 1e-13, "<x, H y> = -<H x, y>, n " + n);
        }
    }

    private static double[] gaussian(Random r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
        }
        return a;
    }
}
