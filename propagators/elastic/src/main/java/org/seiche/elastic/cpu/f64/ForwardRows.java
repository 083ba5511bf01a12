package org.seiche.elastic.cpu.f64;

/**
 * The forward update of one domain row's columns [from, to) (docs/elastic.md): each
 * derivative goes into a row buffer and gets its memory variable in the PML, and the buffers
 * update the fields; on steps stored for a gradient the brackets go to the history slot too
 * (slot -1: not stored). Works everywhere; {@link FusedRows} is the faster form where no
 * memory variable is active.
 */
final class ForwardRows {
    private ForwardRows() {
    }

    /** v_y += B_y dt (D_y sigma_yy + D_x sigma_xy). */
    static void velocityY(Grid g, Wavefields w, History h, int slot, int i, RowBuffers b, int from, int to) {
        int r = g.row(i);
        double[] da = b.a;
        double[] db = b.b;
        Derivatives.halfY(g, w.syy, i, da, from, to);
        if (g.pmlRowHalf[i]) {
            Memory.row(w.mSyyY[r], g.ayHalf[i], g.byHalf[i], da, from, to);
        }
        Derivatives.intX(g, w.sxy, i, b, db, from, to);
        Memory.columns(w.mSxyX[r], g.axInt, g.bxInt, db, from, to, g.leftInt, g.rightInt);
        Pointwise.add(da, db, from, to);
        Pointwise.update(w.vy[r], g.buoyancyYDt[r], da, from, to);
        if (slot >= 0 && h.divergenceY != null) {
            store(g, da, h, h.divergenceY, slot, r, from, to);
        }
    }

    /** v_x += B_x dt (D_x sigma_xx + D_y sigma_xy). */
    static void velocityX(Grid g, Wavefields w, History h, int slot, int i, RowBuffers b, int from, int to) {
        int r = g.row(i);
        double[] da = b.a;
        double[] db = b.b;
        Derivatives.halfX(g, w.sxx, i, b, da, from, to);
        Memory.columns(w.mSxxX[r], g.axHalf, g.bxHalf, da, from, to, g.leftHalf, g.rightHalf);
        Derivatives.intY(g, w.sxy, i, db, from, to);
        if (g.pmlRowInt[i]) {
            Memory.row(w.mSxyY[r], g.ayInt[i], g.byInt[i], db, from, to);
        }
        Pointwise.add(da, db, from, to);
        Pointwise.update(w.vx[r], g.buoyancyXDt[r], da, from, to);
        if (slot >= 0 && h.divergenceX != null) {
            store(g, da, h, h.divergenceX, slot, r, from, to);
        }
    }

    /** sigma_yy += dt ((lamb + 2 mu) D_y v_y + lamb D_x v_x), sigma_xx += dt ((lamb + 2 mu) D_x v_x + lamb D_y v_y). */
    static void normalStresses(Grid g, Wavefields w, History h, int slot, int i, RowBuffers b, int from, int to) {
        int r = g.row(i);
        double[] da = b.a;
        double[] db = b.b;
        Derivatives.intY(g, w.vy, i, da, from, to);
        if (g.pmlRowInt[i]) {
            Memory.row(w.mVyY[r], g.ayInt[i], g.byInt[i], da, from, to);
        }
        Derivatives.intX(g, w.vx, i, b, db, from, to);
        Memory.columns(w.mVxX[r], g.axInt, g.bxInt, db, from, to, g.leftInt, g.rightInt);
        Pointwise.update(w.syy[r], g.lambTwoMuDt[r], da, g.lambDt[r], db, from, to);
        Pointwise.update(w.sxx[r], g.lambTwoMuDt[r], db, g.lambDt[r], da, from, to);
        if (slot >= 0 && h.strainYy != null) {
            store(g, da, h, h.strainYy, slot, r, from, to);
            store(g, db, h, h.strainXx, slot, r, from, to);
        }
    }

    /** sigma_xy += dt mu_xy (D_x v_y + D_y v_x). */
    static void shearStress(Grid g, Wavefields w, History h, int slot, int i, RowBuffers b, int from, int to) {
        int r = g.row(i);
        double[] da = b.a;
        double[] db = b.b;
        Derivatives.halfX(g, w.vy, i, b, da, from, to);
        Memory.columns(w.mVyX[r], g.axHalf, g.bxHalf, da, from, to, g.leftHalf, g.rightHalf);
        Derivatives.halfY(g, w.vx, i, db, from, to);
        if (g.pmlRowHalf[i]) {
            Memory.row(w.mVxY[r], g.ayHalf[i], g.byHalf[i], db, from, to);
        }
        Pointwise.add(da, db, from, to);
        Pointwise.update(w.sxy[r], g.muXyDt[r], da, from, to);
        if (slot >= 0 && h.shear != null) {
            store(g, da, h, h.shear, slot, r, from, to);
        }
    }

    /** Copies columns [from, to) of a row buffer into grid row r of a stored term's slot. */
    private static void store(Grid g, double[] row, History h, double[][] term, int slot, int r, int from, int to) {
        System.arraycopy(row, from, h.array(term, slot), h.offset(slot) + r * g.width + from, to - from);
    }
}
