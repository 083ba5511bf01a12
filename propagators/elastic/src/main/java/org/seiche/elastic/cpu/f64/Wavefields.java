package org.seiche.elastic.cpu.f64;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.Field;

/**
 * One shot's state, pooled and reused: the five wavefields and the eight C-PML memory
 * variables (named by the derivative they belong to: mSyyY for d sigma_yy / dy), as rows;
 * row buffers per row chunk; and for an adjoint run the eight terms whose derivatives carry
 * the adjoint between stresses and velocities, and the gradient sums. The adjoint reuses
 * the wavefield and memory arrays for the adjoint fields.
 */
final class Wavefields {
    final double[][] vy;
    final double[][] vx;
    final double[][] syy;
    final double[][] sxx;
    final double[][] sxy;
    final double[][] mSyyY;
    final double[][] mSxyX;
    final double[][] mSxxX;
    final double[][] mSxyY;
    final double[][] mVyY;
    final double[][] mVxX;
    final double[][] mVyX;
    final double[][] mVxY;
    /**
     * Adjoint terms, as rows (see {@link #prepareAdjoint}): hVyY is differentiated in y into
     * the adjoint v_y, hSyy into the adjoint sigma_yy, and so on.
     */
    double[][] hVyY;
    double[][] hVyX;
    double[][] hVxX;
    double[][] hVxY;
    double[][] hSyy;
    double[][] hSxx;
    double[][] hSxyX;
    double[][] hSxyY;
    /** Gradient sums by Coefficient ordinal; null when not asked. */
    final double[][][] gradients = new double[Coefficient.values().length][][];
    RowBuffers[] buffers = new RowBuffers[0];
    /** The adjoint terms' own rows; the row of zeros outside the domain. */
    private double[][][] terms;
    private final double[] outside;
    private final int rows;
    private final int width;
    private final int halo;

    Wavefields(Grid g) {
        rows = g.ny + 2 * g.halo;
        width = g.width;
        halo = g.halo;
        outside = new double[width];
        vy = newRows();
        vx = newRows();
        syy = newRows();
        sxx = newRows();
        sxy = newRows();
        mSyyY = newRows();
        mSxyX = newRows();
        mSxxX = newRows();
        mSxyY = newRows();
        mVyY = newRows();
        mVxX = newRows();
        mVyX = newRows();
        mVxY = newRows();
    }

    /** What wavefields are pooled under: the grid's shape. */
    static Object key(Grid g) {
        return key(g.ny + 2 * g.halo, g.width, g.halo);
    }

    Object key() {
        return key(rows, width, halo);
    }

    private static Object key(int rows, int width, int halo) {
        return List.of(Wavefields.class, rows, width, halo);
    }

    private double[][] newRows() {
        return new double[rows][width];
    }

    double[][] field(Field f) {
        return switch (f) {
            case VY -> vy;
            case VX -> vx;
            case SIGMA_YY -> syy;
            case SIGMA_XX -> sxx;
            case SIGMA_XY -> sxy;
        };
    }

    /** The forward state a step reads and writes: the five wavefields and eight memory variables. */
    private double[][][] stateFields() {
        return new double[][][] {vy, vx, syy, sxx, sxy, mSyyY, mSxyX, mSxxX, mSxyY, mVyY, mVxX, mVyX, mVxY};
    }

    /** Every row of the forward state, as checkpointing copies it. */
    double[][] state() {
        return Arrays.stream(stateFields()).flatMap(Arrays::stream).toArray(double[][]::new);
    }

    /** Bytes of the forward state (a checkpoint's snapshot). */
    static long stateBytes(Grid g, int valueBytes) {
        return 13L * valueBytes * g.size;
    }

    /** Zero state, and row buffers for the given number of row chunks. */
    void reset(int chunks) {
        for (double[][] a : stateFields()) {
            zero(a);
        }
        if (buffers.length < chunks) {
            buffers = new RowBuffers[chunks];
            for (int c = 0; c < chunks; c++) {
                buffers[c] = new RowBuffers(width, halo);
            }
        }
    }

    private static void zero(double[][] rows) {
        for (double[] r : rows) {
            Arrays.fill(r, 0);
        }
    }

    /**
     * Makes the adjoint terms (zero outside the domain, never written there) and zeroed
     * gradient sums for the asked coefficients. Interleaved sweeps ({@link RowSweep}) need a
     * term row only while the next sweep's stencils reach it, 2 halo + 1 rows of i: the
     * terms' rows then share a ring of that many arrays (the cache keeps them), and the rows
     * outside the domain one row of zeros.
     */
    void prepareAdjoint(Set<Coefficient> asked, boolean interleaved) {
        int kept = interleaved ? 2 * halo + 1 : rows - 2 * halo;
        if (terms == null || terms[0].length != kept) {
            terms = new double[8][kept][width];
        }
        double[][][] h = new double[8][rows][];
        for (int k = 0; k < 8; k++) {
            for (int r = 0; r < rows; r++) {
                h[k][r] = r < halo || r >= rows - halo ? outside : terms[k][(r - halo) % kept];
            }
        }
        hVyY = h[0];
        hVyX = h[1];
        hVxX = h[2];
        hVxY = h[3];
        hSyy = h[4];
        hSxx = h[5];
        hSxyX = h[6];
        hSxyY = h[7];
        for (Coefficient c : Coefficient.values()) {
            if (!asked.contains(c)) {
                gradients[c.ordinal()] = null;
            } else if (gradients[c.ordinal()] == null) {
                gradients[c.ordinal()] = newRows();
            } else {
                zero(gradients[c.ordinal()]);
            }
        }
    }

    /** Bytes a shot's wavefields take: forward state, and with an adjoint its terms and gradients. */
    static long bytes(Grid g, int chunks, boolean adjoint, int gradients, int valueBytes) {
        return bytes(g.size, g.width, g.halo, chunks, adjoint, gradients, valueBytes);
    }

    private static long bytes(long size, int width, int halo, int chunks, boolean adjoint, int gradients, int valueBytes) {
        long arrays = 13 + (adjoint ? 8 + gradients : 0);
        return valueBytes * arrays * size + chunks * RowBuffers.bytes(width, halo, valueBytes);
    }

    long bytes(int valueBytes) {
        int asked = 0;
        for (double[][] a : gradients) {
            asked += a == null ? 0 : 1;
        }
        return bytes((long) rows * width, width, halo, buffers.length, hVyY != null, asked, valueBytes);
    }
}
