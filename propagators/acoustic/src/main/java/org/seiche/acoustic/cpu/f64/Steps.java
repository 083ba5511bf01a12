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
 * before it finished. Profiles along x vary along a line, so a line is cut into its left
 * PML strip, interior and right strip; along z and y a whole line is in the PML or not.
 */
final class Steps {
    /** Profile index for a run of cells outside the PML. */
    private static final int NONE = -2;
    /** Profile index for a run of cells in the PML along x: each cell's own column. */
    private static final int COLUMN = -1;
    private final Kernel kn;
    private final Layout layout;
    private final Fields f;
    private final History h;
    private final Bands bands;
    private final double dt;
    private final double[][] lineBuffers;

    Steps(Kernel kernel, Fields fields, History history, Bands bands) {
        this.kn = kernel;
        this.layout = kernel.layout;
        this.f = fields;
        this.h = history;
        this.bands = bands;
        this.dt = kernel.dt;
        this.lineBuffers = new double[bands.count()][layout.nx];
    }

    void forward(AcousticShots shots, int shot, double[] sources, double[] receivers) {
        int steps = shots.steps();
        int size = layout.grid.size();
        for (int t = 0; t < steps; t++) {
            points(shots.receivers(), shot, receivers, steps, t, true, true, false);
            int slot = h == null ? -1 : h.slot(t);
            if (slot >= 0) {
                allocate(slot, size);
            }
            bands.run(band -> velocities(band, slot));
            points(shots.sources(), shot, sources, steps, t, false, true, true);
            bands.run(band -> pressure(band, slot));
            points(shots.sources(), shot, sources, steps, t, true, false, true);
            shots.listener().stepped(1);
        }
    }

    void adjoint(AcousticShots shots, int shot, double[] receiverAdjoint, double[] sourceAdjoint) {
        int steps = shots.steps();
        for (int t = steps - 1; t >= 0; t--) {
            points(shots.sources(), shot, sourceAdjoint, steps, t, true, false, false);
            int slot = h == null ? -1 : h.slot(t);
            bands.run(this::adjointTerms);
            bands.run(band -> adjointVelocities(band, slot));
            points(shots.sources(), shot, sourceAdjoint, steps, t, false, true, false);
            bands.run(band -> adjointPressure(band, slot));
            points(shots.receivers(), shot, receiverAdjoint, steps, t, true, true, true);
            shots.listener().stepped(1);
        }
    }

    private void allocate(int slot, int size) {
        if (h.divergence != null) {
            h.divergence[slot] = new double[size];
        }
        for (int axis = 0; axis < 3; axis++) {
            if (h.gradient[axis] != null && layout.present[axis]) {
                h.gradient[axis][slot] = new double[size];
            }
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

    /** The staggered derivative at i + 1/2 along stride s (c: coefficients over the spacing). */
    private static double half(double[] x, int i, int s, double[] c) {
        double g = 0;
        for (int k = 0; k < c.length; k++) {
            g += c[k] * (x[i + (k + 1) * s] - x[i - k * s]);
        }
        return g;
    }

    /** The staggered derivative at i of values at the half points (value j sits at j + 1/2). */
    private static double integer(double[] x, int i, int s, double[] c) {
        double g = 0;
        for (int k = 0; k < c.length; k++) {
            g += c[k] * (x[i + k * s] - x[i - (k + 1) * s]);
        }
        return g;
    }

    /** Extent of the domain along an axis. */
    private int extent(int axis) {
        return axis == 0 ? layout.nz : axis == 1 ? layout.ny : layout.nx;
    }

    /** The runs of one line along an axis: {from, to, profile index} each; half points stop one cell short. */
    private int[][] runs(int line, int axis, boolean halfPoints) {
        int n = halfPoints && axis == 2 ? layout.nx - 1 : layout.nx;
        if (axis == 2) {
            int[] in = halfPoints ? layout.interiorHalf : layout.interiorInt;
            int lo = Math.min(in[0], n);
            int hi = Math.max(lo, Math.min(in[1], n));
            return new int[][] {{0, lo, COLUMN}, {lo, hi, NONE}, {hi, n, COLUMN}};
        }
        int q = layout.lineCoordinate(line, axis);
        if (halfPoints && q == extent(axis) - 1) {
            return new int[0][];
        }
        double[] a = halfPoints ? kn.aHalf[axis] : kn.aInt[axis];
        double[] b = halfPoints ? kn.bHalf[axis] : kn.bInt[axis];
        return new int[][] {{0, n, a[q] != 0 || b[q] != 0 ? q : NONE}};
    }

    private void velocities(int band, int slot) {
        for (int l = bands.from(band); l < bands.to(band); l++) {
            int base = layout.lineStart(l);
            for (int axis = 0; axis < 3; axis++) {
                if (layout.present[axis]) {
                    double[] store = slot < 0 || h.gradient[axis] == null ? null : h.gradient[axis][slot];
                    for (int[] r : runs(l, axis, true)) {
                        velocity(axis, base, r[0], r[1], r[2], store);
                    }
                }
            }
        }
    }

    private void velocity(int axis, int base, int from, int to, int at, double[] store) {
        double[] p = f.p;
        double[] v = f.v[axis];
        double[] psi = f.psi[axis];
        double[] b = kn.buoyancy[axis];
        double[] c = kn.stencil[axis];
        double[] ah = kn.aHalf[axis];
        double[] bh = kn.bHalf[axis];
        int s = layout.stride[axis];
        for (int j = from; j < to; j++) {
            int i = base + j;
            double g = half(p, i, s, c);
            if (at != NONE) {
                int q = at == COLUMN ? j : at;
                psi[i] = ah[q] * psi[i] + bh[q] * g;
                g += psi[i];
            }
            if (store != null) {
                store[i] = g;
            }
            v[i] -= dt * b[i] * g;
        }
    }

    private void pressure(int band, int slot) {
        double[] div = lineBuffers[band];
        double[] store = slot < 0 || h.divergence == null ? null : h.divergence[slot];
        double[] p = f.p;
        double[] k = kn.k;
        for (int l = bands.from(band); l < bands.to(band); l++) {
            int base = layout.lineStart(l);
            Arrays.fill(div, 0);
            for (int axis = 0; axis < 3; axis++) {
                if (layout.present[axis]) {
                    for (int[] r : runs(l, axis, false)) {
                        divergence(axis, base, r[0], r[1], r[2], div);
                    }
                }
            }
            for (int j = 0; j < layout.nx; j++) {
                int i = base + j;
                if (store != null) {
                    store[i] = div[j];
                }
                p[i] -= dt * k[i] * div[j];
            }
        }
    }

    private void divergence(int axis, int base, int from, int to, int at, double[] div) {
        double[] v = f.v[axis];
        double[] phi = f.phi[axis];
        double[] c = kn.stencil[axis];
        double[] a = kn.aInt[axis];
        double[] b = kn.bInt[axis];
        int s = layout.stride[axis];
        for (int j = from; j < to; j++) {
            int i = base + j;
            double d = integer(v, i, s, c);
            if (at != NONE) {
                int q = at == COLUMN ? j : at;
                phi[i] = a[q] * phi[i] + b[q] * d;
                d += phi[i];
            }
            div[j] += d;
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
                    for (int j = r[0]; j < r[1]; j++) {
                        int i = base + j;
                        if (r[2] == NONE) {
                            w[i] = -dt * k[i] * p[i];
                        } else {
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
        for (int l = bands.from(band); l < bands.to(band); l++) {
            int base = layout.lineStart(l);
            for (int axis = 0; axis < 3; axis++) {
                if (!layout.present[axis]) {
                    continue;
                }
                double[] stored = slot < 0 || h.gradient[axis] == null ? null : h.gradient[axis][slot];
                double[] v = f.v[axis];
                double[] w = f.w[axis];
                double[] u = f.u[axis];
                double[] psi = f.psi[axis];
                double[] grad = f.gradientB[axis];
                double[] b = kn.buoyancy[axis];
                double[] c = kn.stencil[axis];
                double[] ah = kn.aHalf[axis];
                double[] bh = kn.bHalf[axis];
                int s = layout.stride[axis];
                for (int[] r : runs(l, axis, true)) {
                    for (int j = r[0]; j < r[1]; j++) {
                        int i = base + j;
                        double vi = v[i] - half(w, i, s, c);
                        v[i] = vi;
                        if (stored != null) {
                            grad[i] += vi * stored[i];
                        }
                        double bv = dt * b[i] * vi;
                        if (r[2] == NONE) {
                            u[i] = -bv;
                        } else {
                            int q = r[2] == COLUMN ? j : r[2];
                            u[i] = bh[q] * psi[i] - (1 + bh[q]) * bv;
                            psi[i] = ah[q] * (psi[i] - bv);
                        }
                    }
                }
            }
        }
    }

    /**
     * Adjoint, third sweep, at the integer points: the K sum and phi_a = aI (phi_a - dt K p)
     * with the old p, then p -= sum_a D_a u_a (the transpose of G_a is -D_a).
     */
    private void adjointPressure(int band, int slot) {
        double[] sum = lineBuffers[band];
        double[] stored = slot < 0 || h.divergence == null ? null : h.divergence[slot];
        double[] p = f.p;
        double[] k = kn.k;
        double[] grad = f.gradientK;
        for (int l = bands.from(band); l < bands.to(band); l++) {
            int base = layout.lineStart(l);
            if (stored != null) {
                for (int j = 0; j < layout.nx; j++) {
                    grad[base + j] += p[base + j] * stored[base + j];
                }
            }
            Arrays.fill(sum, 0);
            for (int axis = 0; axis < 3; axis++) {
                if (!layout.present[axis]) {
                    continue;
                }
                double[] phi = f.phi[axis];
                double[] u = f.u[axis];
                double[] a = kn.aInt[axis];
                double[] c = kn.stencil[axis];
                int s = layout.stride[axis];
                for (int[] r : runs(l, axis, false)) {
                    for (int j = r[0]; j < r[1]; j++) {
                        int i = base + j;
                        if (r[2] != NONE) {
                            double aq = a[r[2] == COLUMN ? j : r[2]];
                            phi[i] = aq * (phi[i] - dt * k[i] * p[i]);
                        }
                        sum[j] += integer(u, i, s, c);
                    }
                }
            }
            for (int j = 0; j < layout.nx; j++) {
                p[base + j] -= sum[j];
            }
        }
    }
}
