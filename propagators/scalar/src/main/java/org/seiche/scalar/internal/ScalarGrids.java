package org.seiche.scalar.internal;

import org.seiche.api.Locations;
import org.seiche.api.PropagatorSettings;
import org.seiche.scalar.spi.PmlProfile;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.Transducers;
import org.seiche.wave.Cpml;
import org.seiche.wave.Padding;

/**
 * Builds the {@link ScalarGrid} of a scalar simulation (padding, velocity extended into the
 * PML by repeating its edge values, C-PML profiles), places sources and receivers on it, and
 * takes gradients on the padded grid back to the model.
 */
public final class ScalarGrids {
    private ScalarGrids() {
    }

    /**
     * @param v        velocity, row-major over modelShape
     * @param dt       the inner (stable) time step
     * @param maxVel   the velocity the PML is scaled for
     */
    public static ScalarGrid of(double[] v, int[] modelShape, double[] spacing, PropagatorSettings settings, double dt,
                                double maxVel) {
        int accuracy = settings.accuracy();
        int[] widths = settings.widths(modelShape.length);
        int guard = accuracy / 2;
        int ndim = modelShape.length;
        int[] before = new int[ndim];
        int[] after = new int[ndim];
        for (int d = 0; d < ndim; d++) {
            before[d] = widths[2 * d] + guard;
            after[d] = widths[2 * d + 1] + guard;
        }
        Padding padding = new Padding(modelShape, before, after);
        double[] velocity = padding.extendEdges(v);
        double[] v2dt2 = new double[velocity.length];
        for (int i = 0; i < v2dt2.length; i++) {
            v2dt2[i] = velocity[i] * velocity[i] * dt * dt;
        }
        Cpml cpml = new Cpml(maxVel, settings.pmlFreq(), Cpml.longestMetres(widths, spacing), dt);
        PmlProfile[] profiles = new PmlProfile[ndim];
        for (int d = 0; d < ndim; d++) {
            profiles[d] = profile(modelShape[d], widths[2 * d], widths[2 * d + 1], guard, cpml,
                    ScalarGrid.firstDerivative(accuracy, spacing[d]));
        }
        return new ScalarGrid(modelShape, spacing, accuracy, dt, padding, velocity, v2dt2, profiles);
    }

    /**
     * The C-PML profile of one dimension (see {@link PmlProfile}).
     *
     * @param cells      model cells along this dimension
     * @param widthStart PML cells before the model (0 = rigid/free surface)
     * @param widthEnd   PML cells after the model
     * @param guard      zero guard cells beyond the PML (accuracy / 2)
     * @param firstDerivative the first-difference coefficients c_1..c_guard, divided by the spacing
     */
    private static PmlProfile profile(int cells, int widthStart, int widthEnd, int guard, Cpml cpml,
                                      double[] firstDerivative) {
        int n = cells + widthStart + widthEnd + 2 * guard;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] db = new double[n];
        int first = guard + widthStart; // padded index of the model's first cell
        for (int p = 0; p < n; p++) {
            double frac = frac(p - first, cells, widthStart, widthEnd);
            a[p] = cpml.a(frac);
            b[p] = cpml.b(frac);
        }
        int domainStart = guard;
        int domainEnd = n - guard;
        for (int p = domainStart; p < domainEnd; p++) {
            double s = 0;
            for (int k = 1; k <= guard; k++) {
                s += firstDerivative[k - 1] * (b[p + k] - b[p - k]);
            }
            db[p] = s;
        }
        int lo = domainStart;
        while (lo < domainEnd && !quiet(lo, guard, a, b, db)) {
            lo++;
        }
        int hi = lo;
        while (hi < domainEnd && quiet(hi, guard, a, b, db)) {
            hi++;
        }
        return new PmlProfile(a, b, db, domainStart, domainEnd, lo, hi);
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
    private static boolean quiet(int p, int guard, double[] a, double[] b, double[] db) {
        for (int q = p - guard; q <= p + guard; q++) {
            if (a[q] != 0 || b[q] != 0 || db[q] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * d loss / d v on the model from d loss / d (v^2 dt^2) on the padded grid: the chain rule
     * 2 v dt^2, and the extended PML cells summed back onto the edge cells they repeat.
     */
    public static double[] velocityGradient(ScalarGrid grid, double[] v2dt2Gradient) {
        double[] velocity = grid.velocity();
        double dt = grid.dt();
        double[] g = new double[v2dt2Gradient.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = v2dt2Gradient[i] * 2 * velocity[i] * dt * dt;
        }
        return grid.padding().sumEdges(g);
    }

    /** Sources or receivers as padded cells of the grid, -1 for an unused one. */
    public static Transducers transducers(Locations locations, ScalarGrid grid) {
        int[] cells = new int[locations.shots() * locations.perShot()];
        int[] cell = new int[locations.ndim()];
        for (int s = 0; s < locations.shots(); s++) {
            for (int r = 0; r < locations.perShot(); r++) {
                if (locations.unused(s, r)) {
                    cells[s * locations.perShot() + r] = -1;
                    continue;
                }
                for (int d = 0; d < cell.length; d++) {
                    cell[d] = locations.coordinate(s, r, d);
                }
                cells[s * locations.perShot() + r] = grid.paddedIndex(cell);
            }
        }
        return new Transducers(locations.shots(), locations.perShot(), cells);
    }
}
