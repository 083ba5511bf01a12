package org.seiche.elastic.cuda;

import org.seiche.api.Precision;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticGrid;

/**
 * An ElasticGrid as the kernels of elastic.cu take it, with the values the CPU kernel
 * (cpu.f64.Grid and its float copy) derives in the working precision derived here the same
 * way: dt folded into the coefficients, (lamb + 2 mu) dt summed in the precision, the x
 * strips where the CPU updates memory variables. Plain Java, so that a test can feed the
 * kernels exactly what the GPU would get.
 */
final class ElasticLayout {
    /** Arrays per shot of the forward state and of the adjoint's (elastic.cu's STATE enum). */
    static final int FORWARD_ARRAYS = 13;
    static final int ADJOINT_ARRAYS = 21;
    static final int COEFFICIENTS = Coefficient.values().length;

    final int ny;
    final int nx;
    final int accuracy;
    /** Values of one grid, halo included. */
    final int size;
    /** x memory variables are updated on columns j < left and j >= right, at the integer and the half points. */
    final int leftInt;
    final int rightInt;
    final int leftHalf;
    final int rightHalf;
    /** c_1..c_G / h of y, then of x. */
    final double[] coefficients;
    /** lamb dt, (lamb + 2 mu) dt, mu_xy dt, buoyancy_y dt, buoyancy_x dt, one grid each. */
    final double[] materials;
    /** a, b at the integer then the half points of y, then of x. */
    final double[] profiles;

    ElasticLayout(ElasticGrid grid, Precision precision) {
        ny = grid.ny();
        nx = grid.nx();
        accuracy = 2 * grid.halo();
        size = grid.size();
        int g = grid.halo();
        coefficients = new double[2 * g];
        for (int k = 0; k < g; k++) {
            coefficients[k] = DeviceArray.round(precision, grid.stencilY()[k]);
            coefficients[g + k] = DeviceArray.round(precision, grid.stencilX()[k]);
        }
        double dt = DeviceArray.round(precision, grid.dt());
        double[] lamb = scaled(grid.coefficient(Coefficient.LAMB), dt, precision);
        double[] mu = scaled(grid.coefficient(Coefficient.MU), dt, precision);
        materials = new double[5 * size];
        for (int i = 0; i < size; i++) {
            materials[i] = lamb[i];
            // two values of the precision: one rounding of their double sum is the precision's own sum
            materials[size + i] = DeviceArray.round(precision, lamb[i] + 2 * mu[i]);
        }
        System.arraycopy(scaled(grid.coefficient(Coefficient.MU_XY), dt, precision), 0, materials, 2 * size, size);
        System.arraycopy(scaled(grid.coefficient(Coefficient.BUOYANCY_Y), dt, precision), 0, materials, 3 * size, size);
        System.arraycopy(scaled(grid.coefficient(Coefficient.BUOYANCY_X), dt, precision), 0, materials, 4 * size, size);
        ElasticGrid.Pml y = grid.pmlY();
        ElasticGrid.Pml x = grid.pmlX();
        double[][] parts = {y.aInt(), y.bInt(), y.aHalf(), y.bHalf(), x.aInt(), x.bInt(), x.aHalf(), x.bHalf()};
        profiles = new double[4 * ny + 4 * nx];
        int at = 0;
        for (int k = 0; k < parts.length; k++) {
            if (parts[k].length != (k < 4 ? ny : nx)) {
                throw new IllegalArgumentException("a PML profile has " + parts[k].length + " values, not one per domain cell");
            }
            for (double v : parts[k]) {
                profiles[at++] = DeviceArray.round(precision, v);
            }
        }
        leftInt = leading(4 * ny, 4 * ny + nx);
        rightInt = Math.max(leftInt, nx - trailing(4 * ny, 4 * ny + nx));
        leftHalf = leading(4 * ny + 2 * nx, 4 * ny + 3 * nx);
        rightHalf = Math.max(leftHalf, nx - trailing(4 * ny + 2 * nx, 4 * ny + 3 * nx));
    }

    /** The coefficient times dt as the CPU's Values.scaled rounds it: dt (in the precision) times x in double. */
    private static double[] scaled(double[] c, double dt, Precision precision) {
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = DeviceArray.round(precision, dt * c[i]);
        }
        return out;
    }

    /** Columns of the leading run where the x profile (a at offset a, b at offset b of profiles) is non-zero. */
    private int leading(int a, int b) {
        int j = 0;
        while (j < nx && (profiles[a + j] != 0 || profiles[b + j] != 0)) {
            j++;
        }
        return j;
    }

    /** Columns of the trailing run where it is non-zero. */
    private int trailing(int a, int b) {
        int n = 0;
        while (n < nx && (profiles[a + nx - 1 - n] != 0 || profiles[b + nx - 1 - n] != 0)) {
            n++;
        }
        return n;
    }
}
