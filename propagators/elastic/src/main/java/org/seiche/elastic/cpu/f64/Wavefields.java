package org.seiche.elastic.cpu.f64;

import java.util.Arrays;
import java.util.Set;

import org.seiche.elastic.Coefficient;
import org.seiche.elastic.Field;

/**
 * One shot's state, pooled and reused: the five wavefields and the eight C-PML memory
 * variables (named by the derivative they belong to: mSyyY for d sigma_yy / dy), row
 * buffers per row chunk, and for an adjoint run the eight terms whose derivatives carry the
 * adjoint between stresses and velocities, and the gradient sums. The adjoint reuses the
 * wavefield and memory arrays for the adjoint fields.
 */
final class Wavefields {
    final double[] vy;
    final double[] vx;
    final double[] syy;
    final double[] sxx;
    final double[] sxy;
    final double[] mSyyY;
    final double[] mSxyX;
    final double[] mSxxX;
    final double[] mSxyY;
    final double[] mVyY;
    final double[] mVxX;
    final double[] mVyX;
    final double[] mVxY;
    /** Adjoint terms: hVyY is differentiated in y into the adjoint v_y, hSyy into the adjoint sigma_yy, and so on. */
    double[] hVyY;
    double[] hVyX;
    double[] hVxX;
    double[] hVxY;
    double[] hSyy;
    double[] hSxx;
    double[] hSxyX;
    double[] hSxyY;
    /** Gradient sums by Coefficient ordinal; null when not asked. */
    final double[][] gradients = new double[Coefficient.values().length][];
    double[][] rowA = new double[0][];
    double[][] rowB = new double[0][];
    private final int size;
    private final int nx;

    Wavefields(Grid g) {
        size = g.size;
        nx = g.nx;
        vy = new double[size];
        vx = new double[size];
        syy = new double[size];
        sxx = new double[size];
        sxy = new double[size];
        mSyyY = new double[size];
        mSxyX = new double[size];
        mSxxX = new double[size];
        mSxyY = new double[size];
        mVyY = new double[size];
        mVxX = new double[size];
        mVyX = new double[size];
        mVxY = new double[size];
    }

    double[] field(Field f) {
        return switch (f) {
            case VY -> vy;
            case VX -> vx;
            case SIGMA_YY -> syy;
            case SIGMA_XX -> sxx;
            case SIGMA_XY -> sxy;
        };
    }

    /** Zero state, and row buffers for the given number of row chunks. */
    void reset(int chunks) {
        for (double[] a : new double[][] {vy, vx, syy, sxx, sxy, mSyyY, mSxyX, mSxxX, mSxyY, mVyY, mVxX, mVyX, mVxY}) {
            Arrays.fill(a, 0);
        }
        if (rowA.length < chunks) {
            rowA = new double[chunks][nx];
            rowB = new double[chunks][nx];
        }
    }

    /**
     * Allocates the adjoint terms (zero outside the domain, never written there) and zeroed
     * gradient sums for the asked coefficients.
     */
    void prepareAdjoint(Set<Coefficient> asked) {
        if (hVyY == null) {
            hVyY = new double[size];
            hVyX = new double[size];
            hVxX = new double[size];
            hVxY = new double[size];
            hSyy = new double[size];
            hSxx = new double[size];
            hSxyX = new double[size];
            hSxyY = new double[size];
        }
        for (Coefficient c : Coefficient.values()) {
            if (!asked.contains(c)) {
                gradients[c.ordinal()] = null;
            } else if (gradients[c.ordinal()] == null) {
                gradients[c.ordinal()] = new double[size];
            } else {
                Arrays.fill(gradients[c.ordinal()], 0);
            }
        }
    }

    /** Bytes a shot's wavefields take: forward state, and with an adjoint its terms and gradients. */
    static long bytes(int size, int nx, int chunks, boolean adjoint, int gradients, int valueBytes) {
        long arrays = 13 + (adjoint ? 8 + gradients : 0);
        return valueBytes * (arrays * size + 2L * chunks * nx);
    }

    long bytes(int valueBytes) {
        int asked = 0;
        for (double[] g : gradients) {
            asked += g == null ? 0 : 1;
        }
        return bytes(size, nx, rowA.length, hVyY != null, asked, valueBytes);
    }
}
