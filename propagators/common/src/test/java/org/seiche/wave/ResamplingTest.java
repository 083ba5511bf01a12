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

    /** Traces resampled together (two to a complex transform, an odd one alone) come out as each one alone. */
    @ParameterizedTest
    @CsvSource({"10,1", "10,3", "11,2", "300,2", "97,3"})
    void manyTracesAreResampledEachAsAlone(int nt, int k) {
        Random r = new Random(nt * 7 + k);
        Resampling rs = new Resampling(nt, k);
        int count = 37;
        double[] shortTraces = r.doubles(count * nt).map(v -> v - 0.5).toArray();
        double[] longTraces = r.doubles(count * nt * k).map(v -> v - 0.5).toArray();
        double[] up = new double[count * nt * k];
        double[] down = new double[count * nt];
        double[] upAdjoint = new double[count * nt];
        double[] downAdjoint = new double[count * nt * k];
        rs.upsample(shortTraces, 0, up, 0, count);
        rs.downsampleAdjoint(shortTraces, 0, downAdjoint, 0, count);
        rs.downsample(longTraces, 0, down, 0, count);
        rs.upsampleAdjoint(longTraces, 0, upAdjoint, 0, count);
        for (int c = 0; c < count; c++) {
            double[] s = java.util.Arrays.copyOfRange(shortTraces, c * nt, (c + 1) * nt);
            double[] l = java.util.Arrays.copyOfRange(longTraces, c * nt * k, (c + 1) * nt * k);
            assertArrayEquals(rs.upsample(s), java.util.Arrays.copyOfRange(up, c * nt * k, (c + 1) * nt * k), 1e-13);
            assertArrayEquals(rs.downsampleAdjoint(s), java.util.Arrays.copyOfRange(downAdjoint, c * nt * k, (c + 1) * nt * k), 1e-13);
            assertArrayEquals(rs.downsample(l), java.util.Arrays.copyOfRange(down, c * nt, (c + 1) * nt), 1e-13);
            assertArrayEquals(rs.upsampleAdjoint(l), java.util.Arrays.copyOfRange(upAdjoint, c * nt, (c + 1) * nt), 1e-13);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
