package org.seiche.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 12, 97, 160, 500, 640, 1000, 1021, 2 * 17 * 3})
    void matchesTheDefinition(int n) {
        Random r = new Random(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
        }
        double[] fr = re.clone();
        double[] fi = im.clone();
        new Fft(n).transform(fr, fi, false);
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double t = -2 * Math.PI * ((long) j * k % n) / n;
                sr += re[j] * Math.cos(t) - im[j] * Math.sin(t);
                si += re[j] * Math.sin(t) + im[j] * Math.cos(t);
            }
            assertEquals(sr, fr[k], 1e-9 * n);
            assertEquals(si, fi[k], 1e-9 * n);
        }
        new Fft(n).transform(fr, fi, true);
        for (int j = 0; j < n; j++) {
            assertEquals(re[j] * n, fr[j], 1e-9 * n);
        }
    }
}
