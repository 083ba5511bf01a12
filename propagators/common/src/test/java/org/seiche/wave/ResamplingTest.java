package org.seiche.wave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplingTest {
    /** The closed form of the band-limited interpolation: kernel over bins |j| < nt/2. */
    private static double kernel(double x, int nt) {
        double s = 1;
        for (int j = 1; j < nt / 2; j++) {
            s += 2 * Math.cos(2 * Math.PI * j * x / nt);
        }
        return s / nt;
    }

    @ParameterizedTest
    @CsvSource({"10,1", "10,3", "11,2", "16,4", "25,5"})
    void upsampleIsTheBandLimitedInterpolation(int nt, int k) {
        Random r = new Random(nt * 31 + k);
        double[] x = r.doubles(nt).map(v -> v - 0.5).toArray();
        Resampling rs = new Resampling(nt, k);
        double[] up = rs.upsample(x);
        if (k == 1) {
            // no inner steps between the samples: the trace itself (the formula below drops an
            // even nt's Nyquist bin, which the identity keeps), in a copy the caller may change
            assertArrayEquals(x, up);
            assertNotSame(x, up);
            return;
        }
        for (int i = 0; i < nt * k; i++) {
            double expect = 0;
            for (int m = 0; m < nt; m++) {
                expect += x[m] * kernel(i / (double) k - m, nt) * 1.0;
            }
            assertEquals(expect, up[i], 1e-12);
        }
    }

    @ParameterizedTest
    @CsvSource({"10,1", "10,3", "11,2", "16,4", "25,5"})
    void adjointsAreTransposes(int nt, int k) {
        Random r = new Random(7 + nt + k);
        Resampling rs = new Resampling(nt, k);
        double[] x = r.doubles(nt).toArray();
        double[] y = r.doubles(nt * k).toArray();
        assertEquals(dot(rs.upsample(x), y), dot(x, rs.upsampleAdjoint(y)), 1e-12);
        assertEquals(dot(rs.downsample(y), x), dot(y, rs.downsampleAdjoint(x)), 1e-12);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
