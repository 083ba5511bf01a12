package org.seiche.scalar.cpu;

import org.seiche.scalar.PmlProfile;
import org.seiche.scalar.ScalarGrid;

/**
 * A 2-D grid's coefficients in the kernel's precision: v^2 dt^2 per padded cell, and per
 * dimension d (0 = rows, 1 = columns) the stride, the PML profiles along d, the stencil
 * weights (first[d][k] for k = 1..g over h, second[d][k] for k = 0..g over h^2) and the
 * ranges of the domain (updated cells) and of the interior (no PML term reaches).
 * <p>
 * A 1-D grid (along x) is the one row of such a grid whose row dimension has no weights,
 * no PML and stride 0: every term along it is an exact zero, so the 2-D loops step it as
 * the 1-D equation (same sums in the same order) and its adjoint, Born and second-order
 * runs come with them. The row's stencil reads its own cell (stride 0), never a guard row.
 */
final class DoubleCoefficients {
    /** The grid's padded shape (1-D: one number, the row's length). */
    final int[] paddedShape;
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
        boolean line = grid.ndim() == 1;
        rows = line ? 1 : paddedShape[0];
        columns = paddedShape[paddedShape.length - 1];
        guard = grid.guard();
        v2dt2 = HostCopy.toDouble(grid.v2dt2());
        stride = new int[] {line ? 0 : columns, 1};
        a = new double[2][];
        b = new double[2][];
        db = new double[2][];
        first = new double[2][];
        second = new double[2][];
        domainStart = new int[2];
        domainEnd = new int[2];
        interiorStart = new int[2];
        interiorEnd = new int[2];
        if (line) {
            a[0] = new double[1];
            b[0] = new double[1];
            db[0] = new double[1];
            first[0] = new double[guard + 1];
            second[0] = new double[guard + 1];
            domainEnd[0] = 1;
            interiorEnd[0] = 1;
        }
        for (int d = line ? 1 : 0; d < 2; d++) {
            PmlProfile p = grid.profile(line ? 0 : d);
            a[d] = HostCopy.toDouble(p.a());
            b[d] = HostCopy.toDouble(p.b());
            db[d] = HostCopy.toDouble(p.db());
            var c1 = grid.firstDerivative(line ? 0 : d);
            var shifted = new double[guard + 1];
            for (int k = 1; k <= guard; k++) {
                shifted[k] = (double) c1[k - 1];
            }
            first[d] = shifted;
            second[d] = HostCopy.toDouble(grid.secondDerivative(line ? 0 : d));
            domainStart[d] = p.domainStart();
            domainEnd[d] = p.domainEnd();
            interiorStart[d] = p.interiorStart();
            interiorEnd[d] = p.interiorEnd();
        }
    }

    int cells() {
        return rows * columns;
    }

    /**
     * A padded-grid array with its cells outside the domain (the guard cells) set to zero.
     * With such coefficients a guard cell may be stepped like any other and stays zero: the
     * SIMD stencils step whole rows of vectors reaching into the guard columns.
     */
    double[] domainOnly(double[] field) {
        double[] out = new double[field.length];
        for (int y = domainStart[0]; y < domainEnd[0]; y++) {
            int row = y * columns;
            System.arraycopy(field, row + domainStart[1], out, row + domainStart[1], domainEnd[1] - domainStart[1]);
        }
        return out;
    }
}
