package org.seiche.elastic.cpu.f64;

/**
 * The sweeps of one volume step over lines (docs/elastic.md, "1-D and 3-D"). A
 * derivative along dimension e is "half" when it is evaluated half a cell after the field's
 * points along e (D f(i + 1/2) = sum_k c_k (f(i + k) - f(i + 1 - k))) and "int" when it is
 * evaluated at the integer points from a field half a cell after them
 * (D f(i) = sum_k c_k (f(i + k - 1) - f(i - k))); the transpose of one is minus the other.
 * Each derivative has a memory variable m, m <- a m + b D, used as D + m, with the profile
 * of its direction at the point where it is evaluated. {@code stored} is the history slot
 * of this step (null: not stored); a term keeps the domain's cells only, line after line
 * (line l's at l x n), not the halo the fields carry.
 */
final class VolumeSweeps {
    private final VolumeKernel k;
    private final VolumeFields w;
    private final int n;
    /**
     * Each thread's line buffers, taken once: the sweeps run a plane at a time, and taking
     * them per call put megabytes of garbage per step through the small young generation.
     * Every buffer is written before it is read on each line.
     */
    private final ThreadLocal<Lines> buffers;

    VolumeSweeps(VolumeKernel k, VolumeFields w) {
        this.k = k;
        this.w = w;
        this.n = k.cells[k.inner];
        this.buffers = ThreadLocal.withInitial(() -> new Lines(k.ndim, n));
    }

    /** A thread's buffers of one line: sums, a derivative, the strain rates, and a line's coordinates. */
    private static final class Lines {
        final double[] sum;
        final double[] d;
        final double[] trace;
        final double[] shear;
        final double[][][] strain;
        final int[] at;

        Lines(int ndim, int n) {
            sum = new double[n];
            d = new double[n];
            trace = new double[n];
            shear = new double[n];
            strain = new double[ndim][ndim][n];
            at = new int[ndim];
        }
    }

    /** v_d += dt B_d (half_d sigma_dd + sum over e != d of int_e sigma_de). */
    void velocities(int[] lines, VolumeHistory.Slot stored) {
        Lines buffer = buffers.get();
        double[] sum = buffer.sum;
        double[] d = buffer.d;
        int[] at = buffer.at;
        for (int line : lines) {
            int base = k.lineStart(line, at);
            for (int v = 0; v < k.ndim; v++) {
                for (int e = 0; e < k.ndim; e++) {
                    boolean normal = e == v;
                    double[] f = normal ? w.normal[v] : w.shear[pair(v, e)];
                    if (e == 0) {
                        derivative(f, base, e, normal, sum, false);
                        memory(w.velocityMemory[v][e], base, e, normal, at, sum);
                    } else if (damped(e, normal, at)) {
                        derivative(f, base, e, normal, d, false);
                        memory(w.velocityMemory[v][e], base, e, normal, at, d);
                        add(d, sum);
                    } else {
                        derivative(f, base, e, normal, sum, true);
                    }
                }
                update(w.velocity[v], k.buoyancyDt[v], base, sum);
                if (stored != null && stored.has(v)) {
                    System.arraycopy(sum, 0, stored.values(), stored.offset()[v] + line * n, n);
                }
            }
        }
    }

    /**
     * sigma_dd += dt (lamb sum_e int_e v_e + 2 mu int_d v_d) and, per pair,
     * sigma_de += dt mu_de (half_e v_d + half_d v_e).
     */
    void stresses(int[] lines, VolumeHistory.Slot stored) {
        Lines buffer = buffers.get();
        double[][][] strain = buffer.strain;
        double[] trace = buffer.trace;
        double[] shear = buffer.shear;
        int[] at = buffer.at;
        for (int line : lines) {
            int base = k.lineStart(line, at);
            for (int v = 0; v < k.ndim; v++) {
                for (int e = 0; e < k.ndim; e++) {
                    derivative(w.velocity[v], base, e, e != v, strain[v][e], false);
                    memory(w.strainMemory[v][e], base, e, e != v, at, strain[v][e]);
                }
            }
            System.arraycopy(strain[0][0], 0, trace, 0, n);
            for (int v = 1; v < k.ndim; v++) {
                add(strain[v][v], trace);
            }
            for (int v = 0; v < k.ndim; v++) {
                double[] own = strain[v][v];
                normal(w.normal[v], base, trace, own);
                if (stored != null && stored.has(k.ndim + v)) {
                    System.arraycopy(own, 0, stored.values(), stored.offset()[k.ndim + v] + line * n, n);
                }
            }
            for (int v = 0; v < k.ndim; v++) {
                for (int e = v + 1; e < k.ndim; e++) {
                    int q = pair(v, e);
                    System.arraycopy(strain[v][e], 0, shear, 0, n);
                    add(strain[e][v], shear);
                    update(w.shear[q], k.shearDt[q], base, shear);
                    if (stored != null && stored.has(2 * k.ndim + q)) {
                        System.arraycopy(shear, 0, stored.values(), stored.offset()[2 * k.ndim + q] + line * n, n);
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
    void stressesAdjointTerms(int[] lines, VolumeHistory.Slot stored, double[][] gradients) {
        Lines buffer = buffers.get();
        double[] sum = buffer.sum;
        double[] trace = buffer.trace;
        int[] at = buffer.at;
        for (int line : lines) {
            int base = k.lineStart(line, at);
            System.arraycopy(w.normal[0], base, sum, 0, n);
            for (int v = 1; v < k.ndim; v++) {
                addFrom(w.normal[v], base, sum);
            }
            for (int v = 0; v < k.ndim; v++) {
                double[] t = w.terms[v][v];
                double[] s = w.normal[v];
                for (int j = k.vectors ? VolumeVectors.normalTerm(k.lambDt, k.muDt, s, base, sum, t, n) : 0; j < n; j++) {
                    int p = base + j;
                    double muS = k.muDt[p] * s[p];
                    t[p] = k.lambDt[p] * sum[j] + (muS + muS);
                }
            }
            for (int v = 0; v < k.ndim; v++) {
                for (int e = v + 1; e < k.ndim; e++) {
                    int q = pair(v, e);
                    product(k.shearDt[q], w.shear[q], base, w.terms[v][e]);
                    System.arraycopy(w.terms[v][e], base, w.terms[e][v], base, n);
                }
            }
            if (stored != null && gradients[0] != null) {
                // lamb: the strain rates' trace times the adjoint stresses' sum; mu: half of its
                // gradient, sum_d strain rate d times adjoint sigma_dd (VolumeRun doubles it)
                System.arraycopy(stored.values(), stored.offset()[k.ndim] + line * n, trace, 0, n);
                for (int v = 1; v < k.ndim; v++) {
                    addFrom(stored.values(), stored.offset()[k.ndim + v] + line * n, trace);
                }
                for (int j = k.vectors ? VolumeVectors.addLineProduct(gradients[0], base, trace, sum, n) : 0; j < n; j++) {
                    gradients[0][base + j] += trace[j] * sum[j];
                }
                for (int v = 0; v < k.ndim; v++) {
                    addProduct(gradients[1], stored.values(), stored.offset()[k.ndim + v] + line * n, w.normal[v], base);
                }
            }
            for (int q = 0; q < k.pairs; q++) {
                if (stored != null && gradients[2 + q] != null) {
                    addProduct(gradients[2 + q], stored.values(), stored.offset()[2 * k.ndim + q] + line * n, w.shear[q], base);
                }
            }
            for (int v = 0; v < k.ndim; v++) {
                for (int e = 0; e < k.ndim; e++) {
                    memoryAdjoint(w.strainMemory[v][e], base, e, e != v, at, w.terms[v][e]);
                }
            }
        }
    }

    /** to[j] += f[start + j]. */
    private void addFrom(double[] f, int start, double[] to) {
        for (int j = k.vectors ? VolumeVectors.addFrom(f, start, to, n) : 0; j < n; j++) {
            to[j] += f[start + j];
        }
    }

    /** out[base + j] = a[base + j] x b[base + j]. */
    private void product(double[] a, double[] b, int base, double[] out) {
        for (int j = k.vectors ? VolumeVectors.product(a, b, base, out, n) : 0; j < n; j++) {
            out[base + j] = a[base + j] * b[base + j];
        }
    }

    /** g[base + j] += a[start + j] x b[base + j]. */
    private void addProduct(double[] g, double[] a, int start, double[] b, int base) {
        for (int j = k.vectors ? VolumeVectors.addProduct(g, a, start, b, base, n) : 0; j < n; j++) {
            g[base + j] += a[start + j] * b[base + j];
        }
    }

    /** Transpose of the strain rates: v_d -= half_d terms[d][d] + sum over e != d of int_e terms[d][e]. */
    void stressesAdjointFields(int[] lines) {
        Lines buffer = buffers.get();
        double[] d = buffer.d;
        int[] at = buffer.at;
        for (int line : lines) {
            int base = k.lineStart(line, at);
            for (int v = 0; v < k.ndim; v++) {
                for (int e = 0; e < k.ndim; e++) {
                    derivative(w.terms[v][e], base, e, e == v, d, e > 0);
                }
                subtract(d, w.velocity[v], base);
            }
        }
    }

    /**
     * Transpose of the velocity update, pointwise half: dt B_d times the adjoint v_d (memory
     * variables transposed) to terms[d][e]; the buoyancy gradients grow by the stored
     * divergence times the adjoint velocity.
     */
    void velocitiesAdjointTerms(int[] lines, VolumeHistory.Slot stored, double[][] gradients) {
        int[] at = buffers.get().at;
        for (int line : lines) {
            int base = k.lineStart(line, at);
            for (int v = 0; v < k.ndim; v++) {
                double[] field = w.velocity[v];
                product(k.buoyancyDt[v], field, base, w.terms[v][0]);
                for (int e = 1; e < k.ndim; e++) {
                    System.arraycopy(w.terms[v][0], base, w.terms[v][e], base, n);
                }
                double[] g = gradients == null ? null : gradients[2 + k.pairs + v];
                if (stored != null && g != null) {
                    addProduct(g, stored.values(), stored.offset()[v] + line * n, field, base);
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
    void velocitiesAdjointFields(int[] lines) {
        Lines buffer = buffers.get();
        double[] d = buffer.d;
        int[] at = buffer.at;
        for (int line : lines) {
            int base = k.lineStart(line, at);
            for (int v = 0; v < k.ndim; v++) {
                derivative(w.terms[v][v], base, v, false, d, false);
                subtract(d, w.normal[v], base);
                for (int e = v + 1; e < k.ndim; e++) {
                    derivative(w.terms[v][e], base, e, true, d, false);
                    derivative(w.terms[e][v], base, v, true, d, true);
                    subtract(d, w.shear[pair(v, e)], base);
                }
            }
        }
    }

    /** field[base + j] -= d[j]. */
    private void subtract(double[] d, double[] field, int base) {
        for (int j = k.vectors ? VolumeVectors.subtract(d, field, base, n) : 0; j < n; j++) {
            field[base + j] -= d[j];
        }
    }

    /** to[j] += from[j]. */
    private void add(double[] from, double[] to) {
        for (int j = k.vectors ? VolumeVectors.add(from, to, n) : 0; j < n; j++) {
            to[j] += from[j];
        }
    }

    /** field[base + j] += coefficient[base + j] x term[j]. */
    private void update(double[] field, double[] coefficient, int base, double[] term) {
        for (int j = k.vectors ? VolumeVectors.update(field, coefficient, base, term, n) : 0; j < n; j++) {
            field[base + j] += coefficient[base + j] * term[j];
        }
    }

    /** sigma_dd[base + j] += dt (lamb trace[j] + 2 mu own[j]). */
    private void normal(double[] field, int base, double[] trace, double[] own) {
        int j = k.vectors ? VolumeVectors.normal(field, k.lambDt, k.muDt, base, trace, own, n) : 0;
        for (; j < n; j++) {
            double muOwn = k.muDt[base + j] * own[j];
            field[base + j] += k.lambDt[base + j] * trace[j] + (muOwn + muOwn);
        }
    }

    private static int pair(int d, int e) {
        return org.seiche.elastic.cpu.VolumeGrid.pair(d, e);
    }

    /** out = (or +=, when add) the derivative of f along e over the line from base, half or int. */
    private void derivative(double[] f, int base, int e, boolean half, double[] out, boolean add) {
        int s = k.stride[e];
        double[] c = k.stencil[e];
        int up = base + (half ? s : 0);
        int down = base - (half ? 0 : s);
        int done = k.vectors ? VolumeVectors.derivative(f, up, down, s, c, out, n, add) : 0;
        double c0 = c[0];
        for (int j = done; j < n; j++) {
            double first = c0 * (f[up + j] - f[down + j]);
            out[j] = add ? out[j] + first : first;
        }
        for (int m = 1; m < c.length; m++) {
            double cm = c[m];
            int u = up + m * s;
            int l = down - m * s;
            for (int j = done; j < n; j++) {
                out[j] += cm * (f[u + j] - f[l + j]);
            }
        }
    }

    /** Whether the line has PML cells along e (at integer or half points). */
    private boolean damped(int e, boolean half, int[] at) {
        int h = half ? 1 : 0;
        if (e == k.inner) {
            return k.stripLow[h] > 0 || k.stripHigh[h] < n;
        }
        return k.pmlA[e][h][at[e]] != 0 || k.pmlB[e][h][at[e]] != 0;
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
            for (int j = k.vectors ? VolumeVectors.memory(m, base, ai, bi, d, n) : 0; j < n; j++) {
                double mj = ai * m[base + j] + bi * d[j];
                m[base + j] = mj;
                d[j] += mj;
            }
        }
    }

    private void memoryStrip(double[] m, int base, double[] a, double[] b, double[] d, int from, int to) {
        for (int j = k.vectors ? VolumeVectors.memoryStrip(m, base, a, b, d, from, to) : from; j < to; j++) {
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
            for (int j = base + (k.vectors ? VolumeVectors.memoryAdjoint(m, base, ai, bi, t, n) : 0); j < base + n; j++) {
                double big = m[j] + t[j];
                t[j] += bi * big;
                m[j] = ai * big;
            }
        }
    }

    private void memoryAdjointStrip(double[] m, int base, double[] a, double[] b, double[] t, int from, int to) {
        for (int j = k.vectors ? VolumeVectors.memoryAdjointStrip(m, base, a, b, t, from, to) : from; j < to; j++) {
            double big = m[base + j] + t[base + j];
            t[base + j] += b[j] * big;
            m[base + j] = a[j] * big;
        }
    }
}
