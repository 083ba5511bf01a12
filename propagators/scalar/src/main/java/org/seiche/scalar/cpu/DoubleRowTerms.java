package org.seiche.scalar.cpu;

/**
 * The portable loops over a row segment (cells along the last dimension, the row starting at
 * flat index base) that the stencils of every dimension share: a dimension's plain second
 * difference or PML term (docs/scalar.md) set or added to a row accumulator, the update from
 * it, and the gradient's image sum. The profile index of a cell along dimension d is the
 * row's index j along d, or the column for the last dimension. The SIMD stencils cover whole
 * vectors of a segment first; these loops do the rest, and all of it in the portable stencils.
 */
final class DoubleRowTerms {
    private final int last;
    private final int guard;
    private final double[] v2dt2;
    private final int[] stride;
    private final double[][] a;
    private final double[][] b;
    private final double[][] db;
    private final double[][] first;
    private final double[][] second;

    DoubleRowTerms(DoubleCoefficients c) {
        last = c.ndim - 1;
        guard = c.guard;
        v2dt2 = c.v2dt2;
        stride = c.stride;
        a = c.a;
        b = c.b;
        db = c.db;
        first = c.first;
        second = c.second;
    }

    /** Sets or adds the plain second difference of f along d to row[x] for x in [from, to). */
    void plain(int d, double[] f, int base, int from, int to, double[] row, boolean add) {
        final double[] c = second[d];
        final int s = stride[d];
        for (int x = from; x < to; x++) {
            int i = base + x;
            double t = c[0] * f[i];
            for (int k = 1; k <= guard; k++) {
                t += c[k] * (f[i + k * s] + f[i - k * s]);
            }
            row[x] = add ? row[x] + t : t;
        }
    }

    /**
     * The forward PML term along d, with p = psi, z = zeta: tmp = (1 + b) D2 u + (D b) D u +
     * D(a p); p' = a p + b D u; z' = a z + b tmp; S_d = tmp + z', set or added to row[x].
     */
    void pmlForward(int d, DoubleWavefield w, int base, int j0, int from, int to, double[] row, boolean add) {
        final int s = stride[d];
        final double[] pa = a[d];
        final double[] pb = b[d];
        final double[] pdb = db[d];
        final double[] c1 = first[d];
        final double[] c2 = second[d];
        final double[] u = w.u;
        final double[] p = w.psi[d];
        final double[] pNext = w.psiNext[d];
        final double[] z = w.zeta[d];
        final double[] zNext = w.zetaNext[d];
        for (int x = from; x < to; x++) {
            int i = base + x;
            int j = d == last ? x : j0;
            double d2 = c2[0] * u[i];
            double d1 = 0;
            double dap = 0;
            for (int k = 1; k <= guard; k++) {
                double plus = u[i + k * s];
                double minus = u[i - k * s];
                d2 += c2[k] * (plus + minus);
                d1 += c1[k] * (plus - minus);
                dap += c1[k] * (pa[j + k] * p[i + k * s] - pa[j - k] * p[i - k * s]);
            }
            double tmp = (1 + pb[j]) * d2 + pdb[j] * d1 + dap;
            pNext[i] = DoubleStencil.flush(pa[j] * p[i] + pb[j] * d1);
            double zn = DoubleStencil.flush(pa[j] * z[i] + pb[j] * tmp);
            zNext[i] = zn;
            row[x] = add ? row[x] + tmp + zn : tmp + zn;
        }
    }

    /**
     * The adjoint PML term along d on mu = v^2 dt^2 lambda, with P, Z the adjoints of psi,
     * zeta and q = (1 + b) mu + b Z: S_d = D2((1 + b) q) - D((D b) q + b P); P' = a (P - D q);
     * Z' = a (mu + Z); set or added to row[x].
     */
    void pmlAdjoint(int d, DoubleWavefield w, int base, int j0, int from, int to, double[] row, boolean add) {
        final int s = stride[d];
        final double[] pa = a[d];
        final double[] pb = b[d];
        final double[] pdb = db[d];
        final double[] c1 = first[d];
        final double[] c2 = second[d];
        final double[] mu = w.u;
        final double[] p = w.psi[d];
        final double[] pNext = w.psiNext[d];
        final double[] z = w.zeta[d];
        final double[] zNext = w.zetaNext[d];
        for (int x = from; x < to; x++) {
            int i = base + x;
            int j = d == last ? x : j0;
            double q = (1 + pb[j]) * mu[i] + pb[j] * z[i];
            double d2 = c2[0] * (1 + pb[j]) * q;
            double d1q = 0;
            double d1h = 0;
            for (int k = 1; k <= guard; k++) {
                int ip = i + k * s;
                int im = i - k * s;
                int jp = j + k;
                int jm = j - k;
                double qp = (1 + pb[jp]) * mu[ip] + pb[jp] * z[ip];
                double qm = (1 + pb[jm]) * mu[im] + pb[jm] * z[im];
                d2 += c2[k] * ((1 + pb[jp]) * qp + (1 + pb[jm]) * qm);
                d1q += c1[k] * (qp - qm);
                d1h += c1[k] * (pdb[jp] * qp + pb[jp] * p[ip] - pdb[jm] * qm - pb[jm] * p[im]);
            }
            pNext[i] = DoubleStencil.flush(pa[j] * (p[i] - d1q));
            zNext[i] = DoubleStencil.flush(pa[j] * (mu[i] + z[i]));
            row[x] = add ? row[x] + d2 - d1h : d2 - d1h;
        }
    }

    /** next = v^2 dt^2 S + 2 u - previous over a row segment, S from the row accumulator (and into spatial). */
    void finish(DoubleWavefield w, int base, int from, int to, double[] spatial, int at, double[] row) {
        final double[] u = w.u;
        final double[] next = w.previous;
        for (int x = from; x < to; x++) {
            int i = base + x;
            next[i] = DoubleStencil.flush(v2dt2[i] * row[x] + 2 * u[i] - next[i]);
            if (spatial != null) {
                spatial[at + i] = row[x];
            }
        }
    }

    /** gradient += weight * mu * S over cells [from, to), S at spatial[at + i]. */
    static void image(double[] gradient, double[] mu, double[] spatial, int at, int from, int to, double weight) {
        for (int i = from; i < to; i++) {
            gradient[i] = DoubleStencil.flush(gradient[i] + weight * mu[i] * spatial[at + i]);
        }
    }
}
