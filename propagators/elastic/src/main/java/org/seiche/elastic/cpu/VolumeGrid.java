package org.seiche.elastic.cpu;

import org.seiche.elastic.spi.ElasticGrid;

/**
 * A 1-D or 3-D elastic grid (docs/elastic.md, "1-D and 3-D"), precision-neutral: the domain
 * (model plus PML cells, {@code cells[d]} along model dimension d) surrounded by
 * {@code halo} cells of zeros on every side of every dimension, stored row-major with the
 * last dimension contiguous. Material arrays hold one value per grid cell, already on their
 * staggered points and zero wherever their field is never updated (halo; the domain's last
 * cell along a velocity's or shear stress's half-cell shift): lamb and mu at the cells,
 * {@code shear[pair]} the shear modulus of each pair (d1 < d2, pairs in the order (0,1),
 * (0,2), (1,2)) and {@code buoyancy[d]} at the v_d points. Stencils are divided by their
 * dimension's spacing; the PML profiles are per dimension, by domain position.
 */
public record VolumeGrid(int[] cells, int halo, double dt, double[][] stencils, double[] lamb, double[] mu,
                         double[][] shear, double[][] buoyancy, ElasticGrid.Pml[] pml) {
    public VolumeGrid {
        int ndim = cells.length;
        if (ndim != 1 && ndim != 3) {
            throw new IllegalArgumentException("a volume grid is 1-D or 3-D, got " + ndim + "-D");
        }
        if (shear.length != pairs(ndim) || buoyancy.length != ndim || stencils.length != ndim || pml.length != ndim) {
            throw new IllegalArgumentException("per-dimension arrays disagree with the " + ndim + "-D grid");
        }
    }

    public int ndim() {
        return cells.length;
    }

    /** Shear-stress components of an ndim-D grid: ndim (ndim - 1) / 2. */
    public static int pairs(int ndim) {
        return ndim * (ndim - 1) / 2;
    }

    /** The pair index of dimensions d != e (either order) of a grid of at most 3 dimensions. */
    public static int pair(int d, int e) {
        return Math.min(d, e) == 0 ? Math.max(d, e) - 1 : 2;
    }

    /** Grid cells along dimension d, halo included. */
    public int width(int d) {
        return cells[d] + 2 * halo;
    }

    public int size() {
        int n = 1;
        for (int d = 0; d < ndim(); d++) {
            n *= width(d);
        }
        return n;
    }

    /** Distance between neighbours along dimension d in the flat arrays. */
    public int stride(int d) {
        int s = 1;
        for (int e = d + 1; e < ndim(); e++) {
            s *= width(e);
        }
        return s;
    }

    /** Flat index of a domain cell (coordinates within the domain, PML included). */
    public int index(int[] domainCell) {
        int p = 0;
        for (int d = 0; d < ndim(); d++) {
            p = p * width(d) + domainCell[d] + halo;
        }
        return p;
    }
}
