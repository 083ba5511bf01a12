package org.seiche.elastic.cpu.f64;

import java.nio.DoubleBuffer;

import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticGrid;

/**
 * An {@link ElasticGrid} in the working precision, as rows: grid row {@code i + halo} holds
 * domain row i, and a domain column j is at index {@code j + halo} of every row array, row
 * buffer and x profile, so that every loop indexes all its arrays alike (the form the JIT
 * vectorises). dt is folded into the coefficients. The y profiles are per domain row; the
 * x PML strips are the columns [first, left) and [right, last).
 * <p>
 * Rows are wide enough for vector loops of {@code lanes} columns to cover [first, end), a
 * whole number of vectors past the domain's last column: the coefficients are zero there, so
 * forward fields stay zero, and what the adjoint leaves there is never read back (a field
 * beyond the domain only reaches the domain through a coefficient). The strips rounded out
 * to whole vectors are [first, vectorLeft) and [vectorRight, end).
 */
final class Grid {
    final int ny;
    final int nx;
    final int halo;
    /** Length of a row array. */
    final int width;
    /** Row length of ElasticGrid's flat layout (PointSet cells, gradients). */
    final int stride;
    final int size;
    /** Column range of the domain in a row array. */
    final int first;
    final int last;
    final int lanes;
    final int end;
    final double dt;
    final double[] cy;
    final double[] cx;
    final double[][] lambDt;
    final double[][] lambTwoMuDt;
    final double[][] muXyDt;
    final double[][] buoyancyYDt;
    final double[][] buoyancyXDt;
    final double[] ayInt;
    final double[] byInt;
    final double[] ayHalf;
    final double[] byHalf;
    final double[] axInt;
    final double[] bxInt;
    final double[] axHalf;
    final double[] bxHalf;
    final boolean[] pmlRowInt;
    final boolean[] pmlRowHalf;
    final int leftInt;
    final int rightInt;
    final int leftHalf;
    final int rightHalf;
    final int vectorLeftInt;
    final int vectorRightInt;
    final int vectorLeftHalf;
    final int vectorRightHalf;

    Grid(ElasticGrid g, int lanes) {
        ny = g.ny();
        nx = g.nx();
        halo = g.halo();
        stride = g.stride();
        first = halo;
        last = halo + nx;
        this.lanes = lanes;
        end = first + roundUp(nx);
        width = end + halo;
        size = (ny + 2 * halo) * width;
        dt = (double) g.dt();
        cy = Values.load(DoubleBuffer.wrap(g.stencilY()));
        cx = Values.load(DoubleBuffer.wrap(g.stencilX()));
        lambDt = rows(Values.scaled(DoubleBuffer.wrap(g.coefficient(Coefficient.LAMB)), dt));
        double[] muDt = Values.scaled(DoubleBuffer.wrap(g.coefficient(Coefficient.MU)), dt);
        lambTwoMuDt = newRows();
        for (int r = 0; r < lambDt.length; r++) {
            for (int j = 0; j < stride; j++) {
                lambTwoMuDt[r][j] = lambDt[r][j] + 2 * muDt[r * stride + j];
            }
        }
        muXyDt = rows(Values.scaled(DoubleBuffer.wrap(g.coefficient(Coefficient.MU_XY)), dt));
        buoyancyYDt = rows(Values.scaled(DoubleBuffer.wrap(g.coefficient(Coefficient.BUOYANCY_Y)), dt));
        buoyancyXDt = rows(Values.scaled(DoubleBuffer.wrap(g.coefficient(Coefficient.BUOYANCY_X)), dt));
        ayInt = Values.load(DoubleBuffer.wrap(g.pmlY().aInt()));
        byInt = Values.load(DoubleBuffer.wrap(g.pmlY().bInt()));
        ayHalf = Values.load(DoubleBuffer.wrap(g.pmlY().aHalf()));
        byHalf = Values.load(DoubleBuffer.wrap(g.pmlY().bHalf()));
        axInt = columns(Values.load(DoubleBuffer.wrap(g.pmlX().aInt())));
        bxInt = columns(Values.load(DoubleBuffer.wrap(g.pmlX().bInt())));
        axHalf = columns(Values.load(DoubleBuffer.wrap(g.pmlX().aHalf())));
        bxHalf = columns(Values.load(DoubleBuffer.wrap(g.pmlX().bHalf())));
        pmlRowInt = damped(ayInt, byInt);
        pmlRowHalf = damped(ayHalf, byHalf);
        leftInt = leading(axInt, bxInt);
        rightInt = Math.max(leftInt, trailing(axInt, bxInt));
        leftHalf = leading(axHalf, bxHalf);
        rightHalf = Math.max(leftHalf, trailing(axHalf, bxHalf));
        vectorLeftInt = first + roundUp(leftInt - first);
        vectorRightInt = Math.max(vectorLeftInt, first + roundDown(rightInt - first));
        vectorLeftHalf = first + roundUp(leftHalf - first);
        vectorRightHalf = Math.max(vectorLeftHalf, first + roundDown(rightHalf - first));
    }

    private int roundUp(int columns) {
        return (columns + lanes - 1) / lanes * lanes;
    }

    private int roundDown(int columns) {
        return columns / lanes * lanes;
    }

    /** The grid array of domain row i. */
    int row(int i) {
        return i + halo;
    }

    /** An array in ElasticGrid's flat layout as rows. */
    private double[][] rows(double[] flat) {
        double[][] r = newRows();
        for (int k = 0; k < r.length; k++) {
            System.arraycopy(flat, k * stride, r[k], 0, stride);
        }
        return r;
    }

    /** An x profile over the domain's columns placed at the row arrays' indices. */
    private double[] columns(double[] profile) {
        double[] c = new double[width];
        System.arraycopy(profile, 0, c, halo, nx);
        return c;
    }

    double[][] newRows() {
        return new double[ny + 2 * halo][width];
    }

    private static boolean[] damped(double[] a, double[] b) {
        boolean[] d = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] != 0 || b[i] != 0;
        }
        return d;
    }

    /** The end of the run of non-zero profile values that starts at the domain's first column. */
    private int leading(double[] a, double[] b) {
        int j = first;
        while (j < last && (a[j] != 0 || b[j] != 0)) {
            j++;
        }
        return j;
    }

    /** The start of the run of non-zero profile values that ends at the domain's last column. */
    private int trailing(double[] a, double[] b) {
        int j = last;
        while (j > first && (a[j - 1] != 0 || b[j - 1] != 0)) {
            j--;
        }
        return j;
    }
}
