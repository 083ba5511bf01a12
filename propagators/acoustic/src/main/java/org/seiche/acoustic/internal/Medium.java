package org.seiche.acoustic.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.wave.Padding;

/**
 * The model as the kernel steps it, and the way back. Both parameter sets are extended into
 * the PML by repeating edge values (Deepwave's "replicate"); K = rho v^2 (or k) sits at the
 * integer points; the buoyancy at the velocity point i + 1/2 of dimension d is the inverse of
 * the mean of the densities of cells i and i + 1 (rho = 1/buoyancy for the second set),
 * zero on the domain's last cell and where that mean's magnitude is at most
 * 1/sqrt(largest finite value of the precision), as Deepwave's prepare_models. The
 * adjoint takes the kernel's K and buoyancy gradients back through the averaging, the
 * extension and the change of parameters.
 */
final class Medium {
    final int[] shape;
    final int[] domain;
    private final int halo;
    private final Padding padding;
    private final double[] v;
    private final double[] rho;
    private final double[] k;
    private final double[] kPadded;
    private final double[] rhoPadded;
    private final double[][] buoyancy;

    Medium(Model model, ParameterSet set, int[] widths, int halo, Precision precision) {
        this.shape = model.shape();
        int ndim = shape.length;
        this.halo = halo;
        int[] before = new int[ndim];
        int[] after = new int[ndim];
        for (int d = 0; d < ndim; d++) {
            before[d] = widths[2 * d];
            after[d] = widths[2 * d + 1];
        }
        this.padding = new Padding(shape, before, after);
        this.domain = padding.paddedShape();
        double[] a = model.parameter(set.names().get(0)).data();
        double[] b = model.parameter(set.names().get(1)).data();
        int n = a.length;
        v = new double[n];
        rho = new double[n];
        k = new double[n];
        for (int i = 0; i < n; i++) {
            if (set == ParameterSet.VELOCITY) {
                v[i] = a[i];
                rho[i] = b[i];
                k[i] = b[i] * a[i] * a[i];
            } else {
                k[i] = a[i];
                rho[i] = b[i] == 0 ? 0 : 1 / b[i];
                v[i] = Math.sqrt(a[i] * b[i]);
            }
        }
        double zero = 1 / Math.sqrt(precision == Precision.FLOAT64 ? Double.MAX_VALUE : Float.MAX_VALUE);
        kPadded = padding.extendEdges(k);
        rhoPadded = padding.extendEdges(rho);
        buoyancy = new double[ndim][padding.paddedSize()];
        for (int d = 0; d < ndim; d++) {
            int stride = stride(domain, d);
            for (int p = 0; p < rhoPadded.length; p++) {
                if (p / stride % domain[d] < domain[d] - 1) {
                    double mean = (rhoPadded[p] + rhoPadded[p + stride]) / 2;
                    buoyancy[d][p] = Math.abs(mean) > zero ? 1 / mean : 0;
                }
            }
        }
    }

    private static int stride(int[] shape, int d) {
        int s = 1;
        for (int e = shape.length - 1; e > d; e--) {
            s *= shape[e];
        }
        return s;
    }

    /** The default max_vel: the largest velocity of the model (sqrt(k buoyancy) for the second set). */
    static double maxVelocity(Model model, ParameterSet set) {
        double[] a = model.parameter(set.names().get(0)).data();
        double[] b = model.parameter(set.names().get(1)).data();
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, set == ParameterSet.VELOCITY ? a[i] : Math.sqrt(a[i] * b[i]));
        }
        return max;
    }

    /** K in the grid's layout (halo of zeros). */
    double[] kGrid() {
        return toGrid(kPadded);
    }

    /** Each dimension's buoyancy in the grid's layout. */
    double[][] buoyancyGrid() {
        double[][] out = new double[buoyancy.length][];
        for (int d = 0; d < buoyancy.length; d++) {
            out[d] = toGrid(buoyancy[d]);
        }
        return out;
    }

    /** Gradients of the named parameters (one set) from the grid gradients of K and the buoyancies (null: zero). */
    Map<String, NdArray> gradients(double[] gradK, double[][] gradB, Set<String> names) {
        int ndim = domain.length;
        double[] gK = padding.sumEdges(fromGrid(gradK));
        double[] gRhoPadded = new double[padding.paddedSize()];
        for (int d = 0; gradB != null && d < ndim; d++) {
            double[] g = fromGrid(gradB[d]);
            double[] b = buoyancy[d];
            int stride = stride(domain, d);
            for (int p = 0; p < g.length; p++) {
                // d(1 / mean) / d rho = -B^2 / 2 for each of the two cells
                double f = -g[p] * b[p] * b[p] / 2;
                if (f != 0) {
                    gRhoPadded[p] += f;
                    gRhoPadded[p + stride] += f;
                }
            }
        }
        double[] gRho = padding.sumEdges(gRhoPadded);
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (String name : names) {
            double[] g = new double[gK.length];
            for (int i = 0; i < g.length; i++) {
                g[i] = switch (name) {
                    case "v" -> gK[i] * 2 * rho[i] * v[i];
                    case "rho" -> gK[i] * v[i] * v[i] + gRho[i];
                    case "k" -> gK[i];
                    case "buoyancy" -> -rho[i] * rho[i] * gRho[i];
                    default -> throw new SeicheException("gradient_wrt: '" + name + "' is not an acoustic parameter");
                };
            }
            out.put(name, new NdArray(shape, g));
        }
        return out;
    }

    private double[] toGrid(double[] padded) {
        int[] gridShape = gridShape();
        double[] grid = new double[size(gridShape)];
        int n = padded.length;
        int ndim = domain.length;
        int[] cell = new int[ndim];
        for (int p = 0; p < n; p++) {
            grid[gridIndex(p, cell, gridShape)] = padded[p];
        }
        return grid;
    }

    private double[] fromGrid(double[] grid) {
        double[] padded = new double[padding.paddedSize()];
        if (grid != null) {
            int[] gridShape = gridShape();
            int[] cell = new int[domain.length];
            for (int p = 0; p < padded.length; p++) {
                padded[p] = grid[gridIndex(p, cell, gridShape)];
            }
        }
        return padded;
    }

    private int[] gridShape() {
        int[] g = new int[domain.length];
        for (int d = 0; d < g.length; d++) {
            g[d] = domain[d] + 2 * halo;
        }
        return g;
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** The grid index of padded cell p (cell: scratch for its coordinates). */
    private int gridIndex(int p, int[] cell, int[] gridShape) {
        int rest = p;
        for (int d = domain.length - 1; d >= 0; d--) {
            cell[d] = rest % domain[d];
            rest /= domain[d];
        }
        int idx = 0;
        for (int d = 0; d < domain.length; d++) {
            idx = idx * gridShape[d] + cell[d] + halo;
        }
        return idx;
    }
}
