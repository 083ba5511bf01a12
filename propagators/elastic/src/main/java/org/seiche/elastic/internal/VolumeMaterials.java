package org.seiche.elastic.internal;

import org.seiche.api.Precision;
import org.seiche.elastic.cpu.VolumeGrid;
import org.seiche.wave.Padding;

/**
 * lamb, mu and buoyancy of a 1-D or 3-D model extended into the PML (edge values repeated)
 * and placed on the staggered points as in 2-D (docs/elastic.md): the buoyancy of v_d, half
 * a cell after its cell along d, is 1 over the mean of the two cells' rho; the shear modulus
 * of the pair (d, e), half a cell after its cell along both, the harmonic mean of the four
 * cells around it (0 if any is 0); a magnitude at most 1/sqrt(largest finite value of the
 * precision) counts as zero. Points whose shift would leave the domain stay zero. Also the
 * adjoint, taking the coefficients' gradients back to the model's cells.
 */
final class VolumeMaterials {
    private final Padding padding;
    private final int ndim;
    private final int[] domain;
    private final int[] step;
    private final int halo;
    private final double zero;
    private final double[] lamb;
    private final double[] mu;
    private final double[] rho;
    private final double[][] shear;
    private final double[][] buoyancy;

    /** widths: PML cells [start, end] per dimension; halo: zero cells around the domain. */
    VolumeMaterials(Materials m, int[] widths, int halo, Precision precision) {
        ndim = m.shape.length;
        int[] before = new int[ndim];
        int[] after = new int[ndim];
        for (int d = 0; d < ndim; d++) {
            before[d] = widths[2 * d];
            after[d] = widths[2 * d + 1];
        }
        padding = new Padding(m.shape, before, after);
        domain = padding.paddedShape();
        step = new int[ndim];
        for (int d = ndim - 1, s = 1; d >= 0; d--) {
            step[d] = s;
            s *= domain[d];
        }
        this.halo = halo;
        zero = 1 / Math.sqrt(precision == Precision.FLOAT64 ? Double.MAX_VALUE : Float.MAX_VALUE);
        lamb = padding.extendEdges(m.lamb);
        mu = padding.extendEdges(m.mu);
        double[] b = padding.extendEdges(m.buoyancy);
        int n = b.length;
        rho = new double[n];
        for (int p = 0; p < n; p++) {
            rho[p] = Math.abs(b[p]) > zero ? 1 / b[p] : 0;
        }
        buoyancy = new double[ndim][n];
        shear = new double[VolumeGrid.pairs(ndim)][n];
        int[] at = new int[ndim];
        for (int p = 0; p < n; p++) {
            coordinates(p, at);
            for (int d = 0; d < ndim; d++) {
                if (at[d] < domain[d] - 1) {
                    double mean = (rho[p] + rho[p + step[d]]) / 2;
                    buoyancy[d][p] = Math.abs(mean) > zero ? 1 / mean : 0;
                    for (int e = d + 1; e < ndim; e++) {
                        if (at[e] < domain[e] - 1) {
                            shear[VolumeGrid.pair(d, e)][p] = harmonicMean(corners(p, d, e));
                        }
                    }
                }
            }
        }
    }

    private void coordinates(int p, int[] at) {
        for (int d = ndim - 1, rest = p; d >= 0; d--) {
            at[d] = rest % domain[d];
            rest /= domain[d];
        }
    }

    /** The four cells around the shear point of (d, e) at cell p. */
    private int[] corners(int p, int d, int e) {
        return new int[] {p, p + step[d], p + step[e], p + step[d] + step[e]};
    }

    private double harmonicMean(int[] cells) {
        double sum = 0;
        for (int q : cells) {
            if (Math.abs(mu[q]) <= zero) {
                return 0;
            }
            sum += 1 / mu[q];
        }
        return 4 / sum;
    }

    int[] domain() {
        return domain.clone();
    }

    double[] lamb() {
        return toGrid(lamb);
    }

    double[] mu() {
        return toGrid(mu);
    }

    double[][] shear() {
        double[][] out = new double[shear.length][];
        for (int q = 0; q < shear.length; q++) {
            out[q] = toGrid(shear[q]);
        }
        return out;
    }

    double[][] buoyancy() {
        double[][] out = new double[ndim][];
        for (int d = 0; d < ndim; d++) {
            out[d] = toGrid(buoyancy[d]);
        }
        return out;
    }

    /**
     * Gradients of the model's lamb, mu and buoyancy from those of the grid's coefficients
     * (grid layout, in {@link org.seiche.elastic.cpu.VolumeNumerics.VolumeAdjoint}'s order:
     * lamb, mu, shear pairs, buoyancy per dimension; null counts as zero).
     */
    double[][] modelGradients(double[][] g) {
        int pairs = shear.length;
        double[] gLamb = fromGrid(g[0]);
        double[] gMu = fromGrid(g[1]);
        int n = rho.length;
        double[] gRho = new double[n];
        for (int q = 0; q < pairs; q++) {
            double[] gShear = fromGrid(g[2 + q]);
            int d = q < 2 ? 0 : 1;
            int e = q < 2 ? q + 1 : 2;
            for (int p = 0; p < n; p++) {
                double s = shear[q][p];
                if (s != 0 && gShear[p] != 0) {
                    // d(4 / sum 1/mu_c) / d mu_c = s^2 / (4 mu_c^2)
                    double f = gShear[p] * s * s / 4;
                    for (int c : corners(p, d, e)) {
                        gMu[c] += f / (mu[c] * mu[c]);
                    }
                }
            }
        }
        for (int d = 0; d < ndim; d++) {
            double[] gB = fromGrid(g[2 + pairs + d]);
            for (int p = 0; p < n; p++) {
                // d(1 / mean) / d rho = -B^2 / 2 for each of the two cells
                double f = -gB[p] * buoyancy[d][p] * buoyancy[d][p] / 2;
                if (f != 0) {
                    gRho[p] += f;
                    gRho[p + step[d]] += f;
                }
            }
        }
        double[] gBuoyancy = new double[n];
        for (int p = 0; p < n; p++) {
            gBuoyancy[p] = -rho[p] * rho[p] * gRho[p];
        }
        return new double[][] {padding.sumEdges(gLamb), padding.sumEdges(gMu), padding.sumEdges(gBuoyancy)};
    }

    /** Grid flat index of domain cell p (row-major over the domain). */
    private int gridIndex(int p, int[] at) {
        coordinates(p, at);
        int q = 0;
        for (int d = 0; d < ndim; d++) {
            q = q * (domain[d] + 2 * halo) + at[d] + halo;
        }
        return q;
    }

    private int gridSize() {
        int n = 1;
        for (int d = 0; d < ndim; d++) {
            n *= domain[d] + 2 * halo;
        }
        return n;
    }

    private double[] toGrid(double[] values) {
        double[] grid = new double[gridSize()];
        int[] at = new int[ndim];
        for (int p = 0; p < values.length; p++) {
            grid[gridIndex(p, at)] = values[p];
        }
        return grid;
    }

    private double[] fromGrid(double[] grid) {
        double[] values = new double[rho.length];
        if (grid != null) {
            int[] at = new int[ndim];
            for (int p = 0; p < values.length; p++) {
                values[p] = grid[gridIndex(p, at)];
            }
        }
        return values;
    }
}
