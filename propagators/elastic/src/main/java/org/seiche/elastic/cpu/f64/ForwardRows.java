package org.seiche.elastic.cpu.f64;

/**
 * The forward update of one domain row (PHYSICS.md, Elastic): each derivative goes into a
 * row buffer, gets its memory variable in the PML, and the buffers update the fields; on
 * steps stored for a gradient the brackets go to the history slot too (slot -1: not stored).
 */
final class ForwardRows {
    private ForwardRows() {
    }

    /** v_y += B_y dt (D_y sigma_yy + D_x sigma_xy), v_x += B_x dt (D_x sigma_xx + D_y sigma_xy). */
    static void velocity(Grid g, Wavefields w, History h, int slot, int i, double[] da, double[] db) {
        int r = g.row(i);
        int n = g.nx;
        Derivatives.halfY(g, w.syy, r, da);
        if (g.pmlRowHalf[i]) {
            Memory.row(w.mSyyY, r, g.ayHalf[i], g.byHalf[i], da, n);
        }
        Derivatives.intX(g, w.sxy, r, db);
        Memory.columns(w.mSxyX, r, g.axInt, g.bxInt, db, g.leftInt, g.rightInt, n);
        addScaledSum(w.vy, g.buoyancyYDt, r, da, db, n);
        if (slot >= 0 && h.divergenceY != null) {
            storeSum(h.divergenceY[slot], r, da, db, n);
        }
        Derivatives.halfX(g, w.sxx, r, da);
        Memory.columns(w.mSxxX, r, g.axHalf, g.bxHalf, da, g.leftHalf, g.rightHalf, n);
        Derivatives.intY(g, w.sxy, r, db);
        if (g.pmlRowInt[i]) {
            Memory.row(w.mSxyY, r, g.ayInt[i], g.byInt[i], db, n);
        }
        addScaledSum(w.vx, g.buoyancyXDt, r, da, db, n);
        if (slot >= 0 && h.divergenceX != null) {
            storeSum(h.divergenceX[slot], r, da, db, n);
        }
    }

    /**
     * sigma_yy += dt ((lamb + 2 mu) D_y v_y + lamb D_x v_x), sigma_xx likewise,
     * sigma_xy += dt mu_xy (D_x v_y + D_y v_x).
     */
    static void stress(Grid g, Wavefields w, History h, int slot, int i, double[] da, double[] db) {
        int r = g.row(i);
        int n = g.nx;
        Derivatives.intY(g, w.vy, r, da);
        if (g.pmlRowInt[i]) {
            Memory.row(w.mVyY, r, g.ayInt[i], g.byInt[i], da, n);
        }
        Derivatives.intX(g, w.vx, r, db);
        Memory.columns(w.mVxX, r, g.axInt, g.bxInt, db, g.leftInt, g.rightInt, n);
        double[] l2m = g.lambTwoMuDt;
        double[] l = g.lambDt;
        double[] syy = w.syy;
        double[] sxx = w.sxx;
        for (int j = 0; j < n; j++) {
            int p = r + j;
            syy[p] += l2m[p] * da[j] + l[p] * db[j];
            sxx[p] += l2m[p] * db[j] + l[p] * da[j];
        }
        if (slot >= 0 && h.strainYy != null) {
            System.arraycopy(da, 0, h.strainYy[slot], r, n);
            System.arraycopy(db, 0, h.strainXx[slot], r, n);
        }
        Derivatives.halfX(g, w.vy, r, da);
        Memory.columns(w.mVyX, r, g.axHalf, g.bxHalf, da, g.leftHalf, g.rightHalf, n);
        Derivatives.halfY(g, w.vx, r, db);
        if (g.pmlRowHalf[i]) {
            Memory.row(w.mVxY, r, g.ayHalf[i], g.byHalf[i], db, n);
        }
        addScaledSum(w.sxy, g.muXyDt, r, da, db, n);
        if (slot >= 0 && h.shear != null) {
            storeSum(h.shear[slot], r, da, db, n);
        }
    }

    private static void addScaledSum(double[] f, double[] scale, int r, double[] da, double[] db, int n) {
        for (int j = 0; j < n; j++) {
            f[r + j] += scale[r + j] * (da[j] + db[j]);
        }
    }

    private static void storeSum(double[] to, int r, double[] da, double[] db, int n) {
        for (int j = 0; j < n; j++) {
            to[r + j] = da[j] + db[j];
        }
    }
}
