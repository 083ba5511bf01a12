package org.seiche.elastic.internal;

import java.util.Arrays;

/**
 * Collects source or receiver points shot by shot: a field code, a grid index, a trace and a
 * weight per point (the 2-D placement's codes are {@link org.seiche.elastic.spi.Field} ordinals,
 * the volume placement's its field codes).
 */
final class PointBuilder {
    private final int[] shotStart;
    private int[] fields = new int[16];
    private int[] cells = new int[16];
    private int[] traces = new int[16];
    private double[] weights = new double[16];
    private int n;

    PointBuilder(int shots) {
        shotStart = new int[shots + 1];
    }

    void add(int field, int cell, int trace, double weight) {
        if (n == fields.length) {
            fields = Arrays.copyOf(fields, 2 * n);
            cells = Arrays.copyOf(cells, 2 * n);
            traces = Arrays.copyOf(traces, 2 * n);
            weights = Arrays.copyOf(weights, 2 * n);
        }
        fields[n] = field;
        cells[n] = cell;
        traces[n] = trace;
        weights[n] = weight;
        n++;
    }

    void endShot(int shot) {
        shotStart[shot + 1] = n;
    }

    int[] shotStart() {
        return shotStart.clone();
    }

    int[] fields() {
        return Arrays.copyOf(fields, n);
    }

    int[] cells() {
        return Arrays.copyOf(cells, n);
    }

    int[] traces() {
        return Arrays.copyOf(traces, n);
    }

    double[] weights() {
        return Arrays.copyOf(weights, n);
    }
}
