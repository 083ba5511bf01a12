package org.seiche.scalar.cpu;

import org.seiche.scalar.PmlProfile;
import org.seiche.scalar.ScalarGrid;

/**
 * A grid's coefficients in the kernel's precision: v^2 dt^2 per padded cell, and per
 * dimension d (0 = rows in 2-D, planes in 3-D; the last = columns) the stride, the PML
 * profiles along d, the stencil weights (first[d][k] for k = 1..g over h, second[d][k] for
 * k = 0..g over h^2) and the ranges of the domain (updated cells) and of the interior (no
 * PML term reaches).
 */
final class DoubleCoefficients {
    final int ndim;
    /** The padded shape. */
    final int[] shape;
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
        shape = grid.paddedShape();
        ndim = shape.length;
        rows = shape[0];
        columns = shape[ndim - 1];
        guard = grid.guard();
        v2dt2 = HostCopy.toDouble(grid.v2dt2());
        stride = new int[ndim];
        stride[ndim - 1] = 1;
        for (int d = ndim - 2; d >= 0; d--) {
            stride[d] = stride[d + 1] * shape[d + 1];
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
        for (int d = 0; d < ndim; d++) {
            PmlProfile p = grid.profile(d);
            a[d] = HostCopy.toDouble(p.a());
            b[d] = HostCopy.toDouble(p.b());
            db[d] = HostCopy.toDouble(p.db());
            var c1 = grid.firstDerivative(d);
            var shifted = new double[guard + 1];
            for (int k = 1; k <= guard; k++) {
                shifted[k] = (double) c1[k - 1];
            }
            first[d] = shifted;
            second[d] = HostCopy.toDouble(grid.secondDerivative(d));
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
        return stride[0] * rows;
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
