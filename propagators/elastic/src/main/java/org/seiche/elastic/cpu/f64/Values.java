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

    static void add(double[] from, double scale, DoubleBuffer to) {
        for (int i = 0; i < from.length; i++) {
            to.put(i, to.get(i) + scale * from[i]);
        }
    }
}
