package org.seiche.acoustic.cpu;

import org.seiche.acoustic.spi.AcousticGrid;

/**
 * A grid seen as three axes z, y, x (a 2-D grid has one z plane and no z halo, a 1-D one
 * also a single y row): the kernels sweep lines along x, line l being plane l / ny, row
 * l % ny. Model dimension d is axis {@code 3 - ndim + d}. Also where the x profiles are
 * zero: the interior columns [interiorFrom, interiorTo) of the integer and the half points.
 */
public final class Layout {
    public final AcousticGrid grid;
    public final int ndim;
    /** Domain cells per axis (1 for an axis the grid lacks). */
    public final int nz;
    public final int ny;
    public final int nx;
    /** Flat distance between neighbours per axis (0 for an axis the grid lacks). */
    public final int[] stride = new int[3];
    /** Whether the grid has the axis. */
    public final boolean[] present = new boolean[3];
    public final int halo;
    public final int[] interiorInt;
    public final int[] interiorHalf;

    public Layout(AcousticGrid grid) {
        this.grid = grid;
        this.ndim = grid.ndim();
        this.halo = grid.halo();
        int[] n = {1, 1, 1};
        for (int d = 0; d < ndim; d++) {
            int axis = 3 - ndim + d;
            n[axis] = grid.shape()[d];
            present[axis] = true;
            stride[axis] = grid.stride(d);
        }
        nz = n[0];
        ny = n[1];
        nx = n[2];
        AcousticGrid.Pml px = grid.pml()[ndim - 1];
        interiorInt = interior(px.aInt(), px.bInt());
        interiorHalf = interior(px.aHalf(), px.bHalf());
    }

    private static int[] interior(double[] a, double[] b) {
        int from = 0;
        while (from < a.length && (a[from] != 0 || b[from] != 0)) {
            from++;
        }
        int to = a.length;
        while (to > from && (a[to - 1] != 0 || b[to - 1] != 0)) {
            to--;
        }
        return new int[] {from, to};
    }

    /** Lines along x. */
    public int lines() {
        return nz * ny;
    }

    /** The model dimension of an axis. */
    public int dimension(int axis) {
        return axis - (3 - ndim);
    }

    /** Flat index of the first domain cell of line l. */
    public int lineStart(int l) {
        int z = l / ny;
        int y = l % ny;
        return (present[0] ? (z + halo) * stride[0] : 0) + (present[1] ? (y + halo) * stride[1] : 0) + halo;
    }

    /** The coordinate of line l along axis 0 (z) or 1 (y). */
    public int lineCoordinate(int l, int axis) {
        return axis == 0 ? l / ny : l % ny;
    }
}
