package org.seiche.acoustic.cpu.f64;

import java.util.Arrays;

import org.seiche.acoustic.cpu.Bands;
import org.seiche.acoustic.cpu.Layout;
import org.seiche.acoustic.spi.AcousticShots;
import org.seiche.acoustic.spi.PointSet;

/**
 * The time loops of one shot (README, "The update" and "The adjoint"). Forward, per step:
 * record the receivers; v_a -= dt B_a (G_a p + psi_a) at the half points along each axis a,
 * with psi_a = aH psi_a + bH G_a p in the PML; add the velocity sources; p -= dt K sum_a
 * (D_a v_a + phi_a), phi_a = aI phi_a + bI D_a v_a; add the pressure sources. G_a is the
 * staggered derivative at i + 1/2, D_a at i. The adjoint runs the transposed step backward
 * in three sweeps. Lines along x are swept in bands; a sweep reads only fields the sweep
 * before it finished. Along a line, derivatives go into a line buffer (one loop, the stencil
 * unrolled: the compiler vectorises it), then pointwise loops use them; a line is cut into
 * runs by its PML (see {@link Kernel#runsInt}).
 */
final class Steps {
    /** Profile index for a run of cells outside the PML. */
    static final int NONE = -2;
    /** Profile index for a run of cells in the PML along x: each cell's own column. */
    static final int COLUMN = -1;
    private final Kernel kn;
    private final Layout layout;
    private final Fields f;
    private final History h;
    private final Bands bands;
    private final double dt;
    /** Per band: a derivative along a line, and a sum over the axes. */
    private final double[][] derivative;
    private final double[][] sum;
    /**
     * Whether lines with PML take the fused SIMD loops: in 2-D only. In 3-D those loops, with
     * a third axis, boxed their vectors (1.3 GB of garbage a second on 140^3, twice the time
     * of the portable loops there, measured under load), so 3-D takes the fused loops for the
     * interior only and the single-axis ones ({@link #simdRuns}) for the rest.
     */
    private final boolean pmlSimd;
    /**
     * Whether the runs the fused loops leave (3-D lines with PML along z or y, the x strips)
     * take the single-axis SIMD loops, which agree with the portable ones to the bit; the
     * system property seiche.vector.pml=false keeps them portable.
     */
    private final boolean simdRuns;
    /** Per band: where each axis's velocity bracket is stored this step (null: not stored). */
    private final double[][][] store;

    Steps(Kernel kernel, Fields fields, History history, Bands bands) {
        this.kn = kernel;
        this.layout = kernel.layout;
        this.f = fields;
        this.h = history;
        this.bands = bands;
        this.dt = kernel.dt;
        this.derivative = new double[bands.count()][layout.nx];
        this.sum = new double[bands.count()][layout.nx];
        this.store = new double[bands.count()][3][];
        this.pmlSimd = kernel.interior != null && layout.ndim == 2;
        this.simdRuns = kernel.interior != null && layout.ndim == 3 && !"false".equals(System.getProperty("seiche.vector.pml"));
    }

    void forward(AcousticShots shots, int shot, double[] sources, double[] receivers) {
        int steps = shots.steps();
        for (int t = 0; t < steps; t++) {
            points(shots.receivers(), shot, receivers, steps, t, true, true, false);
            int slot = h == null ? -1 : h.slot(t);
            step(shots, shot, sources, t, slot < 0 ? -1 : h.beginForward(slot, f));
            if (slot >= 0) {
                h.endForward(slot);
            }
            shots.listener().stepped(1);
        }
    }

    /** Forward step t, sources included, keeping the terms of stored step slot (-1: none). */
    private void step(AcousticShots shots, int shot, double[] sources, int t, int slot) {
        int steps = shots.steps();
        bands.run(band -> velocities(band, slot));
        points(shots.sources(), shot, sources, steps, t, false, true, true);
        bands.run(band -> pressure(band, slot));
        points(shots.sources(), shot, sources, steps, t, true, false, true);
    }

    /** The adjoint steps; {@code sources} (the forward traces) for the steps checkpointing recomputes. */
    void adjoint(AcousticShots shots, int shot, double[] sources, double[] receiverAdjoint, double[] sourceAdjoint) {
        int steps = shots.steps();
        Steps replay = h != null && h.checkpointed() ? new Steps(kn, h.replay(), h, bands) : null;
        for (int t = steps - 1; t >= 0; t--) {
            points(shots.sources(), shot, sourceAdjoint, steps, t, true, false, false);
            int slot = h == null ? -1 : h.slot(t);
            if (slot >= 0) {
                h.beginAdjoint(slot, replay == null ? null : (tr, kept) -> replay.step(shots, shot, sources, tr, kept));
            }
            bands.run(this::adjointTerms);
            bands.run(band -> adjointVelocities(band, slot));
            points(shots.sources(), shot, sourceAdjoint, steps, t, false, true, false);
            bands.run(band -> adjointPressure(band, slot));
            points(shots.receivers(), shot, receiverAdjoint, steps, t, true, true, true);
            if (slot >= 0) {
                h.endAdjoint(slot);
            }
            shots.listener().stepped(1);
        }
    }

    /**
     * For this shot's points of the chosen kinds, at step t: inject (field += trace sample)
     * or record (trace sample += field).
     */
    private void points(PointSet set, int shot, double[] traces, int steps, int t, boolean pressure, boolean velocity,
                        boolean inject) {
        for (int q = set.shotStart()[shot]; q < set.shotStart()[shot + 1]; q++) {
            int field = set.fields()[q];
            if (field == PointSet.PRESSURE ? pressure : velocity) {
                double[] values = Batch.field(f, kn, field);
                int sample = set.traces()[q] * steps + t;
                if (inject) {
                    values[set.cells()[q]] += traces[sample];
                } else {
                    traces[sample] += values[set.cells()[q]];
                }
            }
        }
    }

    /**
     * out[j] (+)= the staggered derivative along stride s of x at cell base + j, j in [from, to):
     * at the half point j + 1/2 of integer-point values (half), or at j of half-point values.
     * One pass per stencil length, its terms unrolled, so that each is a single vector loop.
     */
    private static void derivative(double[] x, int base, int s, double[] c, boolean half, int from, int to,
                                   double[] out, boolean add) {
        // x[ahead + k s + j] - x[behind - k s + j] is the k-th term's difference
        int ahead = base + (half ? s : 0);
        int behind = base - (half ? 0 : s);
        switch (c.length) {
            case 1 -> {
                double c0 = c[0];
                for (int j = from; j < to; j++) {
                    out[j] = (add ? out[j] : 0) + c0 * (x[ahead + j] - x[behind + j]);
                }
            }
            case 2 -> {
                double c0 = c[0];
                double c1 = c[1];
                for (int j = from; j < to; j++) {
                    out[j] = (add ? out[j] : 0) + c0 * (x[ahead + j] - x[behind + j])
                            + c1 * (x[ahead + s + j] - x[behind - s + j]);
                }
            }
            case 3 -> {
                double c0 = c[0];
                double c1 = c[1];
                double c2 = c[2];
                for (int j = from; j < to; j++) {
                    out[j] = (add ? out[j] : 0) + c0 * (x[ahead + j] - x[behind + j])
                            + c1 * (x[ahead + s + j] - x[behind - s + j]) + c2 * (x[ahead + 2 * s + j] - x[behind - 2 * s + j]);
                }
            }
            default -> {
                double c0 = c[0];
                double c1 = c[1];
                double c2 = c[2];
                double c3 = c[3];
                for (int j = from; j < to; j++) {
                    out[j] = (add ? out[j] : 0) + c0 * (x[ahead + j] - x[behind + j])
                            + c1 * (x[ahead + s + j] - x[behind - s + j]) + c2 * (x[ahead + 2 * s + j] - x[behind - 2 * s + j])
                            + c3 * (x[ahead + 3 * s + j] - x[behind - 3 * s + j]);
                }
            }
        }
    }

    /** The runs of line l along an axis. */
    private int[][] runs(int l, int axis, boolean halfPoints) {
        int[][][] r = halfPoints ? kn.runsHalf[axis] : kn.runsInt[axis];
        return axis == 2 ? r[0] : r[layout.lineCoordinate(l, axis)];
    }

    /** Whether line l has no PML along z and y (and is not the last row of half points there). */
    private boolean interiorLine(int l, boolean halfPoints) {
        for (int axis = 0; axis < 2; axis++) {
            if (layout.present[axis]) {
                int[][] r = runs(l, axis, halfPoints);
                if (r.length != 1 || r[0][2] != NONE) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether line l has points along axis 0 or 1 (the last row of half points has none). */
    private boolean rows(int l, int axis, boolean halfPoints) {
        return runs(l, axis, halfPoints).length > 0;
    }

    /** The y profile's value at line l (2-D: row l). */
    private static double profile(double[][] profiles, int l) {
        return profiles[1][l];
    }

    private void velocities(int band, int slot) {
        double[] g = derivative[band];
        double[][] stores = store[band];
        for (int axis = 0; axis < 3; axis++) {
            stores[axis] = slot < 0 ? null : h.gradient(axis, slot);
        }
        int storeAt = slot < 0 ? 0 : h.offset();
        int[] x = kn.runsHalf[2][0][1];
        for (int l = bands.from(band); l < bands.to(band); l++) {
            int base = layout.lineStart(l);
            // [0, head) and [simdFrom, simdTo) done by the SIMD loops, the rest by the portable ones
            int head = 0;
            int simdFrom = 0;
            int simdTo = 0;
            if (pmlSimd) {
                boolean yOn = rows(l, 1, true);
                double ya = profile(kn.aHalf, l);
                double yb = profile(kn.bHalf, l);
                if (interiorLine(l, true)) {
                    head = kn.interior.pmlVelocities(f, base, 0, x[0], stores, storeAt, yOn, ya, yb);
                    simdFrom = x[0];
                    simdTo = kn.interior.velocities(f, base, x[0], x[1], stores, storeAt);
                }
                simdTo = kn.interior.pmlVelocities(f, base, simdTo, layout.nx - 1, stores, storeAt, yOn, ya, yb);
            } else if (kn.interior != null && interiorLine(l, true)) {
                simdFrom = x[0];
                simdTo = kn.interior.velocities(f, base, x[0], x[1], stores, storeAt);
            }
            for (int axis = 0; axis < 3; axis++) {
                if (!layout.present[axis]) {
                    continue;
                }
                for (int[] r : runs(l, axis, true)) {
                    velocityRun(axis, base, Math.max(r[0], head), Math.min(r[1], simdFrom), r[2], g, stores[axis], storeAt);
                    velocityRun(axis, base, Math.max(r[0], simdTo), r[1], r[2], g, stores[axis], storeAt);
                }
            }
        }
    }

    /** The velocity along an axis at the half points [from, to) of the line at base, in profile q's PML or none. */
    private void velocityRun(int axis, int base, int from, int to, int q, double[] g, double[] store, int storeAt) {
        if (simdRuns && from < to) {
            from = kn.interior.velocityRun(f, axis, base, from, to, q, store, storeAt);
        }
        if (from >= to) {
            return;
        }
        double[] v = f.v[axis];
        double[] psi = f.psi[axis];
        double[] b = kn.buoyancy[axis];
        double[] ah = kn.aHalf[axis];
        double[] bh = kn.bHalf[axis];
        derivative(f.p, base, layout.stride[axis], kn.stencil[axis], true, from, to, g, false);
        if (q != NONE) {
            for (int j = from; j < to; j++) {
                int c = q == COLUMN ? j : q;
                int i = base + j;
                psi[i] = ah[c] * psi[i] + bh[c] * g[j];
                g[j] += psi[i];
            }
        }
        if (store != null) {
            System.arraycopy(g, from, store, storeAt + base + from, to - from);
        }
        for (int j = from; j < to; j++) {
            v[base + j] -= dt * b[base + j] * g[j];
        }
    }

    private void pressure(int band, int slot) {
        double[] g = derivative[band];
        double[] div = sum[band];
        double[] store = slot < 0 ? null : h.divergence(slot);
        int storeAt = slot < 0 ? 0 : h.offset();
        int[] x = kn.runsInt[2][0][1];
        int nx = layout.nx;
        for (int l = bands.from(band); l < bands.to(band); l++) {
            int base = layout.lineStart(l);
            // [0, head) and [simdFrom, simdTo) done by the SIMD loops, the rest by the portable one
            int head = 0;
            int simdFrom = 0;
            int simdTo = 0;
            if (pmlSimd) {
                double ya = profile(kn.aInt, l);
                double yb = profile(kn.bInt, l);
                if (interiorLine(l, false)) {
                    head = kn.interior.pmlPressure(f, base, 0, x[0], store, storeAt, ya, yb);
                    simdFrom = x[0];
                    simdTo = kn.interior.pressure(f, base, x[0], x[1], store, storeAt);
                }
                simdTo = kn.interior.pmlPressure(f, base, simdTo, nx, store, storeAt, ya, yb);
            } else if (kn.interior != null && interiorLine(l, false)) {
                simdFrom = x[0];
                simdTo = kn.interior.pressure(f, base, x[0], x[1], store, storeAt);
            }
            pressureRun(l, base, head, simdFrom, g, div, store, storeAt);
            pressureRun(l, base, simdTo, nx, g, div, store, storeAt);
        }
    }

    /** The pressure at the cells [from, to) of line l. */
    private void pressureRun(int l, int base, int from, int to, double[] g, double[] div, double[] store, int storeAt) {
        if (from >= to) {
            return;
        }
        double[] p = f.p;
        double[] k = kn.k;
        Arrays.fill(div, from, to, 0);
        for (int axis = 0; axis < 3; axis++) {
            if (!layout.present[axis]) {
                continue;
            }
            double[] v = f.v[axis];
            double[] phi = f.phi[axis];
            double[] a = kn.aInt[axis];
            double[] b = kn.bInt[axis];
            for (int[] r : runs(l, axis, false)) {
                int lo = Math.max(r[0], from);
                int hi = Math.min(r[1], to);
                if (simdRuns && lo < hi) {
                    lo = kn.interior.pressureRun(f, axis, base, lo, hi, r[2], div);
                }
                if (lo >= hi) {
                    continue;
                }
                if (r[2] == NONE) {
                    derivative(v, base, layout.stride[axis], kn.stencil[axis], false, lo, hi, div, true);
                    continue;
                }
                derivative(v, base, layout.stride[axis], kn.stencil[axis], false, lo, hi, g, false);
                for (int j = lo; j < hi; j++) {
                    int q = r[2] == COLUMN ? j : r[2];
                    int i = base + j;
                    phi[i] = a[q] * phi[i] + b[q] * g[j];
                    div[j] += g[j] + phi[i];
                }
            }
        }
        if (store != null) {
            System.arraycopy(div, from, store, storeAt + base + from, to - from);
        }
        for (int j = from; j < to; j++) {
            p[base + j] -= dt * k[base + j] * div[j];
        }
    }

    /** Adjoint, first sweep: w_a = bI phi_a - dt (1 + bI) K p at the integer points (the old phi and p). */
    private void adjointTerms(int band) {
        double[] p = f.p;
        double[] k = kn.k;
        for (int l = bands.from(band); l < bands.to(band); l++) {
            int base = layout.lineStart(l);
            for (int axis = 0; axis < 3; axis++) {
                if (!layout.present[axis]) {
                    continue;
                }
                double[] w = f.w[axis];
                double[] phi = f.phi[axis];
                double[] b = kn.bInt[axis];
                for (int[] r : runs(l, axis, false)) {
                    if (r[2] == NONE) {
                        for (int j = r[0]; j < r[1]; j++) {
                            w[base + j] = -dt * k[base + j] * p[base + j];
                        }
                    } else {
                        for (int j = r[0]; j < r[1]; j++) {
                            int i = base + j;
                            double bq = b[r[2] == COLUMN ? j : r[2]];
                            w[i] = bq * phi[i] - dt * (1 + bq) * k[i] * p[i];
                        }
                    }
                }
            }
        }
    }

    /**
     * Adjoint, second sweep, at the half points: v_a -= G_a w_a (the transpose of D_a is
     * -G_a), the buoyancy sum, then u_a = bH psi_a - (1 + bH) dt B_a v_a and
     * psi_a = aH (psi_a - dt B_a v_a) with the old psi.
     */
    private void adjointVelocities(int band, int slot) {
        double[] g = derivative[band];
        double[][] stored = store[band];
        for (int axis = 0; axis < 3; axis++) {
            stored[axis] = slot < 0 ? null : h.gradient(axis, slot);
        }
        int storeAt = slot < 0 ? 0 : h.offset();
        int[] x = kn.runsHalf[2][0][1];
        for (int l = bands.from(band); l < bands.to(band); l++) {
            int base = layout.lineStart(l);
            int head = 0;
            int simdFrom = 0;
            int simdTo = 0;
            if (pmlSimd) {
                boolean yOn = rows(l, 1, true);
                double ya = profile(kn.aHalf, l);
                double yb = profile(kn.bHalf, l);
                if (interiorLine(l, true)) {
                    head = kn.interior.pmlAdjointVelocities(f, base, 0, x[0], stored, storeAt, yOn, ya, yb);
                    simdFrom = x[0];
                    simdTo = kn.interior.adjointVelocities(f, base, x[0], x[1], stored, storeAt);
                }
                simdTo = kn.interior.pmlAdjointVelocities(f, base, simdTo, layout.nx - 1, stored, storeAt, yOn, ya, yb);
            } else if (kn.interior != null && interiorLine(l, true)) {
                simdFrom = x[0];
                simdTo = kn.interior.adjointVelocities(f, base, x[0], x[1], stored, storeAt);
            }
            for (int axis = 0; axis < 3; axis++) {
                if (!layout.present[axis]) {
                    continue;
                }
                for (int[] r : runs(l, axis, true)) {
                    adjointVelocityRun(axis, base, Math.max(r[0], head), Math.min(r[1], simdFrom), r[2], g, stored[axis], storeAt);
                    adjointVelocityRun(axis, base, Math.max(r[0], simdTo), r[1], r[2], g, stored[axis], storeAt);
                }
            }
        }
    }

    private void adjointVelocityRun(int axis, int base, int from, int to, int q, double[] g, double[] stored, int storeAt) {
        if (simdRuns && from < to) {
            from = kn.interior.adjointVelocityRun(f, axis, base, from, to, q, stored, storeAt);
        }
        if (from >= to) {
            return;
        }
        double[] v = f.v[axis];
        double[] u = f.u[axis];
        double[] psi = f.psi[axis];
        double[] grad = f.gradientB[axis];
        double[] b = kn.buoyancy[axis];
        double[] ah = kn.aHalf[axis];
        double[] bh = kn.bHalf[axis];
        derivative(f.w[axis], base, layout.stride[axis], kn.stencil[axis], true, from, to, g, false);
        for (int j = from; j < to; j++) {
            v[base + j] -= g[j];
        }
        if (stored != null) {
            for (int j = from; j < to; j++) {
                grad[base + j] += v[base + j] * stored[storeAt + base + j];
            }
        }
        if (q == NONE) {
            for (int j = from; j < to; j++) {
                u[base + j] = -dt * b[base + j] * v[base + j];
            }
        } else {
            for (int j = from; j < to; j++) {
                int i = base + j;
                int c = q == COLUMN ? j : q;
                double bv = dt * b[i] * v[i];
                u[i] = bh[c] * psi[i] - (1 + bh[c]) * bv;
                psi[i] = ah[c] * (psi[i] - bv);
            }
        }
    }

    /**
     * Adjoint, third sweep, at the integer points: the K sum and phi_a = aI (phi_a - dt K p)
     * with the old p, then p -= sum_a D_a u_a (the transpose of G_a is -D_a).
     */
    private void adjointPressure(int band, int slot) {
        double[] total = sum[band];
        double[] stored = slot < 0 ? null : h.divergence(slot);
        int storeAt = slot < 0 ? 0 : h.offset();
        int[] x = kn.runsInt[2][0][1];
        for (int l = bands.from(band); l < bands.to(band); l++) {
            int base = layout.lineStart(l);
            int head = 0;
            int simdFrom = 0;
            int simdTo = 0;
            if (pmlSimd) {
                double ya = profile(kn.aInt, l);
                if (interiorLine(l, false)) {
                    head = kn.interior.pmlAdjointPressure(f, base, 0, x[0], stored, storeAt, ya);
                    simdFrom = x[0];
                    simdTo = kn.interior.adjointPressure(f, base, x[0], x[1], stored, storeAt);
                }
                simdTo = kn.interior.pmlAdjointPressure(f, base, simdTo, layout.nx, stored, storeAt, ya);
            } else if (kn.interior != null && interiorLine(l, false)) {
                simdFrom = x[0];
                simdTo = kn.interior.adjointPressure(f, base, x[0], x[1], stored, storeAt);
            }
            adjointPressureRun(l, base, head, simdFrom, total, stored, storeAt);
            adjointPressureRun(l, base, simdTo, layout.nx, total, stored, storeAt);
        }
    }

    private void adjointPressureRun(int l, int base, int from, int to, double[] total, double[] stored, int storeAt) {
        if (from >= to) {
            return;
        }
        double[] p = f.p;
        double[] k = kn.k;
        if (stored != null) {
            double[] grad = f.gradientK;
            for (int j = from; j < to; j++) {
                grad[base + j] += p[base + j] * stored[storeAt + base + j];
            }
        }
        Arrays.fill(total, from, to, 0);
        for (int axis = 0; axis < 3; axis++) {
            if (!layout.present[axis]) {
                continue;
            }
            double[] phi = f.phi[axis];
            double[] a = kn.aInt[axis];
            for (int[] r : runs(l, axis, false)) {
                int lo = Math.max(r[0], from);
                int hi = Math.min(r[1], to);
                if (simdRuns && lo < hi) {
                    lo = kn.interior.adjointPressureRun(f, axis, base, lo, hi, r[2], total);
                }
                if (lo >= hi) {
                    continue;
                }
                if (r[2] != NONE) {
                    for (int j = lo; j < hi; j++) {
                        int i = base + j;
                        double aq = a[r[2] == COLUMN ? j : r[2]];
                        phi[i] = aq * (phi[i] - dt * k[i] * p[i]);
                    }
                }
                derivative(f.u[axis], base, layout.stride[axis], kn.stencil[axis], false, lo, hi, total, true);
            }
        }
        for (int j = from; j < to; j++) {
            p[base + j] -= total[j];
        }
    }
}
