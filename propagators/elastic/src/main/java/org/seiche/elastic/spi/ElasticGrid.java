package org.seiche.elastic.spi;

import java.util.EnumMap;
import java.util.Map;

/**
 * Everything a kernel needs to step one simulation: the domain (model plus PML cells,
 * {@code ny} x {@code nx}) surrounded by {@code halo} = accuracy/2 cells of zeros so that
 * stencils never test bounds, the inner time step, the staggered stencil coefficients
 * already divided by the spacing, the material coefficients and the C-PML profiles.
 * Grid arrays are row-major over (ny + 2 halo) x (nx + 2 halo); domain cell (i, j) is at
 * {@link #index(int, int)}. A coefficient is zero wherever its field is never updated
 * (halo; last row for buoyancy_y and mu_xy; last column for buoyancy_x and mu_xy), so a
 * kernel may sweep every field over the whole domain.
 */
public record ElasticGrid(int ny, int nx, int halo, double dt, double[] stencilY, double[] stencilX,
                          Map<Coefficient, double[]> coefficients, Pml pmlY, Pml pmlX) {

    /**
     * C-PML profiles along one axis, indexed by domain position i: a and b at the integer
     * points i and at the half points i + 1/2. Both are zero away from the PML.
     */
    public record Pml(double[] aInt, double[] bInt, double[] aHalf, double[] bHalf) {
    }

    public ElasticGrid {
        coefficients = new EnumMap<>(coefficients);
        if (coefficients.size() != Coefficient.values().length) {
            throw new IllegalArgumentException("every coefficient is needed, got " + coefficients.keySet());
        }
        int size = (ny + 2 * halo) * (nx + 2 * halo);
        for (double[] c : coefficients.values()) {
            if (c.length != size) {
                throw new IllegalArgumentException("coefficient arrays must hold " + size + " values, got " + c.length);
            }
        }
    }

    public double[] coefficient(Coefficient c) {
        return coefficients.get(c);
    }

    /** Distance between vertically neighbouring cells in the grid arrays. */
    public int stride() {
        return nx + 2 * halo;
    }

    public int size() {
        return (ny + 2 * halo) * stride();
    }

    /** Flat index of domain cell (i, j). */
    public int index(int i, int j) {
        return (i + halo) * stride() + j + halo;
    }
}
