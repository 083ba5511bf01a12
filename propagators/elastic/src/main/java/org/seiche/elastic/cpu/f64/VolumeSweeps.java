package org.seiche.elastic.cpu.f64;

/**
 * The sweeps of one volume step over lines [from, to) (docs/elastic.md, "1-D and 3-D"). A
 * derivative along dimension e is "half" when it is evaluated half a cell after the field's
 * points along e (D f(i + 1/2) = sum_k c_k (f(i + k) - f(i + 1 - k))) and "int" when it is
 * evaluated at the integer points from a field half a cell after them
 * (D f(i) = sum_k c_k (f(i + k - 1) - f(i - k))); the transpose of one is minus the other.
 * Each derivative has a memory variable m, m <- a m + b D, used as D + m, with the profile
 * of its direction at the point where it is evaluated. {@code stored} is the history slot
 * of this step (null: not stored).
 */
final class VolumeSweeps {
    private final VolumeKernel k;
    private final VolumeFields w;
    private final int n;

    VolumeSweeps(VolumeKernel k, VolumeFields w) {
        this.k = k;
        this.w = w;
        this.n = k.cells[k.inner];
    }

    /** v_d += dt B_d (half_d sigma_dd + sum over e != d of int_e sigma_de). */
    void velocities(int from, int to, double[][] stored) {
        double[] sum = new double[n];
        double[] d = new double[n];
        int[] at = new int[k.ndim];
        for (int line = from; line < to; line++) {
            int base = k.lineStart(line, at);
            for (int v = 0; v < k.ndim; v++) {
                for (int e = 0; e < k.ndim; e++) {
                    boolean normal = e == v;
                    double[] f = normal ? w.normal[v] : w.shear[pair(v, e)];
                    double[] out = e == 0 ? sum : d;
                    derivative(f, base, e, normal, out);
                    memory(w.velocityMemory[v][e], base, e, normal, at, out);
                    if (e > 0) {
                        for (int j = 0; j < n; j++) {
                            sum[j] += d[j];
                        }
                    }
                }
                double[] field = w.velocity[v];
                double[] b = k.buoyancyDt[v];
                for (int j = 0; j < n; j++) {
                    field[base + j] += b[base + j] * sum[j];
                }
                if (stored != null && stored[v] != null) {
                    System.arraycopy(sum, 0, stored[v], base, n);
                }
            }
        }
    }

    /**
     * sigma_dd += dt (lamb sum_e int_e v_e + 2 mu int_d v_d) and, per pair,
     * sigma_de += dt mu_de (half_e v_d + half_d v_e).
     */
    void stresses(int from, int to, double[][] stored) {
        double[][][] strain = new double[k.ndim][k.ndim][n];
        double[] trace = new double[n];
        double[] shear = new double[n];
        int[] at = new int[k.ndim];
        for (int line = from; line < to; line++) {
            int base = k.lineStart(line, at);
            for (int v = 0; v < k.ndim; v++) {
                for (int e = 0; e < k.ndim; e++) {
                    derivative(w.velocity[v], base, e, e != v, strain[v][e]);
                    memory(w.strainMemory[v][e], base, e, e != v, at, strain[v][e]);
                }
            }
            System.arraycopy(strain[0][0], 0, trace, 0, n);
            for (int v = 1; v < k.ndim; v++) {
                add(strain[v][v], trace);
            }
            for (int v = 0; v < k.ndim; v++) {
                double[] field = w.normal[v];
                double[] own = strain[v][v];
                for (int j = 0; j < n; j++) {
                    field[base + j] += k.lambDt[base + j] * trace[j] + 2 * k.muDt[base + j] * own[j];
                }
                if (stored != null && stored[k.ndim + v] != null) {
                    System.arraycopy(own, 0, stored[k.ndim + v], base, n);
                }
            }
            for (int v = 0; v < k.ndim; v++) {
                for (int e = v + 1; e < k.ndim; e++) {
                    int q = pair(v, e);
                    double[] a = strain[v][e];
                    double[] b = strain[e][v];
                    for (int j = 0; j < n; j++) {
                        shear[j] = a[j] + b[j];
                    }
                    double[] field = w.shear[q];
                    double[] mu = k.shearDt[q];
                    for (int j = 0; j < n; j++) {
                        field[base + j] += mu[base + j] * shear[j];
                    }
                    if (stored != null && stored[2 * k.ndim + q] != null) {
                        System.arraycopy(shear, 0, stored[2 * k.ndim + q], base, n);
                    }
                }
            }
        }
    }

    /**
     * Transpose of the stress update, pointwise half: the adjoint of each strain rate (with
     * its memory variable transposed) goes to terms[d][e]; gradients of lamb, mu and the
     * shear moduli grow by the stored strain rates times the adjoint stresses.
     */
    void stressesAdjointTerms(int from, int to, double[][] stored, double[][] gradients) {
        double[] sum = new double[n];
        int[] at = new int[k.ndim];
        for (int line = from; line < to; line++) {
            int base = k.lineStart(line, at);
            System.arraycopy(w.normal[0], base, sum, 0, n);
            for (int v = 1; v < k.ndim; v++) {
                double[] s = w.normal[v];
                for (int j = 0; j < n; j++) {
                    sum[j] += s[base + j];
                }
            }
            for (int v = 0; v < k.ndim; v++) {
                double[] t = w.terms[v][v];
                double[] s = w.normal[v];
                for (int j = 0; j < n; j++) {
                    int p = base + j;
                    t[p] = k.lambDt[p] * sum[j] + 2 * k.muDt[p] * s[p];
                }
            }
            for (int v = 0; v < k.ndim; v++) {
                for (int e = v + 1; e < k.ndim; e++) {
                    int q = pair(v, e);
                    double[] s = w.shear[q];
                    double[] mu = k.shearDt[q];
                    double[] t = w.terms[v][e];
                    for (int j = 0; j < n; j++) {
                        t[base + j] = mu[base + j] * s[base + j];
                    }
                    System.arraycopy(t, base, w.terms[e][v], base, n);
                }
            }
            if (stored != null) {
                strainGradients(base, stored, gradients, sum);
            }
            for (int v = 0; v < k.ndim; v++) {
                for (int e = 0; e < k.ndim; e++) {
                    memoryAdjoint(w.strainMemory[v][e], base, e, e != v, at, w.terms[v][e]);
                }
            }
        }
    }

    private void strainGradients(int base, double[][] stored, double[][] gradients, double[] stressSum) {
        if (gradients[0] != null) {
            double[] lamb = gradients[0];
            double[] mu = gradients[1];
            for (int j = 0; j < n; j++) {
                int p = base + j;
                double trace = 0;
                double own = 0;
                for (int v = 0; v < k.ndim; v++) {
                    trace += stored[k.ndim + v][p];
                    own += stored[k.ndim + v][p] * w.normal[v][p];
                }
                lamb[p] += trace * stressSum[j];
                mu[p] += 2 * own;
            }
        }
        for (int q = 0; q < k.pairs; q++) {
            double[] g = gradients[2 + q];
            if (g != null) {
                double[] s = w.shear[q];
                double[] rate = stored[2 * k.ndim + q];
                for (int j = 0; j < n; j++) {
                    g[base + j] += rate[base + j] * s[base + j];
                }
            }
        }
    }

    /** Transpose of the strain rates: v_d -= half_d terms[d][d] + sum over e != d of int_e terms[d][e]. */
    void stressesAdjointFields(int from, int to) {
        double[] d = new double[n];
        int[] at = new int[k.ndim];
        for (int line = from; line < to; line++) {
            int base = k.lineStart(line, at);
            for (int v = 0; v < k.ndim; v++) {
                double[] field = w.velocity[v];
                for (int e = 0; e < k.ndim; e++) {
                    derivative(w.terms[v][e], base, e, e == v, d);
                    for (int j = 0; j < n; j++) {
                        field[base + j] -= d[j];
                    }
                }
            }
        }
    }

    /**
     * Transpose of the velocity update, pointwise half: dt B_d times the adjoint v_d (memory
     * variables transposed) to terms[d][e]; the buoyancy gradients grow by the stored
     * divergence times the adjoint velocity.
     */
    void velocitiesAdjointTerms(int from, int to, double[][] stored, double[][] gradients) {
        int[] at = new int[k.ndim];
        for (int line = from; line < to; line++) {
            int base = k.lineStart(line, at);
            for (int v = 0; v < k.ndim; v++) {
                double[] field = w.velocity[v];
                double[] b = k.buoyancyDt[v];
                double[] t = w.terms[v][0];
                for (int j = 0; j < n; j++) {
                    t[base + j] = b[base + j] * field[base + j];
                }
                for (int e = 1; e < k.ndim; e++) {
                    System.arraycopy(t, base, w.terms[v][e], base, n);
                }
                double[] g = gradients == null ? null : gradients[2 + k.pairs + v];
                if (stored != null && g != null) {
                    double[] divergence = stored[v];
                    for (int j = 0; j < n; j++) {
                        g[base + j] += divergence[base + j] * field[base + j];
                    }
                }
                for (int e = 0; e < k.ndim; e++) {
                    memoryAdjoint(w.velocityMemory[v][e], base, e, e == v, at, w.terms[v][e]);
                }
            }
        }
    }

    /**
     * Transpose of the stress derivatives: sigma_dd -= int_d terms[d][d];
     * sigma_de -= half_e terms[d][e] + half_d terms[e][d].
     */
    void velocitiesAdjointFields(int from, int to) {
        double[] d = new double[n];
        int[] at = new int[k.ndim];
        for (int line = from; line < to; line++) {
            int base = k.lineStart(line, at);
            for (int v = 0; v < k.ndim; v++) {
                derivative(w.terms[v][v], base, v, false, d);
                subtract(d, w.normal[v], base);
                for (int e = v + 1; e < k.ndim; e++) {
                    double[] field = w.shear[pair(v, e)];
                    derivative(w.terms[v][e], base, e, true, d);
                    subtract(d, field, base);
                    derivative(w.terms[e][v], base, v, true, d);
                    subtract(d, field, base);
                }
            }
        }
    }

    private void subtract(double[] d, double[] field, int base) {
        for (int j = 0; j < n; j++) {
            field[base + j] -= d[j];
        }
    }

    private void add(double[] from, double[] to) {
        for (int j = 0; j < n; j++) {
            to[j] += from[j];
        }
    }

    private static int pair(int d, int e) {
        return org.seiche.elastic.cpu.VolumeGrid.pair(d, e);
    }

    /** out = the derivative of f along e over the line from base, half or int. */
    private void derivative(double[] f, int base, int e, boolean half, double[] out) {
        int s = k.stride[e];
        double[] c = k.stencil[e];
        int up = base + (half ? s : 0);
        int down = base - (half ? 0 : s);
        double c0 = c[0];
        for (int j = 0; j < n; j++) {
            out[j] = c0 * (f[up + j] - f[down + j]);
        }
        for (int m = 1; m < c.length; m++) {
            double cm = c[m];
            int u = up + m * s;
            int l = down - m * s;
            for (int j = 0; j < n; j++) {
                out[j] += cm * (f[u + j] - f[l + j]);
            }
        }
    }

    /** m <- a m + b D, D <- D + m on the line's PML cells along e. */
    private void memory(double[] m, int base, int e, boolean half, int[] at, double[] d) {
        int h = half ? 1 : 0;
        double[] a = k.pmlA[e][h];
        double[] b = k.pmlB[e][h];
        if (e == k.inner) {
            memoryStrip(m, base, a, b, d, 0, k.stripLow[h]);
            memoryStrip(m, base, a, b, d, k.stripHigh[h], n);
        } else if (a[at[e]] != 0 || b[at[e]] != 0) {
            double ai = a[at[e]];
            double bi = b[at[e]];
            for (int j = 0; j < n; j++) {
                double mj = ai * m[base + j] + bi * d[j];
                m[base + j] = mj;
                d[j] += mj;
            }
        }
    }

    private static void memoryStrip(double[] m, int base, double[] a, double[] b, double[] d, int from, int to) {
        for (int j = from; j < to; j++) {
            double mj = a[j] * m[base + j] + b[j] * d[j];
            m[base + j] = mj;
            d[j] += mj;
        }
    }

    /** Transpose of {@link #memory} on a term array t: M = m + t; t += b M; m = a M. */
    private void memoryAdjoint(double[] m, int base, int e, boolean half, int[] at, double[] t) {
        int h = half ? 1 : 0;
        double[] a = k.pmlA[e][h];
        double[] b = k.pmlB[e][h];
        if (e == k.inner) {
            memoryAdjointStrip(m, base, a, b, t, 0, k.stripLow[h]);
            memoryAdjointStrip(m, base, a, b, t, k.stripHigh[h], n);
        } else if (a[at[e]] != 0 || b[at[e]] != 0) {
            double ai = a[at[e]];
            double bi = b[at[e]];
            for (int j = base; j < base + n; j++) {
                double big = m[j] + t[j];
                t[j] += bi * big;
                m[j] = ai * big;
            }
        }
    }

    private static void memoryAdjointStrip(double[] m, int base, double[] a, double[] b, double[] t, int from, int to) {
        for (int j = from; j < to; j++) {
            double big = m[base + j] + t[base + j];
            t[base + j] += b[j] * big;
            m[base + j] = a[j] * big;
        }
    }
}
