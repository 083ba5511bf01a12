package org.seiche.elastic.cpu.f64;

import org.seiche.elastic.Coefficient;

/**
 * The transposed updates of one domain row, run backward in time on the adjoint fields
 * (held in the forward's arrays). The forward's coefficient multiplies a derivative; its
 * transpose differentiates the coefficient times the adjoint field, so each half-step of
 * the adjoint first forms those products (with the transposed memory variables) on the
 * grid, then, after every row has them, differentiates them: the transpose of a staggered
 * derivative is minus the other one.
 */
final class AdjointRows {
    private AdjointRows() {
    }

    /**
     * Transposed stress half-step, first part: the lamb, mu, mu_xy gradients from the
     * stored strain rates, and the products whose derivatives feed the adjoint velocities.
     */
    static void stressTerms(Grid g, Wavefields w, History h, int slot, int i) {
        int r = g.row(i);
        int n = g.nx;
        if (slot >= 0) {
            stressGradients(w, h, slot, r, n);
        }
        double[] l2m = g.lambTwoMuDt;
        double[] l = g.lambDt;
        double[] mxy = g.muXyDt;
        double[] syy = w.syy;
        double[] sxx = w.sxx;
        double[] sxy = w.sxy;
        double[] vyY = w.hVyY;
        double[] vxX = w.hVxX;
        double[] vyX = w.hVyX;
        double[] vxY = w.hVxY;
        for (int p = r; p < r + n; p++) {
            vyY[p] = l2m[p] * syy[p] + l[p] * sxx[p];
            vxX[p] = l2m[p] * sxx[p] + l[p] * syy[p];
            double shear = mxy[p] * sxy[p];
            vyX[p] = shear;
            vxY[p] = shear;
        }
        if (g.pmlRowInt[i]) {
            Memory.adjointRow(w.mVyY, r, g.ayInt[i], g.byInt[i], w.hVyY, n);
        }
        Memory.adjointColumns(w.mVxX, r, g.axInt, g.bxInt, w.hVxX, g.leftInt, g.rightInt, n);
        Memory.adjointColumns(w.mVyX, r, g.axHalf, g.bxHalf, w.hVyX, g.leftHalf, g.rightHalf, n);
        if (g.pmlRowHalf[i]) {
            Memory.adjointRow(w.mVxY, r, g.ayHalf[i], g.byHalf[i], w.hVxY, n);
        }
    }

    private static void stressGradients(Wavefields w, History h, int slot, int r, int n) {
        double[] lamb = w.gradients[Coefficient.LAMB.ordinal()];
        double[] mu = w.gradients[Coefficient.MU.ordinal()];
        double[] muXy = w.gradients[Coefficient.MU_XY.ordinal()];
        if (lamb != null || mu != null) {
            double[] eyy = h.strainYy[slot];
            double[] exx = h.strainXx[slot];
            double[] syy = w.syy;
            double[] sxx = w.sxx;
            if (lamb != null) {
                for (int p = r; p < r + n; p++) {
                    lamb[p] += (eyy[p] + exx[p]) * (syy[p] + sxx[p]);
                }
            }
            if (mu != null) {
                for (int p = r; p < r + n; p++) {
                    mu[p] += 2 * (eyy[p] * syy[p] + exx[p] * sxx[p]);
                }
            }
        }
        if (muXy != null) {
            double[] exy = h.shear[slot];
            double[] sxy = w.sxy;
            for (int p = r; p < r + n; p++) {
                muXy[p] += exy[p] * sxy[p];
            }
        }
    }

    /**
     * Transposed stress half-step, second part (the adjoint velocities from the products),
     * then the transposed velocity half-step's first part: the buoyancy gradients and the
     * products whose derivatives feed the adjoint stresses.
     */
    static void velocityTerms(Grid g, Wavefields w, History h, int slot, int i, double[] da, double[] db) {
        int r = g.row(i);
        int n = g.nx;
        Derivatives.halfY(g, w.hVyY, r, da);
        Derivatives.intX(g, w.hVyX, r, db);
        subtractSum(w.vy, r, da, db, n);
        Derivatives.halfX(g, w.hVxX, r, da);
        Derivatives.intY(g, w.hVxY, r, db);
        subtractSum(w.vx, r, da, db, n);
        if (slot >= 0) {
            buoyancyGradient(w.gradients[Coefficient.BUOYANCY_Y.ordinal()], h.divergenceY, slot, w.vy, r, n);
            buoyancyGradient(w.gradients[Coefficient.BUOYANCY_X.ordinal()], h.divergenceX, slot, w.vx, r, n);
        }
        double[] by = g.buoyancyYDt;
        double[] bx = g.buoyancyXDt;
        double[] vy = w.vy;
        double[] vx = w.vx;
        double[] yy = w.hSyy;
        double[] xyX = w.hSxyX;
        double[] xx = w.hSxx;
        double[] xyY = w.hSxyY;
        for (int p = r; p < r + n; p++) {
            double y = by[p] * vy[p];
            yy[p] = y;
            xyX[p] = y;
            double x = bx[p] * vx[p];
            xx[p] = x;
            xyY[p] = x;
        }
        if (g.pmlRowHalf[i]) {
            Memory.adjointRow(w.mSyyY, r, g.ayHalf[i], g.byHalf[i], w.hSyy, n);
        }
        Memory.adjointColumns(w.mSxyX, r, g.axInt, g.bxInt, w.hSxyX, g.leftInt, g.rightInt, n);
        Memory.adjointColumns(w.mSxxX, r, g.axHalf, g.bxHalf, w.hSxx, g.leftHalf, g.rightHalf, n);
        if (g.pmlRowInt[i]) {
            Memory.adjointRow(w.mSxyY, r, g.ayInt[i], g.byInt[i], w.hSxyY, n);
        }
    }

    private static void buoyancyGradient(double[] grad, double[][] divergence, int slot, double[] v, int r, int n) {
        if (grad == null) {
            return;
        }
        double[] d = divergence[slot];
        for (int p = r; p < r + n; p++) {
            grad[p] += d[p] * v[p];
        }
    }

    /** Transposed velocity half-step, second part: the adjoint stresses from the products. */
    static void stresses(Grid g, Wavefields w, int i, double[] da, double[] db) {
        int r = g.row(i);
        int n = g.nx;
        Derivatives.intY(g, w.hSyy, r, da);
        Derivatives.intX(g, w.hSxx, r, db);
        double[] syy = w.syy;
        double[] sxx = w.sxx;
        for (int j = 0; j < n; j++) {
            syy[r + j] -= da[j];
            sxx[r + j] -= db[j];
        }
        Derivatives.halfX(g, w.hSxyX, r, da);
        Derivatives.halfY(g, w.hSxyY, r, db);
        subtractSum(w.sxy, r, da, db, n);
    }

    private static void subtractSum(double[] f, int r, double[] da, double[] db, int n) {
        for (int j = 0; j < n; j++) {
            f[r + j] -= da[j] + db[j];
        }
    }
}
