package org.seiche.elastic.cpu.f64;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import org.seiche.elastic.Coefficient;

/**
 * The row updates of {@link ForwardRows} and {@link AdjointRows} fused into one SIMD loop
 * each (Java Vector API): every field is read once per cell instead of once per pass. The
 * columns [from, to) are whole vectors ({@link Grid}); damped applies the part's two memory
 * variables (the y one with the row's profile values, zero outside the y PML; the x one
 * with the columns', zero outside the x strips), which leave a cell unchanged where their
 * profiles are zero. Loaded only when the incubator module jdk.incubator.vector is there.
 * The stencil sums are written out as guarded terms, not loops: the JIT keeps vectors in
 * registers only through small inlined calls.
 */
final class FusedRows {
    /** At most 256 bits: wider vectors measured no faster here. */
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED.vectorBitSize() > 256
            ? DoubleVector.SPECIES_256 : DoubleVector.SPECIES_PREFERRED;
    private static final int N = LANES.length();

    private FusedRows() {
    }

    static int lanes() {
        return N;
    }

    private static DoubleVector at(double[] a, int j) {
        return DoubleVector.fromArray(LANES, a, j);
    }

    /** sum_k c_k (f[r+k][j] - f[r+1-k][j]), at grid row r + 1/2. */
    private static DoubleVector halfY(double[][] f, int r, int j, double[] c) {
        DoubleVector d = at(f[r + 1], j).sub(at(f[r], j)).mul(c[0]);
        if (c.length > 1) {
            d = d.add(at(f[r + 2], j).sub(at(f[r - 1], j)).mul(c[1]));
        }
        if (c.length > 2) {
            d = d.add(at(f[r + 3], j).sub(at(f[r - 2], j)).mul(c[2]));
        }
        if (c.length > 3) {
            d = d.add(at(f[r + 4], j).sub(at(f[r - 3], j)).mul(c[3]));
        }
        return d;
    }

    /** sum_k c_k (row[j+k] - row[j+1-k]), at column j + 1/2. */
    private static DoubleVector halfX(double[] row, int j, double[] c) {
        DoubleVector d = at(row, j + 1).sub(at(row, j)).mul(c[0]);
        if (c.length > 1) {
            d = d.add(at(row, j + 2).sub(at(row, j - 1)).mul(c[1]));
        }
        if (c.length > 2) {
            d = d.add(at(row, j + 3).sub(at(row, j - 2)).mul(c[2]));
        }
        if (c.length > 3) {
            d = d.add(at(row, j + 4).sub(at(row, j - 3)).mul(c[3]));
        }
        return d;
    }

    /** The integer-point derivatives are the half-point ones one step back. */
    private static DoubleVector intY(double[][] f, int r, int j, double[] c) {
        return halfY(f, r - 1, j, c);
    }

    private static DoubleVector intX(double[] row, int j, double[] c) {
        return halfX(row, j - 1, c);
    }

    /** Forward memory variable with a y profile value: m = a m + b d; returns d + m. */
    private static DoubleVector damp(DoubleVector d, double[] m, int j, double a, double b) {
        DoubleVector mj = at(m, j).mul(a).add(d.mul(b));
        mj.intoArray(m, j);
        return d.add(mj);
    }

    /** Forward memory variable with an x profile. */
    private static DoubleVector damp(DoubleVector d, double[] m, int j, double[] a, double[] b) {
        DoubleVector mj = at(m, j).mul(at(a, j)).add(d.mul(at(b, j)));
        mj.intoArray(m, j);
        return d.add(mj);
    }

    /** Adjoint memory variable with a y profile value: with M = m + h, m = a M; returns h + b M. */
    private static DoubleVector undamp(DoubleVector h, double[] m, int j, double a, double b) {
        DoubleVector big = at(m, j).add(h);
        big.mul(a).intoArray(m, j);
        return h.add(big.mul(b));
    }

    /** Adjoint memory variable with an x profile. */
    private static DoubleVector undamp(DoubleVector h, double[] m, int j, double[] a, double[] b) {
        DoubleVector big = at(m, j).add(h);
        big.mul(at(a, j)).intoArray(m, j);
        return h.add(big.mul(at(b, j)));
    }

    /** Where grid row r of a slot's stored terms starts. */
    private static int base(History h, int slot, Grid g, int r) {
        return (h == null ? 0 : h.offset(slot)) + r * g.width;
    }

    static void velocityY(Grid g, Wavefields w, History h, int slot, int i, int from, int to, boolean damped) {
        int r = g.row(i);
        double[] v = w.vy[r];
        double[] b = g.buoyancyYDt[r];
        double[] sxy = w.sxy[r];
        double[] store = h == null ? null : h.array(h.divergenceY, slot);
        int base = base(h, slot, g, r);
        for (int j = from; j < to; j += N) {
            DoubleVector dy = halfY(w.syy, r, j, g.cy);
            DoubleVector dx = intX(sxy, j, g.cx);
            if (damped) {
                dy = damp(dy, w.mSyyY[r], j, g.ayHalf[i], g.byHalf[i]);
                dx = damp(dx, w.mSxyX[r], j, g.axInt, g.bxInt);
            }
            DoubleVector d = dy.add(dx);
            d.fma(at(b, j), at(v, j)).intoArray(v, j);
            if (store != null) {
                d.intoArray(store, base + j);
            }
        }
    }

    static void velocityX(Grid g, Wavefields w, History h, int slot, int i, int from, int to, boolean damped) {
        int r = g.row(i);
        double[] v = w.vx[r];
        double[] b = g.buoyancyXDt[r];
        double[] sxx = w.sxx[r];
        double[] store = h == null ? null : h.array(h.divergenceX, slot);
        int base = base(h, slot, g, r);
        for (int j = from; j < to; j += N) {
            DoubleVector dx = halfX(sxx, j, g.cx);
            DoubleVector dy = intY(w.sxy, r, j, g.cy);
            if (damped) {
                dx = damp(dx, w.mSxxX[r], j, g.axHalf, g.bxHalf);
                dy = damp(dy, w.mSxyY[r], j, g.ayInt[i], g.byInt[i]);
            }
            DoubleVector d = dx.add(dy);
            d.fma(at(b, j), at(v, j)).intoArray(v, j);
            if (store != null) {
                d.intoArray(store, base + j);
            }
        }
    }

    static void normalStresses(Grid g, Wavefields w, History h, int slot, int i, int from, int to, boolean damped) {
        int r = g.row(i);
        double[] syy = w.syy[r];
        double[] sxx = w.sxx[r];
        double[] vx = w.vx[r];
        double[] l2m = g.lambTwoMuDt[r];
        double[] l = g.lambDt[r];
        double[] storeYy = h == null ? null : h.array(h.strainYy, slot);
        double[] storeXx = h == null ? null : h.array(h.strainXx, slot);
        int base = base(h, slot, g, r);
        for (int j = from; j < to; j += N) {
            DoubleVector dyy = intY(w.vy, r, j, g.cy);
            DoubleVector dxx = intX(vx, j, g.cx);
            if (damped) {
                dyy = damp(dyy, w.mVyY[r], j, g.ayInt[i], g.byInt[i]);
                dxx = damp(dxx, w.mVxX[r], j, g.axInt, g.bxInt);
            }
            DoubleVector lj = at(l, j);
            DoubleVector l2mj = at(l2m, j);
            dyy.fma(l2mj, dxx.fma(lj, at(syy, j))).intoArray(syy, j);
            dxx.fma(l2mj, dyy.fma(lj, at(sxx, j))).intoArray(sxx, j);
            if (storeYy != null) {
                dyy.intoArray(storeYy, base + j);
                dxx.intoArray(storeXx, base + j);
            }
        }
    }

    static void shearStress(Grid g, Wavefields w, History h, int slot, int i, int from, int to, boolean damped) {
        int r = g.row(i);
        double[] sxy = w.sxy[r];
        double[] mxy = g.muXyDt[r];
        double[] vy = w.vy[r];
        double[] store = h == null ? null : h.array(h.shear, slot);
        int base = base(h, slot, g, r);
        for (int j = from; j < to; j += N) {
            DoubleVector dx = halfX(vy, j, g.cx);
            DoubleVector dy = halfY(w.vx, r, j, g.cy);
            if (damped) {
                dx = damp(dx, w.mVyX[r], j, g.axHalf, g.bxHalf);
                dy = damp(dy, w.mVxY[r], j, g.ayHalf[i], g.byHalf[i]);
            }
            DoubleVector d = dx.add(dy);
            d.fma(at(mxy, j), at(sxy, j)).intoArray(sxy, j);
            if (store != null) {
                d.intoArray(store, base + j);
            }
        }
    }

    static void adjointNormalTerms(Grid g, Wavefields w, History h, int slot, int i, int from, int to, boolean damped) {
        int r = g.row(i);
        double[] syy = w.syy[r];
        double[] sxx = w.sxx[r];
        double[] l2m = g.lambTwoMuDt[r];
        double[] l = g.lambDt[r];
        double[] toVyY = w.hVyY[r];
        double[] toVxX = w.hVxX[r];
        double[][] lamb = w.gradients[Coefficient.LAMB.ordinal()];
        double[][] mu = w.gradients[Coefficient.MU.ordinal()];
        if (slot >= 0 && (lamb != null || mu != null)) {
            normalGradients(lamb == null ? null : lamb[r], mu == null ? null : mu[r], h.array(h.strainYy, slot),
                    h.array(h.strainXx, slot), syy, sxx, base(h, slot, g, r), from, to);
        }
        for (int j = from; j < to; j += N) {
            DoubleVector yy = at(syy, j);
            DoubleVector xx = at(sxx, j);
            DoubleVector lj = at(l, j);
            DoubleVector l2mj = at(l2m, j);
            DoubleVector vyY = yy.fma(l2mj, xx.mul(lj));
            DoubleVector vxX = xx.fma(l2mj, yy.mul(lj));
            if (damped) {
                vyY = undamp(vyY, w.mVyY[r], j, g.ayInt[i], g.byInt[i]);
                vxX = undamp(vxX, w.mVxX[r], j, g.axInt, g.bxInt);
            }
            vyY.intoArray(toVyY, j);
            vxX.intoArray(toVxX, j);
        }
    }

    /** lamb += (e_yy + e_xx)(s_yy + s_xx), mu += 2 (e_yy s_yy + e_xx s_xx). */
    private static void normalGradients(double[] lamb, double[] mu, double[] eyy, double[] exx, double[] syy, double[] sxx,
                                        int base, int from, int to) {
        for (int j = from; j < to; j += N) {
            DoubleVector yy = at(syy, j);
            DoubleVector xx = at(sxx, j);
            DoubleVector ey = at(eyy, base + j);
            DoubleVector ex = at(exx, base + j);
            if (lamb != null) {
                ey.add(ex).fma(yy.add(xx), at(lamb, j)).intoArray(lamb, j);
            }
            if (mu != null) {
                ey.mul(yy).add(ex.mul(xx)).mul(2).add(at(mu, j)).intoArray(mu, j);
            }
        }
    }

    static void adjointShearTerms(Grid g, Wavefields w, History h, int slot, int i, int from, int to, boolean damped) {
        int r = g.row(i);
        double[] sxy = w.sxy[r];
        double[] mxy = g.muXyDt[r];
        double[] toVyX = w.hVyX[r];
        double[] toVxY = w.hVxY[r];
        double[][] grad = w.gradients[Coefficient.MU_XY.ordinal()];
        double[] sum = grad == null || slot < 0 ? null : grad[r];
        double[] e = sum == null ? null : h.array(h.shear, slot);
        int base = base(h, slot, g, r);
        for (int j = from; j < to; j += N) {
            DoubleVector s = at(sxy, j);
            if (sum != null) {
                at(e, base + j).fma(s, at(sum, j)).intoArray(sum, j);
            }
            DoubleVector vyX = s.mul(at(mxy, j));
            DoubleVector vxY = vyX;
            if (damped) {
                vyX = undamp(vyX, w.mVyX[r], j, g.axHalf, g.bxHalf);
                vxY = undamp(vxY, w.mVxY[r], j, g.ayHalf[i], g.byHalf[i]);
            }
            vyX.intoArray(toVyX, j);
            vxY.intoArray(toVxY, j);
        }
    }

    static void adjointVelocityY(Grid g, Wavefields w, History h, int slot, int i, int from, int to, boolean damped) {
        int r = g.row(i);
        double[] v = w.vy[r];
        double[] b = g.buoyancyYDt[r];
        double[] toVyX = w.hVyX[r];
        double[] toSyy = w.hSyy[r];
        double[] toSxyX = w.hSxyX[r];
        double[][] grad = w.gradients[Coefficient.BUOYANCY_Y.ordinal()];
        double[] sum = grad == null || slot < 0 ? null : grad[r];
        double[] divergence = sum == null ? null : h.array(h.divergenceY, slot);
        int base = base(h, slot, g, r);
        for (int j = from; j < to; j += N) {
            DoubleVector vj = at(v, j).sub(halfY(w.hVyY, r, j, g.cy)).sub(intX(toVyX, j, g.cx));
            vj.intoArray(v, j);
            if (sum != null) {
                at(divergence, base + j).fma(vj, at(sum, j)).intoArray(sum, j);
            }
            DoubleVector syy = vj.mul(at(b, j));
            DoubleVector sxyX = syy;
            if (damped) {
                syy = undamp(syy, w.mSyyY[r], j, g.ayHalf[i], g.byHalf[i]);
                sxyX = undamp(sxyX, w.mSxyX[r], j, g.axInt, g.bxInt);
            }
            syy.intoArray(toSyy, j);
            sxyX.intoArray(toSxyX, j);
        }
    }

    static void adjointVelocityX(Grid g, Wavefields w, History h, int slot, int i, int from, int to, boolean damped) {
        int r = g.row(i);
        double[] v = w.vx[r];
        double[] b = g.buoyancyXDt[r];
        double[] toVxX = w.hVxX[r];
        double[] toSxx = w.hSxx[r];
        double[] toSxyY = w.hSxyY[r];
        double[][] grad = w.gradients[Coefficient.BUOYANCY_X.ordinal()];
        double[] sum = grad == null || slot < 0 ? null : grad[r];
        double[] divergence = sum == null ? null : h.array(h.divergenceX, slot);
        int base = base(h, slot, g, r);
        for (int j = from; j < to; j += N) {
            DoubleVector vj = at(v, j).sub(halfX(toVxX, j, g.cx)).sub(intY(w.hVxY, r, j, g.cy));
            vj.intoArray(v, j);
            if (sum != null) {
                at(divergence, base + j).fma(vj, at(sum, j)).intoArray(sum, j);
            }
            DoubleVector sxx = vj.mul(at(b, j));
            DoubleVector sxyY = sxx;
            if (damped) {
                sxx = undamp(sxx, w.mSxxX[r], j, g.axHalf, g.bxHalf);
                sxyY = undamp(sxyY, w.mSxyY[r], j, g.ayInt[i], g.byInt[i]);
            }
            sxx.intoArray(toSxx, j);
            sxyY.intoArray(toSxyY, j);
        }
    }

    static void adjointNormalStresses(Grid g, Wavefields w, int i, int from, int to) {
        int r = g.row(i);
        double[] syy = w.syy[r];
        double[] sxx = w.sxx[r];
        double[] toSxx = w.hSxx[r];
        for (int j = from; j < to; j += N) {
            at(syy, j).sub(intY(w.hSyy, r, j, g.cy)).intoArray(syy, j);
            at(sxx, j).sub(intX(toSxx, j, g.cx)).intoArray(sxx, j);
        }
    }

    static void adjointShearStress(Grid g, Wavefields w, int i, int from, int to) {
        int r = g.row(i);
        double[] sxy = w.sxy[r];
        double[] toSxyX = w.hSxyX[r];
        for (int j = from; j < to; j += N) {
            at(sxy, j).sub(halfX(toSxyX, j, g.cx)).sub(halfY(w.hSxyY, r, j, g.cy)).intoArray(sxy, j);
        }
    }
}
