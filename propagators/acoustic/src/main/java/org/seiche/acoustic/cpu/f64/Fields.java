package org.seiche.acoustic.cpu.f64;

import org.seiche.acoustic.cpu.Layout;

/**
 * One shot's wavefields, per axis (null for an axis the grid lacks): pressure p, particle
 * velocities v, the pressure update's PML memory phi and the velocity update's psi. An
 * adjoint's also hold per axis w (what the adjoint velocities take the half-point
 * derivative of) and u (what the adjoint pressure takes the integer-point derivative of),
 * and the gradient sums.
 */
final class Fields {
    final double[] p;
    final double[][] v = new double[3][];
    final double[][] phi = new double[3][];
    final double[][] psi = new double[3][];
    final double[][] w = new double[3][];
    final double[][] u = new double[3][];
    final double[] gradientK;
    final double[][] gradientB = new double[3][];
    private final int arrays;
    private final int size;
    private final Object key;

    Fields(Layout layout, boolean adjoint) {
        key = key(layout, adjoint);
        size = layout.grid.size();
        p = new double[size];
        int n = 1;
        for (int axis = 0; axis < 3; axis++) {
            if (layout.present[axis]) {
                v[axis] = new double[size];
                phi[axis] = new double[size];
                psi[axis] = new double[size];
                n += 3;
                if (adjoint) {
                    w[axis] = new double[size];
                    u[axis] = new double[size];
                    gradientB[axis] = new double[size];
                    n += 3;
                }
            }
        }
        gradientK = adjoint ? new double[size] : null;
        arrays = adjoint ? n + 1 : n;
    }

    /** What fields are pooled under: the grid they are for and whether they are an adjoint's. */
    static Object key(Layout layout, boolean adjoint) {
        return java.util.List.of(Fields.class, layout.ndim, layout.grid.size(), adjoint);
    }

    Object key() {
        return key;
    }

    /** The arrays a forward step reads and writes (p, then v, phi and psi of each axis): what a checkpoint holds. */
    double[][] state() {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        out.add(p);
        for (double[][] set : new double[][][] {v, phi, psi}) {
            for (double[] a : set) {
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return out.toArray(new double[0][]);
    }

    /** Zeroes every array (pooled fields come back dirty). */
    void clear() {
        java.util.Arrays.fill(p, 0);
        for (double[][] set : new double[][][] {v, phi, psi, w, u, gradientB}) {
            for (double[] a : set) {
                if (a != null) {
                    java.util.Arrays.fill(a, 0);
                }
            }
        }
        if (gradientK != null) {
            java.util.Arrays.fill(gradientK, 0);
        }
    }

    long bytes(int valueBytes) {
        return (long) valueBytes * arrays * size;
    }
}
