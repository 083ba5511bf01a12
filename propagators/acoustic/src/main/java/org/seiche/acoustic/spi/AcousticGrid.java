package org.seiche.acoustic.spi;

/**
 * Everything a kernel needs to step one simulation: the domain (model plus PML cells,
 * {@code shape[d]} along dimension d, 1 to 3 dimensions, the last the fastest) surrounded by
 * {@code halo} = accuracy/2 cells of zeros on every side so that stencils never test bounds,
 * the inner time step, the staggered stencil coefficients of each dimension already divided
 * by its spacing, the bulk modulus K at the integer points and the buoyancy of each
 * dimension at its velocity points (i + 1/2 along that dimension), and the C-PML profiles.
 * Grid arrays are row-major over (shape[d] + 2 halo) per dimension. A buoyancy is zero on
 * the domain's last cell along its dimension and in the halo, K in the halo.
 */
public record AcousticGrid(int[] shape, int halo, double dt, double[][] stencils, double[] k, double[][] buoyancy,
                           Pml[] pml) {

    /** C-PML profiles along one dimension, by domain position i: a, b at i and at i + 1/2; zero away from the PML. */
    public record Pml(double[] aInt, double[] bInt, double[] aHalf, double[] bHalf) {
    }

    public AcousticGrid {
        shape = shape.clone();
        int ndim = shape.length;
        if (ndim < 1 || ndim > 3 || stencils.length != ndim || buoyancy.length != ndim || pml.length != ndim) {
            throw new IllegalArgumentException("a grid of 1 to 3 dimensions needs one stencil, buoyancy and PML per dimension");
        }
        for (double[] b : buoyancy) {
            if (b.length != k.length) {
                throw new IllegalArgumentException("buoyancy arrays must hold as many values as K: " + k.length);
            }
        }
        if (k.length != size(shape, halo)) {
            throw new IllegalArgumentException("K must hold " + size(shape, halo) + " values, got " + k.length);
        }
    }

    private static int size(int[] shape, int halo) {
        long n = 1;
        for (int s : shape) {
            n *= s + 2L * halo;
        }
        return Math.toIntExact(n);
    }

    public int ndim() {
        return shape.length;
    }

    /** Values in a grid array. */
    public int size() {
        return size(shape, halo);
    }

    /** Distance in the grid arrays between neighbours along dimension d. */
    public int stride(int d) {
        int s = 1;
        for (int e = shape.length - 1; e > d; e--) {
            s *= shape[e] + 2 * halo;
        }
        return s;
    }

    /** Flat grid index of domain cell {@code cell} (one coordinate per dimension). */
    public int index(int... cell) {
        int idx = 0;
        for (int d = 0; d < shape.length; d++) {
            idx = idx * (shape[d] + 2 * halo) + cell[d] + halo;
        }
        return idx;
    }
}
