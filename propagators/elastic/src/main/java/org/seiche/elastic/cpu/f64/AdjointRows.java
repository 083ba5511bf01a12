package org.seiche.elastic.cpu.f64;

import org.seiche.elastic.spi.Coefficient;

/**
 * The transposed updates of one domain row's columns [from, to), run backward in time on
 * the adjoint fields (held in the forward's arrays). The forward's coefficient multiplies a
 * derivative; its transpose differentiates the coefficient times the adjoint field, so each
 * half-step of the adjoint first forms those products (with the transposed memory
 * variables) on the grid, then, after every row has them, differentiates them: the
 * transpose of a staggered derivative is minus the other one. Works everywhere;
 * {@link FusedRows} is the faster form.
 */
final class AdjointRows {
    private AdjointRows() {
    }

    /**
     * Transposed normal-stress update, first part: the lamb and mu gradients,
     * lamb: (e_yy + e_xx)(s_yy + s_xx), mu: 2 (e_yy s_yy + e_xx s_xx) with e the stored strain
     * rates and s the adjoint stresses, and the products whose derivatives feed the adjoint
     * velocities.
     */
    static void normalTerms(Grid g, Wavefields w, History h, int slot, int i, RowBuffers b, int from, int to) {
        int r = g.row(i);
        double[][] lamb = w.gradients[Coefficient.LAMB.ordinal()];
        double[][] mu = w.gradients[Coefficient.MU.ordinal()];
        if (slot >= 0 && (lamb != null || mu != null)) {
            double[] da = b.a;
            double[] db = b.b;
            load(g, h, h.strainYy, slot, r, da, from, to);
            load(g, h, h.strainXx, slot, r, db, from, to);
            if (mu != null) {
                addTwiceProduct(mu[r], da, w.syy[r], from, to);
                addTwiceProduct(mu[r], db, w.sxx[r], from, to);
            }
            if (lamb != null) {
                Pointwise.add(da, db, from, to);
                Pointwise.sum(db, w.syy[r], w.sxx[r], from, to);
                Pointwise.update(lamb[r], da, db, from, to);
            }
        }
        Pointwise.product(w.hVyY[r], g.lambTwoMuDt[r], w.syy[r], from, to);
        Pointwise.addProduct(w.hVyY[r], g.lambDt[r], w.sxx[r], from, to);
        Pointwise.product(w.hVxX[r], g.lambTwoMuDt[r], w.sxx[r], from, to);
        Pointwise.addProduct(w.hVxX[r], g.lambDt[r], w.syy[r], from, to);
        if (g.pmlRowInt[i]) {
            Memory.adjointRow(w.mVyY[r], g.ayInt[i], g.byInt[i], w.hVyY[r], from, to);
        }
        Memory.adjointColumns(w.mVxX[r], g.axInt, g.bxInt, w.hVxX[r], from, to, g.leftInt, g.rightInt);
    }

    /**
     * Transposed shear-stress update, first part: the mu_xy gradient e_xy s_xy and the
     * products whose derivatives feed the adjoint velocities.
     */
    static void shearTerms(Grid g, Wavefields w, History h, int slot, int i, RowBuffers b, int from, int to) {
        int r = g.row(i);
        double[][] muXy = w.gradients[Coefficient.MU_XY.ordinal()];
        if (slot >= 0 && muXy != null) {
            load(g, h, h.shear, slot, r, b.a, from, to);
            Pointwise.update(muXy[r], b.a, w.sxy[r], from, to);
        }
        Pointwise.product(w.hVyX[r], g.muXyDt[r], w.sxy[r], from, to);
        System.arraycopy(w.hVyX[r], from, w.hVxY[r], from, to - from);
        Memory.adjointColumns(w.mVyX[r], g.axHalf, g.bxHalf, w.hVyX[r], from, to, g.leftHalf, g.rightHalf);
        if (g.pmlRowHalf[i]) {
            Memory.adjointRow(w.mVxY[r], g.ayHalf[i], g.byHalf[i], w.hVxY[r], from, to);
        }
    }

    private static void addTwiceProduct(double[] f, double[] s, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            f[j] = Pointwise.flush(f[j] + 2 * s[j] * d[j]);
        }
    }

    /**
     * The adjoint v_y from the stress terms (second part of the transposed stress update),
     * then the first part of the transposed v_y update: the buoyancy_y gradient and the
     * products whose derivatives feed the adjoint stresses.
     */
    static void velocityY(Grid g, Wavefields w, History h, int slot, int i, RowBuffers b, int from, int to) {
        int r = g.row(i);
        double[] da = b.a;
        double[] db = b.b;
        Derivatives.halfY(g, w.hVyY, i, da, from, to);
        Derivatives.intX(g, w.hVyX, i, b, db, from, to);
        Pointwise.add(da, db, from, to);
        Pointwise.subtract(w.vy[r], da, from, to);
        if (slot >= 0) {
            buoyancyGradient(g, w.gradients[Coefficient.BUOYANCY_Y.ordinal()], h, h.divergenceY, slot, w.vy[r], r, da, from, to);
        }
        Pointwise.product(w.hSyy[r], g.buoyancyYDt[r], w.vy[r], from, to);
        System.arraycopy(w.hSyy[r], from, w.hSxyX[r], from, to - from);
        if (g.pmlRowHalf[i]) {
            Memory.adjointRow(w.mSyyY[r], g.ayHalf[i], g.byHalf[i], w.hSyy[r], from, to);
        }
        Memory.adjointColumns(w.mSxyX[r], g.axInt, g.bxInt, w.hSxyX[r], from, to, g.leftInt, g.rightInt);
    }

    /** As {@link #velocityY} for v_x. */
    static void velocityX(Grid g, Wavefields w, History h, int slot, int i, RowBuffers b, int from, int to) {
        int r = g.row(i);
        double[] da = b.a;
        double[] db = b.b;
        Derivatives.halfX(g, w.hVxX, i, b, da, from, to);
        Derivatives.intY(g, w.hVxY, i, db, from, to);
        Pointwise.add(da, db, from, to);
        Pointwise.subtract(w.vx[r], da, from, to);
        if (slot >= 0) {
            buoyancyGradient(g, w.gradients[Coefficient.BUOYANCY_X.ordinal()], h, h.divergenceX, slot, w.vx[r], r, da, from, to);
        }
        Pointwise.product(w.hSxx[r], g.buoyancyXDt[r], w.vx[r], from, to);
        System.arraycopy(w.hSxx[r], from, w.hSxyY[r], from, to - from);
        Memory.adjointColumns(w.mSxxX[r], g.axHalf, g.bxHalf, w.hSxx[r], from, to, g.leftHalf, g.rightHalf);
        if (g.pmlRowInt[i]) {
            Memory.adjointRow(w.mSxyY[r], g.ayInt[i], g.byInt[i], w.hSxyY[r], from, to);
        }
    }

    /** buoyancy: (stored stress divergence) x (adjoint velocity). */
    private static void buoyancyGradient(Grid g, double[][] grad, History h, double[][] divergence, int slot, double[] v,
                                         int r, double[] row, int from, int to) {
        if (grad != null) {
            load(g, h, divergence, slot, r, row, from, to);
            Pointwise.update(grad[r], row, v, from, to);
        }
    }

    /** Transposed velocity half-step, second part: the adjoint normal stresses from the products. */
    static void normalStresses(Grid g, Wavefields w, int i, RowBuffers b, int from, int to) {
        int r = g.row(i);
        Derivatives.intY(g, w.hSyy, i, b.a, from, to);
        Pointwise.subtract(w.syy[r], b.a, from, to);
        Derivatives.intX(g, w.hSxx, i, b, b.a, from, to);
        Pointwise.subtract(w.sxx[r], b.a, from, to);
    }

    /** Transposed velocity half-step, second part: the adjoint shear stress from the products. */
    static void shearStress(Grid g, Wavefields w, int i, RowBuffers b, int from, int to) {
        int r = g.row(i);
        double[] da = b.a;
        double[] db = b.b;
        Derivatives.halfX(g, w.hSxyX, i, b, da, from, to);
        Derivatives.halfY(g, w.hSxyY, i, db, from, to);
        Pointwise.add(da, db, from, to);
        Pointwise.subtract(w.sxy[r], da, from, to);
    }

    /** Copies columns [from, to) of grid row r of a stored term's slot into a row buffer. */
    private static void load(Grid g, History h, double[][] term, int slot, int r, double[] row, int from, int to) {
        System.arraycopy(h.array(term, slot), h.offset(slot) + r * g.width + from, row, from, to - from);
    }
}
