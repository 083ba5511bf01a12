package org.seiche.pipeline.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

public class HicksTest {
    private static final int HW = Hicks.DEFAULT_HALFWIDTH;
    private static final double BETA = Hicks.defaultBeta(HW);

    @Test
    void weightsAreDeepwavesKaiserWindowedSinc() {
        // numpy: np.sinc(x) * np.i0(4.14 * sqrt(1 - (x / 4)**2)) / np.i0(4.14), x = cell - 13.7
        Hicks.Axis a = Hicks.axis(13.7, HW, BETA, 60, false, false);
        assertArrayEquals(new int[] {10, 11, 12, 13, 14, 15, 16, 17}, a.cells());
        double[] expected = {-0.00938877377346008, 0.0381382874947513, -0.1080345034408488, 0.3480479166647361,
            0.849744828431326, -0.16311045472761163, 0.058903752130495896, -0.01782437063229903};
        assertArrayEquals(expected, a.weights(), 1e-13);
        assertEquals(12.758949637976283, Hicks.besselI0(4.14), 1e-12);
        assertEquals(5172.520977264331, Hicks.besselI0(10.64), 1e-9);
        assertEquals(4.14, BETA, 0.0);
    }

    @Test
    void aPointOnACellIsThatCellAlone() {
        Hicks.Axis a = Hicks.axis(7 + 4e-6, HW, BETA, 60, false, false);
        assertArrayEquals(new int[] {7}, a.cells());
        assertArrayEquals(new double[] {1}, a.weights(), 0.0);
    }

    /**
     * Every coordinate, including the float32 values a file holds (13.7f is 13.69999980...),
     * gets the window floor(c) - 3 .. floor(c) + 4, and the weights of c and of its mirror
     * image about the window's centre are each other's reverse.
     */
    @Test
    void windowIsSymmetricForASweepOfCoordinates() {
        int checked = 0;
        for (int k = 0; k <= 200_000; k++) {
            double[] sweep = {4 + k * 2.5e-4, (float) (4 + k * 2.5e-4)};
            for (double c : sweep) {
                if (Math.abs(c - Math.rint(c)) < Hicks.ON_CELL) {
                    continue;
                }
                int f = (int) Math.floor(c);
                Hicks.Axis a = Hicks.axis(c, HW, BETA, 100, false, false);
                assertArrayEquals(IntStream.rangeClosed(f - 3, f + 4).toArray(), a.cells(), "coordinate " + c);
                double[] mirror = Hicks.axis(2 * f + 1 - c, HW, BETA, 100, false, false).weights();
                for (int i = 0; i < 2 * HW; i++) {
                    assertEquals(a.weights()[i], mirror[2 * HW - 1 - i], 1e-12, "coordinate " + c + " cell " + i);
                }
                // the largest weight is on the nearest cell (either, half-way)
                int largest = 0;
                for (int i = 1; i < 2 * HW; i++) {
                    largest = Math.abs(a.weights()[i]) > Math.abs(a.weights()[largest]) ? i : largest;
                }
                assertTrue(Math.abs(c - a.cells()[largest]) <= 0.5, "coordinate " + c);
                checked++;
            }
        }
        assertTrue(checked > 399_000, "checked " + checked);
        assertArrayEquals(IntStream.rangeClosed(10, 17).toArray(), Hicks.axis((float) 13.7, HW, BETA, 60, false, false).cells());
    }

    /** At a free surface (half a cell before cell 0) the cells beyond fold back with the opposite sign, as Deepwave does. */
    @Test
    void cellsBeyondAFreeSurfaceFoldBackNegated() {
        double c = 1.3;
        Hicks.Axis open = Hicks.axis(c, HW, BETA, 60, false, false);
        assertArrayEquals(new int[] {-2, -1, 0, 1, 2, 3, 4, 5}, open.cells());
        Hicks.Axis free = Hicks.axis(c, HW, BETA, 60, true, false);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, free.cells());
        double[] w = open.weights();
        assertArrayEquals(new double[] {w[2] - w[1], w[3] - w[0], w[4], w[5], w[6], w[7]}, free.weights(), 0.0);
        // and at the end of the axis, about size - 0.5
        Hicks.Axis end = Hicks.axis(60 - 1 - c, HW, BETA, 60, false, true);
        assertArrayEquals(new int[] {54, 55, 56, 57, 58, 59}, end.cells());
        for (int i = 0; i < 6; i++) {
            assertEquals(free.weights()[i], end.weights()[5 - i], 1e-13);
        }
    }

    @Test
    void spreadAndCombineAreAdjoint() {
        Random r = new Random(5);
        // 2 shots, 3 points in 2-D; two points of shot 1 share cells; one unused
        double[] c = {12.6, 20.6, 13.5, 59.45, 7, 40, 10.2, 10.7, 10.9, 11.1, -1, -1};
        OffGrid o = OffGrid.expand("survey.receivers.locations", new NdArray(new int[] {2, 3, 2}, c), new int[] {30, 70},
                new boolean[4], HW, BETA);
        // 64 + 64 + 1 cells in shot 0; shot 1's two points share a 9 x 9 block
        assertEquals(129, o.cells.perShot());
        assertTrue(o.cells.unused(1, 81));
        int nt = 5;
        int[] shots = {1, 0};
        NdArray x = random(r, 2, 3, nt);
        NdArray y = random(r, 2, o.cells.perShot(), nt);
        double a = dot(o.spread(x, shots), y);
        double b = dot(x, o.combine(y, shots));
        assertEquals(a, b, 1e-12 * Math.abs(a));
        // the weights of a point on a cell: that cell alone
        assertArrayEquals(new double[] {1}, o.weights(0, 2), 0.0);
    }

    /** In 3-D (Deepwave's class is 2-D only) a point's weights are the products of its three axes' weights. */
    @Test
    void threeDimensionalWeightsAreProductsOfTheAxes() {
        double[] p = {5.25, 9.5, 12.8};
        OffGrid o = OffGrid.expand("s", new NdArray(new int[] {1, 1, 3}, p), new int[] {20, 20, 30}, new boolean[6], HW, BETA);
        assertEquals(512, o.cells.perShot());
        double[] w = o.weights(0, 0);
        Hicks.Axis[] axes = new Hicks.Axis[3];
        for (int a = 0; a < 3; a++) {
            axes[a] = Hicks.axis(p[a], HW, BETA, 30, false, false);
        }
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                for (int k = 0; k < 8; k++) {
                    int e = (i * 8 + j) * 8 + k;
                    assertEquals(axes[0].weights()[i] * axes[1].weights()[j] * axes[2].weights()[k], w[e], 1e-15);
                    assertArrayEquals(new int[] {axes[0].cells()[i], axes[1].cells()[j], axes[2].cells()[k]},
                            java.util.Arrays.copyOfRange(o.cells.cells(), 3 * e, 3 * e + 3));
                }
            }
        }
    }

    @Test
    void aWindowOutsideTheModelIsRefused() {
        SeicheException e = org.junit.jupiter.api.Assertions.assertThrows(SeicheException.class,
                () -> OffGrid.expand("survey.sources.locations", new NdArray(new int[] {1, 1, 2}, new double[] {1.5, 20}),
                        new int[] {30, 40}, new boolean[4], HW, BETA));
        assertEquals("survey.sources.locations: shot 0 point 0 at 1.5 on axis 0 needs cells -2..5 (interpolation halfwidth 4),"
                + " outside the model's 30 cells: move it inward or lower the halfwidth", e.getMessage());
        // a free surface on top takes it
        OffGrid.expand("s", new NdArray(new int[] {1, 1, 2}, new double[] {1.5, 20.5}), new int[] {30, 40},
                new boolean[] {true, false, false, false}, HW, BETA);
    }

    public static NdArray random(Random r, int... shape) {
        double[] d = new double[(int) NdArray.size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        return new NdArray(shape, d);
    }

    public static double dot(NdArray a, NdArray b) {
        assertArrayEquals(a.shape(), b.shape());
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.data()[i] * b.data()[i];
        }
        return s;
    }
}
