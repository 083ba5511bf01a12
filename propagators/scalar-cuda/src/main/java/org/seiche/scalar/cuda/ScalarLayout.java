package org.seiche.scalar.cuda;

import org.seiche.scalar.spi.PmlProfile;
import org.seiche.scalar.spi.ScalarGrid;

/**
 * A 2-D scalar grid as the kernels of scalar.cu take it: the geometry arguments of a step
 * kernel, the stencil coefficients packed per dimension, and the profiles. Plain Java, so
 * the host-emulation test feeds the kernels exactly what the GPU would get.
 */
final class ScalarLayout {
    /** rows, cols, then per dimension the domain [start, end), then the plain interior [start, end). */
    final int[] geometry;
    /** Per dimension: 0, c1_1..c1_G (over h), c2_0..c2_G (over h^2). */
    final double[] coefficients;
    /** a, b, D b of rows, then of columns. */
    final double[][] profiles;
    final int accuracy;

    ScalarLayout(ScalarGrid grid) {
        if (grid.ndim() != 2) {
            throw new IllegalArgumentException("the CUDA scalar kernels are 2-D only, got a " + grid.ndim() + "-D grid");
        }
        int[] shape = grid.paddedShape();
        PmlProfile y = grid.profile(0);
        PmlProfile x = grid.profile(1);
        geometry = new int[] {shape[0], shape[1], y.domainStart(), y.domainEnd(), x.domainStart(), x.domainEnd(),
            y.interiorStart(), y.interiorEnd(), x.interiorStart(), x.interiorEnd()};
        accuracy = grid.accuracy();
        int g = grid.guard();
        coefficients = new double[4 * (g + 1)];
        for (int d = 0; d < 2; d++) {
            System.arraycopy(grid.firstDerivative(d), 0, coefficients, d * 2 * (g + 1) + 1, g);
            System.arraycopy(grid.secondDerivative(d), 0, coefficients, d * 2 * (g + 1) + g + 1, g + 1);
        }
        profiles = new double[][] {y.a(), y.b(), y.db(), x.a(), x.b(), x.db()};
    }

    int rows() {
        return geometry[0];
    }

    int columns() {
        return geometry[1];
    }

    int cells() {
        return rows() * columns();
    }

    /** First updated row and column, and the extent of the updated block. */
    int domainRow() {
        return geometry[2];
    }

    int domainRows() {
        return geometry[3] - geometry[2];
    }

    int domainColumn() {
        return geometry[4];
    }

    int domainColumns() {
        return geometry[5] - geometry[4];
    }
}
