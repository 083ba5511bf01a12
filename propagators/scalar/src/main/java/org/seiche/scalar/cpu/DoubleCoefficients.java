package org.seiche.scalar.cpu;

import org.seiche.scalar.spi.PmlProfile;
import org.seiche.scalar.spi.ScalarGrid;

/**
 * A grid's coefficients in the kernel's precision: v^2 dt^2 per padded cell, and per
 * dimension d (0 = rows in 2-D, planes in 3-D; the last = columns) the stride, the PML
 * profiles along d, the stencil weights (first[d][k] for k = 1..g over h, second[d][k] for
 * k = 0..g over h^2) and the ranges of the domain (updated cells) and of the interior (no
 * PML term reaches).
 * <p>
 * A 1-D grid (along x) is the one row of a 2-D grid whose row dimension has no weights, no
 * PML and stride 0: every term along it is an exact zero, so the 2-D loops step it as the
 * 1-D equation (same sums in the same order) and its adjoint, Born and second-order runs
 * come with them. The row's stencil reads its own cell (stride 0), never a guard row.
 */
final class DoubleCoefficients {
    /** The dimensions the loops step: 2 for a 1-D grid (see above). */
    final int ndim;
    /** The padded shape as the loops see it: [1, n] for a 1-D grid. */
    final int[] shape;
    /** The grid's padded shape. */
    final int[] paddedShape;
    private final int cells;
    /** Cells along dimension 0 and along the last dimension (a row). */
    final int rows;
    final int columns;
    final int guard;
    final double[] v2dt2;
    final int[] stride;
    final double[][] a;
    final double[][] b;
    final double[][] db;
    final double[][] first;
    final double[][] second;
    final int[] domainStart;
    final int[] domainEnd;
    final int[] interiorStart;
    final int[] interiorEnd;

    DoubleCoefficients(ScalarGrid grid) {
        paddedShape = grid.paddedShape();
        boolean line = paddedShape.length == 1;
        shape = line ? new int[] {1, paddedShape[0]} : paddedShape;
        ndim = shape.length;
        cells = Math.toIntExact(org.seiche.api.NdArray.size(shape));
        rows = shape[0];
        columns = shape[ndim - 1];
        guard = grid.guard();
        v2dt2 = HostCopy.toDouble(grid.v2dt2());
        stride = new int[ndim];
        stride[ndim - 1] = 1;
        for (int d = ndim - 2; d >= 0; d--) {
            stride[d] = line ? 0 : stride[d + 1] * shape[d + 1];
        }
        a = new double[ndim][];
        b = new double[ndim][];
        db = new double[ndim][];
        first = new double[ndim][];
        second = new double[ndim][];
        domainStart = new int[ndim];
        domainEnd = new int[ndim];
        interiorStart = new int[ndim];
        interiorEnd = new int[ndim];
        if (line) {
            a[0] = new double[1];
            b[0] = new double[1];
            db[0] = new double[1];
            first[0] = new double[guard + 1];
            second[0] = new double[guard + 1];
            domainEnd[0] = 1;
            interiorEnd[0] = 1;
        }
        for (int d = line ? 1 : 0; d < ndim; d++) {
            int along = line ? 0 : d;
            PmlProfile p = grid.profile(along);
            a[d] = HostCopy.toDouble(p.a());
            b[d] = HostCopy.toDouble(p.b());
            db[d] = HostCopy.toDouble(p.db());
            var c1 = grid.firstDerivative(along);
            var shifted = new double[guard + 1];
            for (int k = 1; k <= guard; k++) {
                shifted[k] = (double) c1[k - 1];
            }
            first[d] = shifted;
            second[d] = HostCopy.toDouble(grid.secondDerivative(along));
            domainStart[d] = p.domainStart();
            domainEnd[d] = p.domainEnd();
            interiorStart[d] = p.interiorStart();
            interiorEnd[d] = p.interiorEnd();
        }
    }

    /**
     * Length of a band's scratch row: a row's accumulator, and in 3-D three more rows with
     * guard + 64 cells of margin (the 3-D SIMD adjoint's per-column terms, see DoubleVectorStencil3d2).
     */
    int rowScratch() {
        return ndim == 3 ? columns + 3 * (columns + 2 * guard + 64) : columns;
    }

    int cells() {
        return cells;
    }

    /**
     * A padded-grid array with its cells outside the domain (the guard cells) set to zero.
     * With such coefficients a guard cell may be stepped like any other and stays zero: the
     * SIMD stencils step whole rows of vectors reaching into the guard columns.
     */
    double[] domainOnly(double[] field) {
        double[] out = new double[field.length];
        int last = ndim - 1;
        for (int line = 0; line < cells() / columns; line++) {
            // the line's coordinates along the dimensions before the last, all inside the domain
            boolean inside = true;
            int rest = line;
            for (int d = last - 1; d >= 0; d--) {
                int k = rest % shape[d];
                rest /= shape[d];
                inside &= k >= domainStart[d] && k < domainEnd[d];
            }
            if (inside) {
                int from = line * columns + domainStart[last];
                System.arraycopy(field, from, out, from, domainEnd[last] - domainStart[last]);
            }
        }
        return out;
    }
}
