package org.seiche.acoustic.cuda;

import org.seiche.acoustic.spi.AcousticGrid;
import org.seiche.api.SeicheException;
import org.seiche.device.cuda.spi.Launch;

/**
 * An AcousticGrid as the kernels of acoustic.cu take it: the shape (padded with ones to
 * three values), dt and the stencils in one array, every dimension's buoyancy in one, the
 * PML profiles in one (aInt, bInt, aHalf, bHalf per dimension). Values stay doubles here;
 * the copy to the device rounds them to the precision as the CPU kernel's conversion does.
 */
final class AcousticLayout {
    /** Lines a launch covers: its grid's y extent (at most 65535 blocks) of Launch.BLOCK_Y lines each. */
    static final int MAX_LINES = 65535 * Launch.BLOCK_Y;
    /** The forward state's arrays per shot (p, v, phi, psi) and the adjoint's (also w, u), acoustic.cu's State. */
    final int forwardArrays;
    final int adjointArrays;
    final int ndim;
    final int accuracy;
    /** Domain cells per dimension, then ones up to three values. */
    final int[] shape = {1, 1, 1};
    /** Values of one grid, halo included. */
    final int size;
    /** Domain cells along the last dimension (a launch's columns) and lines of them (its rows). */
    final int columns;
    final int lines;
    /** dt, then c_1..c_G / h of each dimension. */
    final double[] coefficients;
    final double[] k;
    final double[] buoyancy;
    final double[] profiles;

    AcousticLayout(AcousticGrid grid) {
        ndim = grid.ndim();
        accuracy = 2 * grid.halo();
        size = grid.size();
        forwardArrays = 1 + 3 * ndim;
        adjointArrays = 1 + 5 * ndim;
        int g = grid.halo();
        coefficients = new double[1 + ndim * g];
        coefficients[0] = grid.dt();
        buoyancy = new double[ndim * size];
        int lineCount = 1;
        int values = 0;
        for (int d = 0; d < ndim; d++) {
            shape[d] = grid.shape()[d];
            if (grid.stencils()[d].length != g) {
                throw new IllegalArgumentException("a stencil has " + grid.stencils()[d].length + " weights, not " + g);
            }
            System.arraycopy(grid.stencils()[d], 0, coefficients, 1 + d * g, g);
            System.arraycopy(grid.buoyancy()[d], 0, buoyancy, d * size, size);
            lineCount *= d < ndim - 1 ? shape[d] : 1;
            values += 4 * shape[d];
        }
        columns = shape[ndim - 1];
        lines = lineCount;
        if (lines > MAX_LINES) {
            throw new SeicheException("model: the CUDA acoustic kernel steps at most " + MAX_LINES + " lines of cells (the "
                    + "product of the domain's cells along every dimension but the last), this grid has " + lines + "; use device cpu");
        }
        k = grid.k();
        profiles = new double[values];
        int at = 0;
        for (int d = 0; d < ndim; d++) {
            AcousticGrid.Pml p = grid.pml()[d];
            for (double[] part : new double[][] {p.aInt(), p.bInt(), p.aHalf(), p.bHalf()}) {
                if (part.length != shape[d]) {
                    throw new IllegalArgumentException("a PML profile has " + part.length + " values, not one per domain cell");
                }
                System.arraycopy(part, 0, profiles, at, part.length);
                at += part.length;
            }
        }
    }
}
