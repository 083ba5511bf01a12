package org.seiche.elastic.internal;

import java.util.EnumMap;
import java.util.Map;

import org.seiche.api.Precision;
import org.seiche.elastic.spi.Coefficient;
import org.seiche.wave.Padding;

/**
 * lamb, mu and buoyancy extended into the PML (edge values repeated) and placed on the
 * staggered points by the improved vacuum method of docs/elastic.md: buoyancy at a velocity
 * point is the inverse of the mean of its two neighbours' densities, mu_xy the harmonic
 * mean of its four neighbours' mu, and a value of magnitude at most 1/sqrt(largest finite
 * value of the precision) counts as zero (vacuum). Also the adjoint of this map, taking the
 * kernel's coefficient gradients back to the model's cells.
 */
final class StaggeredMaterials {
    private final Padding padding;
    private final int ny;
    private final int nx;
    private final int halo;
    private final double zero;
    private final double[] lamb;
    private final double[] mu;
    private final double[] rho;
    private final double[] muXy;
    private final double[] buoyancyY;
    private final double[] buoyancyX;

    /** widths: PML cells [top, bottom, left, right]; halo: zero cells around the domain. */
    StaggeredMaterials(Materials m, int[] widths, int halo, Precision precision) {
        this.padding = new Padding(m.shape, new int[] {widths[0], widths[2]}, new int[] {widths[1], widths[3]});
        int[] domain = padding.paddedShape();
        this.ny = domain[0];
        this.nx = domain[1];
        this.halo = halo;
        this.zero = 1 / Math.sqrt(precision == Precision.FLOAT64 ? Double.MAX_VALUE : Float.MAX_VALUE);
        this.lamb = padding.extendEdges(m.lamb);
        this.mu = padding.extendEdges(m.mu);
        double[] buoyancy = padding.extendEdges(m.buoyancy);
        int n = ny * nx;
        rho = new double[n];
        for (int p = 0; p < n; p++) {
            rho[p] = Math.abs(buoyancy[p]) > zero ? 1 / buoyancy[p] : 0;
        }
        buoyancyY = new double[n];
        buoyancyX = new double[n];
        muXy = new double[n];
        for (int i = 0; i < ny; i++) {
            for (int j = 0; j < nx; j++) {
                int p = i * nx + j;
                if (i < ny - 1) {
                    buoyancyY[p] = inverseMean(rho[p], rho[p + nx]);
                }
                if (j < nx - 1) {
                    buoyancyX[p] = inverseMean(rho[p], rho[p + 1]);
                }
                if (i < ny - 1 && j < nx - 1) {
                    muXy[p] = harmonicMean(p);
                }
            }
        }
    }

    private double inverseMean(double a, double b) {
        double mean = (a + b) / 2;
        return Math.abs(mean) > zero ? 1 / mean : 0;
    }

    private double harmonicMean(int p) {
        double sum = 0;
        for (int q : corners(p)) {
            if (Math.abs(mu[q]) <= zero) {
                return 0;
            }
            sum += 1 / mu[q];
        }
        return 4 / sum;
    }

    /** The four cells around the shear point p (p, right, below, below right). */
    private int[] corners(int p) {
        return new int[] {p, p + 1, p + nx, p + nx + 1};
    }

    int ny() {
        return ny;
    }

    int nx() {
        return nx;
    }

    /** The coefficients in ElasticGrid's layout. */
    Map<Coefficient, double[]> coefficients() {
        Map<Coefficient, double[]> c = new EnumMap<>(Coefficient.class);
        c.put(Coefficient.LAMB, toGrid(lamb));
        c.put(Coefficient.MU, toGrid(mu));
        c.put(Coefficient.MU_XY, toGrid(muXy));
        c.put(Coefficient.BUOYANCY_Y, toGrid(buoyancyY));
        c.put(Coefficient.BUOYANCY_X, toGrid(buoyancyX));
        return c;
    }

    /**
     * Gradients of the model's lamb, mu and buoyancy from those of the coefficients (grid
     * layout; a coefficient not in the map counts as zero).
     */
    double[][] modelGradients(Map<Coefficient, double[]> g) {
        double[] gLamb = fromGrid(g.get(Coefficient.LAMB));
        double[] gMu = fromGrid(g.get(Coefficient.MU));
        double[] gMuXy = fromGrid(g.get(Coefficient.MU_XY));
        double[] gBy = fromGrid(g.get(Coefficient.BUOYANCY_Y));
        double[] gBx = fromGrid(g.get(Coefficient.BUOYANCY_X));
        int n = ny * nx;
        double[] gRho = new double[n];
        for (int p = 0; p < n; p++) {
            if (muXy[p] != 0) {
                // d(4 / sum 1/mu_q) / d mu_q = mu_xy^2 / (4 mu_q^2)
                double f = gMuXy[p] * muXy[p] * muXy[p] / 4;
                for (int q : corners(p)) {
                    gMu[q] += f / (mu[q] * mu[q]);
                }
            }
            // d(1 / mean) / d rho = -B^2 / 2 for each of the two neighbours
            double fy = -gBy[p] * buoyancyY[p] * buoyancyY[p] / 2;
            if (fy != 0) {
                gRho[p] += fy;
                gRho[p + nx] += fy;
            }
            double fx = -gBx[p] * buoyancyX[p] * buoyancyX[p] / 2;
            if (fx != 0) {
                gRho[p] += fx;
                gRho[p + 1] += fx;
            }
        }
        double[] gBuoyancy = new double[n];
        for (int p = 0; p < n; p++) {
            gBuoyancy[p] = -rho[p] * rho[p] * gRho[p];
        }
        return new double[][] {padding.sumEdges(gLamb), padding.sumEdges(gMu), padding.sumEdges(gBuoyancy)};
    }

    private double[] toGrid(double[] domain) {
        int stride = nx + 2 * halo;
        double[] grid = new double[(ny + 2 * halo) * stride];
        for (int i = 0; i < ny; i++) {
            System.arraycopy(domain, i * nx, grid, (i + halo) * stride + halo, nx);
        }
        return grid;
    }

    private double[] fromGrid(double[] grid) {
        double[] domain = new double[ny * nx];
        if (grid != null) {
            int stride = nx + 2 * halo;
            for (int i = 0; i < ny; i++) {
                System.arraycopy(grid, (i + halo) * stride + halo, domain, i * nx, nx);
            }
        }
        return domain;
    }
}
