package org.seiche.elastic.cpu.f64;

import static jdk.incubator.vector.DoubleVector.fromArray;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import org.seiche.elastic.spi.Coefficient;

/**
 * The row updates of {@link ForwardRows} and {@link AdjointRows} as vector loops (Java
 * Vector API) over whole vectors of columns ({@link Grid}), one field update per loop with
 * every field read once per cell. Forward, each part's main loop has no PML terms; its y
 * and x PML loops (run only where a profile is active) evaluate the derivative again, update
 * the memory variable m = a m + b D and add coefficient x m to the field (and m to the
 * stored bracket). Adjoint, the PML terms act on the products pointwise after the main loop.
 * <p>
 * This class is written for accuracy 4; the build generates VectorRows2, VectorRows6 and
 * VectorRows8 from it by changing {@link #HALO}. Stencil sums are straight-line code (their
 * guards are compile-time constants) and take their coefficients as vector locals: C2 keeps
 * a loop fast only when every vector operation in it is intrinsified, which needs every
 * helper inlined, and it stops inlining helpers (not the Vector API's own methods) when a
 * compiled method grows past its node budget; so loops stay small, are compiled one by one
 * ({@link Part}), call the Vector API directly and few helpers after their stencil sums.
 * The tier-4 inlining of every accuracy was checked with -XX:+LogCompilation.
 */
final class VectorRows4 {
    /** Half the stencil width (accuracy / 2). */
    static final int HALO = 2;
    private static final VectorSpecies<Double> LANES = VectorLoops.LANES;
    private static final int N = LANES.length();

    private VectorRows4() {
    }

    static Part[][] forward(Grid g, Wavefields w, History h) {
        return new Part[][] {{
            Part.vectors(g, (i, s, b, from, to) -> velocityY(g, w, h, s, i, from, to),
                    (i, s, b, from, to) -> velocityYDampedY(g, w, h, s, i, from, to), g.pmlRowHalf,
                    (i, s, b, from, to) -> velocityYDampedX(g, w, h, s, i, from, to), g.vectorLeftInt, g.vectorRightInt),
            Part.vectors(g, (i, s, b, from, to) -> velocityX(g, w, h, s, i, from, to),
                    (i, s, b, from, to) -> velocityXDampedY(g, w, h, s, i, from, to), g.pmlRowInt,
                    (i, s, b, from, to) -> velocityXDampedX(g, w, h, s, i, from, to), g.vectorLeftHalf, g.vectorRightHalf)}, {
            Part.vectors(g, (i, s, b, from, to) -> normalStresses(g, w, h, s, i, from, to),
                    (i, s, b, from, to) -> normalStressesDampedY(g, w, h, s, i, from, to), g.pmlRowInt,
                    (i, s, b, from, to) -> normalStressesDampedX(g, w, h, s, i, from, to), g.vectorLeftInt, g.vectorRightInt),
            Part.vectors(g, (i, s, b, from, to) -> shearStress(g, w, h, s, i, from, to),
                    (i, s, b, from, to) -> shearStressDampedY(g, w, h, s, i, from, to), g.pmlRowHalf,
                    (i, s, b, from, to) -> shearStressDampedX(g, w, h, s, i, from, to), g.vectorLeftHalf, g.vectorRightHalf)}};
    }

    static Part[][] adjoint(Grid g, Wavefields w, History h) {
        return new Part[][] {{
            Part.vectors(g, (i, s, b, from, to) -> adjointNormalTerms(g, w, h, s, i, from, to),
                    (i, s, b, from, to) -> undamp(w.mVyY[g.row(i)], g.ayInt[i], g.byInt[i], w.hVyY[g.row(i)], from, to), g.pmlRowInt,
                    (i, s, b, from, to) -> undamp(w.mVxX[g.row(i)], g.axInt, g.bxInt, w.hVxX[g.row(i)], g.first, from, to, g.end),
                    g.vectorLeftInt, g.vectorRightInt),
            Part.vectors(g, (i, s, b, from, to) -> adjointShearTerms(g, w, h, s, i, from, to),
                    (i, s, b, from, to) -> undamp(w.mVxY[g.row(i)], g.ayHalf[i], g.byHalf[i], w.hVxY[g.row(i)], from, to), g.pmlRowHalf,
                    (i, s, b, from, to) -> undamp(w.mVyX[g.row(i)], g.axHalf, g.bxHalf, w.hVyX[g.row(i)], g.first, from, to, g.end),
                    g.vectorLeftHalf, g.vectorRightHalf)}, {
            Part.vectors(g, (i, s, b, from, to) -> adjointVelocityY(g, w, h, s, i, from, to),
                    (i, s, b, from, to) -> undamp(w.mSyyY[g.row(i)], g.ayHalf[i], g.byHalf[i], w.hSyy[g.row(i)], from, to), g.pmlRowHalf,
                    (i, s, b, from, to) -> undamp(w.mSxyX[g.row(i)], g.axInt, g.bxInt, w.hSxyX[g.row(i)], g.first, from, to, g.end),
                    g.vectorLeftInt, g.vectorRightInt),
            Part.vectors(g, (i, s, b, from, to) -> adjointVelocityX(g, w, h, s, i, from, to),
                    (i, s, b, from, to) -> undamp(w.mSxyY[g.row(i)], g.ayInt[i], g.byInt[i], w.hSxyY[g.row(i)], from, to), g.pmlRowInt,
                    (i, s, b, from, to) -> undamp(w.mSxxX[g.row(i)], g.axHalf, g.bxHalf, w.hSxx[g.row(i)], g.first, from, to, g.end),
                    g.vectorLeftHalf, g.vectorRightHalf)}, {
            Part.vectors(g, (i, s, b, from, to) -> adjointNormalStresses(g, w, i, from, to)),
            Part.vectors(g, (i, s, b, from, to) -> adjointShearStress(g, w, i, from, to))}};
    }

    /**
     * Stored values below this magnitude become zero ({@link Pointwise#flush}), written out
     * as v.blend(0, v.abs().lt(NEGLIGIBLE)) rather than through a helper: at accuracy 8
     * the helpers called after two stencils are past C2's node budget. Not when the
     * processor flushes subnormals itself ({@link Pointwise#FLUSH}).
     */
    private static final double NEGLIGIBLE = Pointwise.NEGLIGIBLE;
    private static final boolean FLUSH = Pointwise.FLUSH;

    /** Stencil coefficient k (from 0) as a vector; null past the stencil. */
    private static DoubleVector c(double[] c, int k) {
        return k < HALO ? DoubleVector.broadcast(LANES, c[k]) : null;
    }

    /**
     * sum_k c_k (f[r+k][j] - f[r+1-k][j]): D_y at row r + 1/2 of a field on integer rows, or
     * at integer row r + 1 of a field on half rows (whose row q sits at q + 1/2).
     */
    private static DoubleVector dy(double[][] f, int r, int j, DoubleVector c1, DoubleVector c2, DoubleVector c3,
                                   DoubleVector c4) {
        DoubleVector d = fromArray(LANES, f[r + 1], j).sub(fromArray(LANES, f[r], j)).mul(c1);
        if (HALO > 1) {
            d = fromArray(LANES, f[r + 2], j).sub(fromArray(LANES, f[r - 1], j)).fma(c2, d);
        }
        if (HALO > 2) {
            d = fromArray(LANES, f[r + 3], j).sub(fromArray(LANES, f[r - 2], j)).fma(c3, d);
        }
        if (HALO > 3) {
            d = fromArray(LANES, f[r + 4], j).sub(fromArray(LANES, f[r - 3], j)).fma(c4, d);
        }
        return d;
    }

    /** sum_k c_k (row[j+k] - row[j+1-k]): D_x at column j + 1/2, or at j + 1 of a half-column field. */
    private static DoubleVector dx(double[] row, int j, DoubleVector c1, DoubleVector c2, DoubleVector c3,
                                   DoubleVector c4) {
        DoubleVector d = fromArray(LANES, row, j + 1).sub(fromArray(LANES, row, j)).mul(c1);
        if (HALO > 1) {
            d = fromArray(LANES, row, j + 2).sub(fromArray(LANES, row, j - 1)).fma(c2, d);
        }
        if (HALO > 2) {
            d = fromArray(LANES, row, j + 3).sub(fromArray(LANES, row, j - 2)).fma(c3, d);
        }
        if (HALO > 3) {
            d = fromArray(LANES, row, j + 4).sub(fromArray(LANES, row, j - 3)).fma(c4, d);
        }
        return d;
    }

    /** Where grid row r of a slot's stored terms starts. */
    private static int base(History h, int slot, Grid g, int r) {
        return (h == null ? 0 : h.offset(slot)) + r * g.width;
    }

    /** f += c d over one vector, d the bracket of a one-field update; the bracket to store when stored. */
    private static void update(double[] f, double[] c, DoubleVector d, double[] store, int base, int j) {
        DoubleVector u = d.fma(fromArray(LANES, c, j), fromArray(LANES, f, j));
        (FLUSH ? u.blend(0, u.abs().lt(NEGLIGIBLE)) : u).intoArray(f, j);
        if (store != null) {
            d.intoArray(store, base + j);
        }
    }

    static void velocityY(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        double[][] syy = w.syy;
        double[] sxy = w.sxy[r];
        double[] v = w.vy[r];
        double[] b = g.buoyancyYDt[r];
        double[] store = h == null ? null : h.array(h.divergenceY, slot);
        int base = base(h, slot, g, r);
        DoubleVector y1 = c(g.cy, 0), y2 = c(g.cy, 1), y3 = c(g.cy, 2), y4 = c(g.cy, 3);
        DoubleVector x1 = c(g.cx, 0), x2 = c(g.cx, 1), x3 = c(g.cx, 2), x4 = c(g.cx, 3);
        for (int j = from; j < to; j += N) {
            update(v, b, dy(syy, r, j, y1, y2, y3, y4).add(dx(sxy, j - 1, x1, x2, x3, x4)), store, base, j);
        }
    }

    static void velocityX(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        double[] sxx = w.sxx[r];
        double[][] sxy = w.sxy;
        double[] v = w.vx[r];
        double[] b = g.buoyancyXDt[r];
        double[] store = h == null ? null : h.array(h.divergenceX, slot);
        int base = base(h, slot, g, r);
        DoubleVector y1 = c(g.cy, 0), y2 = c(g.cy, 1), y3 = c(g.cy, 2), y4 = c(g.cy, 3);
        DoubleVector x1 = c(g.cx, 0), x2 = c(g.cx, 1), x3 = c(g.cx, 2), x4 = c(g.cx, 3);
        for (int j = from; j < to; j += N) {
            update(v, b, dx(sxx, j, x1, x2, x3, x4).add(dy(sxy, r - 1, j, y1, y2, y3, y4)), store, base, j);
        }
    }

    static void normalStresses(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        double[][] vy = w.vy;
        double[] vx = w.vx[r];
        double[] syy = w.syy[r];
        double[] sxx = w.sxx[r];
        double[] l2m = g.lambTwoMuDt[r];
        double[] l = g.lambDt[r];
        double[] storeYy = h == null ? null : h.array(h.strainYy, slot);
        double[] storeXx = h == null ? null : h.array(h.strainXx, slot);
        int base = base(h, slot, g, r);
        DoubleVector y1 = c(g.cy, 0), y2 = c(g.cy, 1), y3 = c(g.cy, 2), y4 = c(g.cy, 3);
        DoubleVector x1 = c(g.cx, 0), x2 = c(g.cx, 1), x3 = c(g.cx, 2), x4 = c(g.cx, 3);
        for (int j = from; j < to; j += N) {
            DoubleVector dyy = dy(vy, r - 1, j, y1, y2, y3, y4);
            DoubleVector dxx = dx(vx, j - 1, x1, x2, x3, x4);
            DoubleVector l2mj = fromArray(LANES, l2m, j);
            DoubleVector lj = fromArray(LANES, l, j);
            DoubleVector yy = dyy.fma(l2mj, dxx.fma(lj, fromArray(LANES, syy, j)));
            DoubleVector xx = dxx.fma(l2mj, dyy.fma(lj, fromArray(LANES, sxx, j)));
            (FLUSH ? yy.blend(0, yy.abs().lt(NEGLIGIBLE)) : yy).intoArray(syy, j);
            (FLUSH ? xx.blend(0, xx.abs().lt(NEGLIGIBLE)) : xx).intoArray(sxx, j);
            if (storeYy != null) {
                dyy.intoArray(storeYy, base + j);
                dxx.intoArray(storeXx, base + j);
            }
        }
    }

    static void shearStress(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        double[] vy = w.vy[r];
        double[][] vx = w.vx;
        double[] sxy = w.sxy[r];
        double[] mxy = g.muXyDt[r];
        double[] store = h == null ? null : h.array(h.shear, slot);
        int base = base(h, slot, g, r);
        DoubleVector y1 = c(g.cy, 0), y2 = c(g.cy, 1), y3 = c(g.cy, 2), y4 = c(g.cy, 3);
        DoubleVector x1 = c(g.cx, 0), x2 = c(g.cx, 1), x3 = c(g.cx, 2), x4 = c(g.cx, 3);
        for (int j = from; j < to; j += N) {
            update(sxy, mxy, dx(vy, j, x1, x2, x3, x4).add(dy(vx, r, j, y1, y2, y3, y4)), store, base, j);
        }
    }

    /**
     * The y PML term of an update: m = a m + b D_y src (dy at row q, see {@link #dy}),
     * f += c m and, for the normal stresses, f2 += c2 m; stored bracket += m.
     */
    private static void dampedY(double[] f, double[] c, double[] f2, double[] c2, double[] m, double a, double b,
                                double[][] src, int q, double[] cy, double[] store, int base, int from, int to) {
        DoubleVector y1 = c(cy, 0), y2 = c(cy, 1), y3 = c(cy, 2), y4 = c(cy, 3);
        for (int j = from; j < to; j += N) {
            DoubleVector mn = fromArray(LANES, m, j).mul(a).add(dy(src, q, j, y1, y2, y3, y4).mul(b));
            DoubleVector mj = FLUSH ? mn.blend(0, mn.abs().lt(NEGLIGIBLE)) : mn;
            mj.intoArray(m, j);
            DoubleVector u = mj.fma(fromArray(LANES, c, j), fromArray(LANES, f, j));
            (FLUSH ? u.blend(0, u.abs().lt(NEGLIGIBLE)) : u).intoArray(f, j);
            if (f2 != null) {
                DoubleVector u2 = mj.fma(fromArray(LANES, c2, j), fromArray(LANES, f2, j));
                (FLUSH ? u2.blend(0, u2.abs().lt(NEGLIGIBLE)) : u2).intoArray(f2, j);
            }
            if (store != null) {
                fromArray(LANES, store, base + j).add(mj).intoArray(store, base + j);
            }
        }
    }

    /**
     * The x PML term of an update, as {@link #dampedY} with D_x of row src at column j + p
     * and the x profile, on the strips [first, left) and [right, end): one loop for both, as
     * each is only a few vectors wide.
     */
    private static void dampedX(double[] f, double[] c, double[] f2, double[] c2, double[] m, double[] a, double[] b,
                                double[] src, int p, double[] cx, double[] store, int base, int first, int left,
                                int right, int end) {
        DoubleVector x1 = c(cx, 0), x2 = c(cx, 1), x3 = c(cx, 2), x4 = c(cx, 3);
        for (int j = start(first, left, right); j < end; j = next(j, left, right)) {
            DoubleVector mn = fromArray(LANES, m, j).mul(fromArray(LANES, a, j)).add(dx(src, j + p, x1, x2, x3, x4).mul(fromArray(LANES, b, j)));
            DoubleVector mj = FLUSH ? mn.blend(0, mn.abs().lt(NEGLIGIBLE)) : mn;
            mj.intoArray(m, j);
            DoubleVector u = mj.fma(fromArray(LANES, c, j), fromArray(LANES, f, j));
            (FLUSH ? u.blend(0, u.abs().lt(NEGLIGIBLE)) : u).intoArray(f, j);
            if (f2 != null) {
                DoubleVector u2 = mj.fma(fromArray(LANES, c2, j), fromArray(LANES, f2, j));
                (FLUSH ? u2.blend(0, u2.abs().lt(NEGLIGIBLE)) : u2).intoArray(f2, j);
            }
            if (store != null) {
                fromArray(LANES, store, base + j).add(mj).intoArray(store, base + j);
            }
        }
    }

    static void velocityYDampedY(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        dampedY(w.vy[r], g.buoyancyYDt[r], null, null, w.mSyyY[r], g.ayHalf[i], g.byHalf[i], w.syy, r, g.cy,
                h == null ? null : h.array(h.divergenceY, slot), base(h, slot, g, r), from, to);
    }

    static void velocityYDampedX(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        dampedX(w.vy[r], g.buoyancyYDt[r], null, null, w.mSxyX[r], g.axInt, g.bxInt, w.sxy[r], -1, g.cx,
                h == null ? null : h.array(h.divergenceY, slot), base(h, slot, g, r), g.first, from, to, g.end);
    }

    static void velocityXDampedY(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        dampedY(w.vx[r], g.buoyancyXDt[r], null, null, w.mSxyY[r], g.ayInt[i], g.byInt[i], w.sxy, r - 1, g.cy,
                h == null ? null : h.array(h.divergenceX, slot), base(h, slot, g, r), from, to);
    }

    static void velocityXDampedX(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        dampedX(w.vx[r], g.buoyancyXDt[r], null, null, w.mSxxX[r], g.axHalf, g.bxHalf, w.sxx[r], 0, g.cx,
                h == null ? null : h.array(h.divergenceX, slot), base(h, slot, g, r), g.first, from, to, g.end);
    }

    static void normalStressesDampedY(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        dampedY(w.syy[r], g.lambTwoMuDt[r], w.sxx[r], g.lambDt[r], w.mVyY[r], g.ayInt[i], g.byInt[i], w.vy, r - 1, g.cy,
                h == null ? null : h.array(h.strainYy, slot), base(h, slot, g, r), from, to);
    }

    static void normalStressesDampedX(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        dampedX(w.sxx[r], g.lambTwoMuDt[r], w.syy[r], g.lambDt[r], w.mVxX[r], g.axInt, g.bxInt, w.vx[r], -1, g.cx,
                h == null ? null : h.array(h.strainXx, slot), base(h, slot, g, r), g.first, from, to, g.end);
    }

    static void shearStressDampedY(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        dampedY(w.sxy[r], g.muXyDt[r], null, null, w.mVxY[r], g.ayHalf[i], g.byHalf[i], w.vx, r, g.cy,
                h == null ? null : h.array(h.shear, slot), base(h, slot, g, r), from, to);
    }

    static void shearStressDampedX(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        dampedX(w.sxy[r], g.muXyDt[r], null, null, w.mVyX[r], g.axHalf, g.bxHalf, w.vy[r], 0, g.cx,
                h == null ? null : h.array(h.shear, slot), base(h, slot, g, r), g.first, from, to, g.end);
    }

    /** The first column of the strips [first, left) and [right, ..). */
    private static int start(int first, int left, int right) {
        return left > first ? first : right;
    }

    /** The column after j in the strips: the right one follows the left one. */
    private static int next(int j, int left, int right) {
        return j + N == left ? right : j + N;
    }

    /** Adjoint memory variable with a y profile value: with M = m + h, m = a M and h += b M. */
    private static void undamp(double[] m, double a, double b, double[] h, int from, int to) {
        for (int j = from; j < to; j += N) {
            DoubleVector big = fromArray(LANES, m, j).add(fromArray(LANES, h, j));
            DoubleVector mj = big.mul(a);
            (FLUSH ? mj.blend(0, mj.abs().lt(NEGLIGIBLE)) : mj).intoArray(m, j);
            fromArray(LANES, h, j).add(big.mul(b)).intoArray(h, j);
        }
    }

    /** Adjoint memory variable with the x profile, on the strips [first, left) and [right, end). */
    private static void undamp(double[] m, double[] a, double[] b, double[] h, int first, int left, int right, int end) {
        for (int j = start(first, left, right); j < end; j = next(j, left, right)) {
            DoubleVector big = fromArray(LANES, m, j).add(fromArray(LANES, h, j));
            DoubleVector mj = big.mul(fromArray(LANES, a, j));
            (FLUSH ? mj.blend(0, mj.abs().lt(NEGLIGIBLE)) : mj).intoArray(m, j);
            fromArray(LANES, h, j).add(big.mul(fromArray(LANES, b, j))).intoArray(h, j);
        }
    }

    /**
     * The products hVyY = (lamb + 2 mu) dt s_yy + lamb dt s_xx and hVxX (s the adjoint
     * stresses), and on stored steps the gradients lamb += (e_yy + e_xx)(s_yy + s_xx) and
     * mu += 2 (e_yy s_yy + e_xx s_xx) with e the stored strain rates, in one pass.
     */
    static void adjointNormalTerms(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        double[] syy = w.syy[r];
        double[] sxx = w.sxx[r];
        double[] l2m = g.lambTwoMuDt[r];
        double[] l = g.lambDt[r];
        double[] toVyY = w.hVyY[r];
        double[] toVxX = w.hVxX[r];
        double[][] lambSums = w.gradients[Coefficient.LAMB.ordinal()];
        double[][] muSums = w.gradients[Coefficient.MU.ordinal()];
        double[] lamb = lambSums == null || slot < 0 ? null : lambSums[r];
        double[] mu = muSums == null || slot < 0 ? null : muSums[r];
        double[] eyy = lamb == null && mu == null ? null : h.array(h.strainYy, slot);
        double[] exx = eyy == null ? null : h.array(h.strainXx, slot);
        int base = base(h, slot, g, r);
        for (int j = from; j < to; j += N) {
            DoubleVector yy = fromArray(LANES, syy, j);
            DoubleVector xx = fromArray(LANES, sxx, j);
            DoubleVector lj = fromArray(LANES, l, j);
            DoubleVector l2mj = fromArray(LANES, l2m, j);
            yy.fma(l2mj, xx.mul(lj)).intoArray(toVyY, j);
            xx.fma(l2mj, yy.mul(lj)).intoArray(toVxX, j);
            if (eyy != null) {
                DoubleVector ey = fromArray(LANES, eyy, base + j);
                DoubleVector ex = fromArray(LANES, exx, base + j);
                if (lamb != null) {
                    DoubleVector sum = ey.add(ex).fma(yy.add(xx), fromArray(LANES, lamb, j));
                    (FLUSH ? sum.blend(0, sum.abs().lt(NEGLIGIBLE)) : sum).intoArray(lamb, j);
                }
                if (mu != null) {
                    DoubleVector sum = ey.mul(yy).add(ex.mul(xx)).mul(2).add(fromArray(LANES, mu, j));
                    (FLUSH ? sum.blend(0, sum.abs().lt(NEGLIGIBLE)) : sum).intoArray(mu, j);
                }
            }
        }
    }

    static void adjointShearTerms(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
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
            DoubleVector s = fromArray(LANES, sxy, j);
            if (sum != null) {
                DoubleVector u = fromArray(LANES, e, base + j).fma(s, fromArray(LANES, sum, j));
                (FLUSH ? u.blend(0, u.abs().lt(NEGLIGIBLE)) : u).intoArray(sum, j);
            }
            DoubleVector t = s.mul(fromArray(LANES, mxy, j));
            t.intoArray(toVyX, j);
            t.intoArray(toVxY, j);
        }
    }

    /**
     * Adjoint v_y -= D_y (hVyY) + D_x (hVyX) (the transposed stress update, D_y at half rows
     * and D_x at integer columns being minus the transposes of the forward's); the
     * buoyancy_y gradient; the products hSyy = hSxyX = B_y dt v_y for the adjoint stresses.
     */
    static void adjointVelocityY(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        double[][] fromVyY = w.hVyY;
        double[] fromVyX = w.hVyX[r];
        double[] v = w.vy[r];
        double[] b = g.buoyancyYDt[r];
        double[] toSyy = w.hSyy[r];
        double[] toSxyX = w.hSxyX[r];
        double[][] grad = w.gradients[Coefficient.BUOYANCY_Y.ordinal()];
        double[] sum = grad == null || slot < 0 ? null : grad[r];
        double[] divergence = sum == null ? null : h.array(h.divergenceY, slot);
        int base = base(h, slot, g, r);
        DoubleVector y1 = c(g.cy, 0), y2 = c(g.cy, 1), y3 = c(g.cy, 2), y4 = c(g.cy, 3);
        DoubleVector x1 = c(g.cx, 0), x2 = c(g.cx, 1), x3 = c(g.cx, 2), x4 = c(g.cx, 3);
        for (int j = from; j < to; j += N) {
            DoubleVector vn = fromArray(LANES, v, j).sub(dy(fromVyY, r, j, y1, y2, y3, y4)).sub(dx(fromVyX, j - 1, x1, x2, x3, x4));
            DoubleVector vj = FLUSH ? vn.blend(0, vn.abs().lt(NEGLIGIBLE)) : vn;
            vj.intoArray(v, j);
            if (sum != null) {
                DoubleVector u = fromArray(LANES, divergence, base + j).fma(vj, fromArray(LANES, sum, j));
                (FLUSH ? u.blend(0, u.abs().lt(NEGLIGIBLE)) : u).intoArray(sum, j);
            }
            DoubleVector t = vj.mul(fromArray(LANES, b, j));
            t.intoArray(toSyy, j);
            t.intoArray(toSxyX, j);
        }
    }

    /** As {@link #adjointVelocityY} for v_x: -= D_x (hVxX) + D_y (hVxY); hSxx = hSxyY = B_x dt v_x. */
    static void adjointVelocityX(Grid g, Wavefields w, History h, int slot, int i, int from, int to) {
        int r = g.row(i);
        double[] fromVxX = w.hVxX[r];
        double[][] fromVxY = w.hVxY;
        double[] v = w.vx[r];
        double[] b = g.buoyancyXDt[r];
        double[] toSxx = w.hSxx[r];
        double[] toSxyY = w.hSxyY[r];
        double[][] grad = w.gradients[Coefficient.BUOYANCY_X.ordinal()];
        double[] sum = grad == null || slot < 0 ? null : grad[r];
        double[] divergence = sum == null ? null : h.array(h.divergenceX, slot);
        int base = base(h, slot, g, r);
        DoubleVector y1 = c(g.cy, 0), y2 = c(g.cy, 1), y3 = c(g.cy, 2), y4 = c(g.cy, 3);
        DoubleVector x1 = c(g.cx, 0), x2 = c(g.cx, 1), x3 = c(g.cx, 2), x4 = c(g.cx, 3);
        for (int j = from; j < to; j += N) {
            DoubleVector vn = fromArray(LANES, v, j).sub(dx(fromVxX, j, x1, x2, x3, x4)).sub(dy(fromVxY, r - 1, j, y1, y2, y3, y4));
            DoubleVector vj = FLUSH ? vn.blend(0, vn.abs().lt(NEGLIGIBLE)) : vn;
            vj.intoArray(v, j);
            if (sum != null) {
                DoubleVector u = fromArray(LANES, divergence, base + j).fma(vj, fromArray(LANES, sum, j));
                (FLUSH ? u.blend(0, u.abs().lt(NEGLIGIBLE)) : u).intoArray(sum, j);
            }
            DoubleVector t = vj.mul(fromArray(LANES, b, j));
            t.intoArray(toSxx, j);
            t.intoArray(toSxyY, j);
        }
    }

    /** Adjoint sigma_yy -= D_y (hSyy), sigma_xx -= D_x (hSxx), at the integer points. */
    static void adjointNormalStresses(Grid g, Wavefields w, int i, int from, int to) {
        int r = g.row(i);
        double[] syy = w.syy[r];
        double[] sxx = w.sxx[r];
        double[][] fromSyy = w.hSyy;
        double[] fromSxx = w.hSxx[r];
        DoubleVector y1 = c(g.cy, 0), y2 = c(g.cy, 1), y3 = c(g.cy, 2), y4 = c(g.cy, 3);
        DoubleVector x1 = c(g.cx, 0), x2 = c(g.cx, 1), x3 = c(g.cx, 2), x4 = c(g.cx, 3);
        for (int j = from; j < to; j += N) {
            DoubleVector yy = fromArray(LANES, syy, j).sub(dy(fromSyy, r - 1, j, y1, y2, y3, y4));
            DoubleVector xx = fromArray(LANES, sxx, j).sub(dx(fromSxx, j - 1, x1, x2, x3, x4));
            (FLUSH ? yy.blend(0, yy.abs().lt(NEGLIGIBLE)) : yy).intoArray(syy, j);
            (FLUSH ? xx.blend(0, xx.abs().lt(NEGLIGIBLE)) : xx).intoArray(sxx, j);
        }
    }

    /** Adjoint sigma_xy -= D_x (hSxyX) + D_y (hSxyY), at the half points. */
    static void adjointShearStress(Grid g, Wavefields w, int i, int from, int to) {
        int r = g.row(i);
        double[] sxy = w.sxy[r];
        double[] fromSxyX = w.hSxyX[r];
        double[][] fromSxyY = w.hSxyY;
        DoubleVector y1 = c(g.cy, 0), y2 = c(g.cy, 1), y3 = c(g.cy, 2), y4 = c(g.cy, 3);
        DoubleVector x1 = c(g.cx, 0), x2 = c(g.cx, 1), x3 = c(g.cx, 2), x4 = c(g.cx, 3);
        for (int j = from; j < to; j += N) {
            DoubleVector xy = fromArray(LANES, sxy, j).sub(dx(fromSxyX, j, x1, x2, x3, x4)).sub(dy(fromSxyY, r, j, y1, y2, y3, y4));
            (FLUSH ? xy.blend(0, xy.abs().lt(NEGLIGIBLE)) : xy).intoArray(sxy, j);
        }
    }
}
