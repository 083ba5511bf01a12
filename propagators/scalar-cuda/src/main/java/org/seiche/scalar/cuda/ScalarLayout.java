package org.seiche.scalar.cuda;

import org.seiche.scalar.spi.PmlProfile;
import org.seiche.scalar.spi.ScalarGrid;

/**
 * A scalar grid as the kernels of scalar.cu take it: the geometry arguments of a step
 * kernel, the stencil coefficients packed per dimension, and the profiles. A 1-D grid is
 * stepped as one row of a 2-D grid whose row dimension is one cell wide, with zero weights
 * and profiles (as the CPU's DoubleCoefficients does); 3-D grids have kernels of their own.
 * Plain Java, so the host-emulation test feeds the kernels exactly what the GPU would get.
 */
final class ScalarLayout {
    /** The dimensions the kernels step: 2 (1-D and 2-D grids) or 3. */
    final int dims;
    /** The padded shape, then per dimension the domain [start, end), then the plain interior [start, end). */
    final int[] geometry;
    /** Per dimension: 0, c1_1..c1_G (over h), c2_0..c2_G (over h^2). */
    final double[] coefficients;
    /** a, b, D b of each dimension in turn. */
    final double[][] profiles;
    final int accuracy;

    ScalarLayout(ScalarGrid grid) {
        int[] shape = grid.paddedShape();
        if (shape.length > 3) {
            throw new IllegalArgumentException("the CUDA scalar kernels step 1-D, 2-D and 3-D grids, got a " + shape.length
                    + "-D grid");
        }
        boolean line = shape.length == 1;
        dims = line ? 2 : shape.length;
        accuracy = grid.accuracy();
        int g = grid.guard();
        geometry = new int[5 * dims];
        coefficients = new double[dims * 2 * (g + 1)];
        profiles = new double[3 * dims][];
        for (int d = 0; d < dims; d++) {
            if (line && d == 0) {
                // the row dimension of a 1-D grid: one cell, domain and interior, no terms
                geometry[d] = 1;
                geometry[dims + 1] = 1;
                geometry[3 * dims + 1] = 1;
                profiles[0] = new double[1];
                profiles[1] = new double[1];
                profiles[2] = new double[1];
                continue;
            }
            int along = line ? 0 : d;
            PmlProfile p = grid.profile(along);
            geometry[d] = shape[along];
            geometry[dims + 2 * d] = p.domainStart();
            geometry[dims + 2 * d + 1] = p.domainEnd();
            geometry[3 * dims + 2 * d] = p.interiorStart();
            geometry[3 * dims + 2 * d + 1] = p.interiorEnd();
            System.arraycopy(grid.firstDerivative(along), 0, coefficients, d * 2 * (g + 1) + 1, g);
            System.arraycopy(grid.secondDerivative(along), 0, coefficients, d * 2 * (g + 1) + g + 1, g + 1);
            profiles[3 * d] = p.a();
            profiles[3 * d + 1] = p.b();
            profiles[3 * d + 2] = p.db();
        }
    }

    int cells() {
        int n = 1;
        for (int d = 0; d < dims; d++) {
            n *= geometry[d];
        }
        return n;
    }

    /** Domain cells along dimension d. */
    private int domainExtent(int d) {
        return geometry[dims + 2 * d + 1] - geometry[dims + 2 * d];
    }

    /** Domain cells along a row (the last dimension): the step kernels' threads along x. */
    int domainColumns() {
        return domainExtent(dims - 1);
    }

    /** The domain's rows of cells (rows x planes in 3-D): the step kernels' threads along y. */
    int domainLines() {
        int n = 1;
        for (int d = 0; d < dims - 1; d++) {
            n *= domainExtent(d);
        }
        return n;
    }

    /** The imaging kernel's geometry arguments: the padded shape and the domain. */
    Object[] imageGeometry() {
        Object[] args = new Object[3 * dims];
        for (int k = 0; k < args.length; k++) {
            args[k] = geometry[k];
        }
        return args;
    }
}
