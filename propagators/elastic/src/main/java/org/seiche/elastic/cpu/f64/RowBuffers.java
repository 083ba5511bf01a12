package org.seiche.elastic.cpu.f64;

/**
 * Scratch rows of one row chunk: two derivative rows, and copies of a row shifted by
 * -halo .. +halo columns ({@code shifted(m)[j] = row[j + m]}), through which an x derivative
 * reads its neighbours at the same index as everything else.
 */
final class RowBuffers {
    final double[] a;
    final double[] b;
    private final double[][] shifted;
    private final int halo;

    RowBuffers(int width, int halo) {
        this.halo = halo;
        a = new double[width];
        b = new double[width];
        shifted = new double[2 * halo + 1][width];
    }

    /** Fills the shifted copies of the row's columns [from, to). */
    void shift(double[] row, int from, int to) {
        for (int m = -halo; m <= halo; m++) {
            if (m != 0) {
                System.arraycopy(row, from + m, shifted[m + halo], from, to - from);
            }
        }
    }

    /** The copy of row shifted by m columns (row itself for m = 0). */
    double[] shifted(int m, double[] row) {
        return m == 0 ? row : shifted[m + halo];
    }

    static long bytes(int width, int halo, int valueBytes) {
        return (long) valueBytes * width * (2 * halo + 3);
    }
}
