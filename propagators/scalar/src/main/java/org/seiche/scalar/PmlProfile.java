package org.seiche.scalar;

import org.seiche.wave.Cpml;

/**
 * The C-PML profiles of one dimension of the padded grid, indexed by the padded coordinate
 * along that dimension: a, b and the first difference of b (docs/numerics.md), zero inside the
 * model; in the guard cells a and b take their frac = 1 values (frac = 0 on a side of width
 * 0) and D b is 0. Also the range of cells the kernels update (the domain: model + PML) and
 * the range where every PML term vanishes, so that a kernel can skip them there.
 */
public final class PmlProfile {
    private final double[] a;
    private final double[] b;
    private final double[] db;
    private final int domainStart;
    private final int domainEnd;
    private final int interiorStart;
    private final int interiorEnd;

    /**
     * @param cells      model cells along this dimension
     * @param widthStart PML cells before the model (0 = rigid/free surface)
     * @param widthEnd   PML cells after the model
     * @param guard      zero guard cells beyond the PML (accuracy / 2)
     * @param firstDerivative the first-difference coefficients c_1..c_guard, divided by the spacing
     */
    PmlProfile(int cells, int widthStart, int widthEnd, int guard, Cpml cpml, double[] firstDerivative) {
        int n = cells + widthStart + widthEnd + 2 * guard;
        a = new double[n];
        b = new double[n];
        db = new double[n];
        int first = guard + widthStart; // padded index of the model's first cell
        for (int p = 0; p < n; p++) {
            double frac = frac(p - first, cells, widthStart, widthEnd);
            a[p] = cpml.a(frac);
            b[p] = cpml.b(frac);
        }
        domainStart = guard;
        domainEnd = n - guard;
        for (int p = domainStart; p < domainEnd; p++) {
            double s = 0;
            for (int k = 1; k <= guard; k++) {
                s += firstDerivative[k - 1] * (b[p + k] - b[p - k]);
            }
            db[p] = s;
        }
        int lo = domainStart;
        while (lo < domainEnd && !quiet(lo, guard)) {
            lo++;
        }
        int hi = lo;
        while (hi < domainEnd && quiet(hi, guard)) {
            hi++;
        }
        interiorStart = lo;
        interiorEnd = hi;
    }

    /** Distance into the PML over the side's width, clamped to [0, 1]; 0 on a side of width 0. */
    private static double frac(int m, int cells, int widthStart, int widthEnd) {
        if (m < 0) {
            return widthStart == 0 ? 0 : Math.min(1, (double) -m / widthStart);
        }
        if (m > cells - 1) {
            return widthEnd == 0 ? 0 : Math.min(1, (double) (m - (cells - 1)) / widthEnd);
        }
        return 0;
    }

    /** Whether a, b and D b vanish on every cell a stencil centred at p reads. */
    private boolean quiet(int p, int guard) {
        for (int q = p - guard; q <= p + guard; q++) {
            if (a[q] != 0 || b[q] != 0 || db[q] != 0) {
                return false;
            }
        }
        return true;
    }

    public double[] a() {
        return a;
    }

    public double[] b() {
        return b;
    }

    /** The first difference of b (same stencil as the wavefield's), 0 in the guard cells. */
    public double[] db() {
        return db;
    }

    public int length() {
        return a.length;
    }

    /** First padded index the kernels update. */
    public int domainStart() {
        return domainStart;
    }

    /** One past the last padded index the kernels update. */
    public int domainEnd() {
        return domainEnd;
    }

    /** First index of the range where no PML term reaches (may be empty: start == end). */
    public int interiorStart() {
        return interiorStart;
    }

    public int interiorEnd() {
        return interiorEnd;
    }
}
