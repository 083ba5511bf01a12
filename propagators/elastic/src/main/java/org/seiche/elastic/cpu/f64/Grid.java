package org.seiche.elastic.cpu.f64;

import java.nio.DoubleBuffer;

import org.seiche.elastic.Coefficient;
import org.seiche.elastic.ElasticGrid;

/**
 * An {@link ElasticGrid} in the working precision, with dt folded into the coefficients,
 * the rows that lie in a y PML and the x PML strips [0, left) and [right, nx).
 */
final class Grid {
    final int ny;
    final int nx;
    final int halo;
    final int stride;
    final int size;
    final double dt;
    final double[] cy;
    final double[] cx;
    final double[] lambDt;
    final double[] lambTwoMuDt;
    final double[] muXyDt;
    final double[] buoyancyYDt;
    final double[] buoyancyXDt;
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

    Grid(ElasticGrid g) {
        ny = g.ny();
        nx = g.nx();
        halo = g.halo();
        stride = g.stride();
        size = g.size();
        dt = (double) g.dt();
        cy = Values.load(DoubleBuffer.wrap(g.stencilY()));
        cx = Values.load(DoubleBuffer.wrap(g.stencilX()));
        lambDt = Values.scaled(DoubleBuffer.wrap(g.coefficient(Coefficient.LAMB)), dt);
        double[] muDt = Values.scaled(DoubleBuffer.wrap(g.coefficient(Coefficient.MU)), dt);
        lambTwoMuDt = new double[size];
        for (int p = 0; p < size; p++) {
            lambTwoMuDt[p] = lambDt[p] + 2 * muDt[p];
        }
        muXyDt = Values.scaled(DoubleBuffer.wrap(g.coefficient(Coefficient.MU_XY)), dt);
        buoyancyYDt = Values.scaled(DoubleBuffer.wrap(g.coefficient(Coefficient.BUOYANCY_Y)), dt);
        buoyancyXDt = Values.scaled(DoubleBuffer.wrap(g.coefficient(Coefficient.BUOYANCY_X)), dt);
        ayInt = Values.load(DoubleBuffer.wrap(g.pmlY().aInt()));
        byInt = Values.load(DoubleBuffer.wrap(g.pmlY().bInt()));
        ayHalf = Values.load(DoubleBuffer.wrap(g.pmlY().aHalf()));
        byHalf = Values.load(DoubleBuffer.wrap(g.pmlY().bHalf()));
        axInt = Values.load(DoubleBuffer.wrap(g.pmlX().aInt()));
        bxInt = Values.load(DoubleBuffer.wrap(g.pmlX().bInt()));
        axHalf = Values.load(DoubleBuffer.wrap(g.pmlX().aHalf()));
        bxHalf = Values.load(DoubleBuffer.wrap(g.pmlX().bHalf()));
        pmlRowInt = damped(ayInt, byInt);
        pmlRowHalf = damped(ayHalf, byHalf);
        leftInt = leading(axInt, bxInt);
        rightInt = Math.max(leftInt, trailing(axInt, bxInt));
        leftHalf = leading(axHalf, bxHalf);
        rightHalf = Math.max(leftHalf, trailing(axHalf, bxHalf));
    }

    /** Flat index of the first domain cell of row i. */
    int row(int i) {
        return (i + halo) * stride + halo;
    }

    private static boolean[] damped(double[] a, double[] b) {
        boolean[] d = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] != 0 || b[i] != 0;
        }
        return d;
    }

    /** How many leading positions have a non-zero profile. */
    private static int leading(double[] a, double[] b) {
        int j = 0;
        while (j < a.length && (a[j] != 0 || b[j] != 0)) {
            j++;
        }
        return j;
    }

    /** Where the trailing run of non-zero profile values starts. */
    private static int trailing(double[] a, double[] b) {
        int j = a.length;
        while (j > 0 && (a[j - 1] != 0 || b[j - 1] != 0)) {
            j--;
        }
        return j;
    }
}
