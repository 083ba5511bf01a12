package org.seiche.pipeline.file;

/**
 * Hicks (2002) interpolation of a point between grid cells along one axis: a Kaiser-windowed
 * sinc over the 2 * halfwidth cells floor(c) - halfwidth + 1 .. floor(c) + halfwidth, as
 * Deepwave's location_interpolation gives it for a monopole (the same defaults), but in
 * double precision and with the window placed by floor, so that every coordinate gets a
 * window symmetric about it (Deepwave's float32 path misplaces it for some). In 2-D and 3-D
 * a point's weights are the products of its per-axis weights.
 */
final class Hicks {
    /** Deepwave's Kaiser beta for halfwidths 1..10. */
    private static final double[] BETAS = {0.0, 1.84, 3.04, 4.14, 5.26, 6.40, 7.51, 8.56, 9.56, 10.64};
    static final int DEFAULT_HALFWIDTH = 4;
    static final int MAX_HALFWIDTH = BETAS.length;
    /** A coordinate this close to a cell centre is that cell alone (Deepwave's eps). */
    static final double ON_CELL = 1e-5;

    /** Cells of one axis and their weights. */
    record Axis(int[] cells, double[] weights) {
    }

    private Hicks() {
    }

    static double defaultBeta(int halfwidth) {
        return BETAS[halfwidth - 1];
    }

    /**
     * The cells and weights of coordinate c (in cells) on an axis of size cells. A side that
     * is a free surface (u = 0) lies half a cell beyond its edge cell, as Deepwave places it:
     * window cells beyond it are folded back onto their mirror images with the opposite sign.
     */
    static Axis axis(double c, int halfwidth, double beta, int size, boolean freeStart, boolean freeEnd) {
        double nearest = Math.rint(c);
        if (Math.abs(c - nearest) < ON_CELL) {
            return new Axis(new int[] {(int) nearest}, new double[] {1.0});
        }
        int first = (int) Math.floor(c) - halfwidth + 1;
        int n = 2 * halfwidth;
        double[] w = new double[n];
        double norm = besselI0(beta);
        for (int k = 0; k < n; k++) {
            double x = first + k - c;
            double r = x / halfwidth;
            w[k] = sinc(x) * besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
        }
        int lo = 0;
        int hi = n;
        if (freeStart) {
            // cell -1 - j is the mirror of cell j about -0.5
            for (; lo < n && first + lo < 0; lo++) {
                int mirror = -1 - (first + lo) - first;
                if (mirror < n) {
                    w[mirror] -= w[lo];
                }
            }
        }
        if (freeEnd) {
            // cell 2 size - 1 - j is the mirror of cell j about size - 0.5
            for (; hi > lo && first + hi - 1 >= size; hi--) {
                int mirror = 2 * size - 1 - (first + hi - 1) - first;
                if (mirror >= 0) {
                    w[mirror] -= w[hi - 1];
                }
            }
        }
        int[] cells = new int[hi - lo];
        double[] weights = new double[hi - lo];
        for (int k = lo; k < hi; k++) {
            cells[k - lo] = first + k;
            weights[k - lo] = w[k];
        }
        return new Axis(cells, weights);
    }

    static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** The modified Bessel function of the first kind, order 0, by its power series (x <= 11 here). */
    static double besselI0(double x) {
        double q = x * x / 4;
        double term = 1;
        double sum = 1;
        for (int k = 1; term > 1e-17 * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
