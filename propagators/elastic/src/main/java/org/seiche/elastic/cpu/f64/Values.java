package org.seiche.elastic.cpu.f64;

import java.nio.DoubleBuffer;

/** Conversions between the API's double arrays and the working precision, once per run at the kernel's edge. */
final class Values {
    private Values() {
    }

    static double[] load(DoubleBuffer from) {
        return scaled(from, 1);
    }

    static double[] scaled(DoubleBuffer from, double scale) {
        double[] to = new double[from.capacity()];
        for (int i = 0; i < to.length; i++) {
            to[i] = (double) (scale * from.get(i));
        }
        return to;
    }

    static void store(double[] from, DoubleBuffer to) {
        for (int i = 0; i < from.length; i++) {
            to.put(i, from[i]);
        }
    }

    /** Adds scale x the first stride columns of each row to a flat array of rows of that length. */
    static void add(double[][] rows, double scale, DoubleBuffer to, int stride) {
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < stride; j++) {
                int p = r * stride + j;
                to.put(p, to.get(p) + scale * rows[r][j]);
            }
        }
    }
}
