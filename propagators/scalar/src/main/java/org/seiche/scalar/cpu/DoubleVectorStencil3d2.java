package org.seiche.scalar.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD loops of {@link DoubleStencil3d} (the Java Vector API) for stencils reaching G
 * cells (accuracy 2 G), vectors along x. This file is the template of every accuracy: the
 * build writes the ones of G = 1, 3, 4 from it (and the float twins of all four), G a
 * compile-time constant, so that every loop body is straight-line code whose vectors stay in
 * registers (see DoubleVectorStencil2, the 2-D template, for why the loops call no methods of
 * their own beyond the small ones the JIT inlines).
 * <p>
 * The PML loops come in two kinds: along z or y the profiles are those of the row (scalars,
 * broadcast before the loop); along x they are loaded with the cells. An interior row's
 * columns beside the interior take the x PML term, the plain z and y terms and the update in
 * one pass. Stored fields go through the flush of {@link DoubleStencil#NEGLIGIBLE} unless the
 * processor flushes subnormals itself ({@link DoubleStencil#FLUSH}).
 */
final class DoubleVectorStencil3d2 extends DoubleStencil3d {
    /** How far the stencil reaches: accuracy / 2. */
    private static final int G = 2;
    private static final VectorSpecies<Double> LANES = DoubleVectorStencils.LANES;
    private static final int N = LANES.length();
    private static final double NEGLIGIBLE = DoubleStencil.NEGLIGIBLE;
    private static final boolean FLUSH = DoubleStencil.FLUSH;

    /** v^2 dt^2 on the domain, zero on the guard cells: guard cells stepped with it stay zero. */
    private final double[] domainV2dt2;
    /** The x profiles a, b, D b, zero on the guard columns and G more zeros at either end: column x at G + x. */
    private final double[] columnA, columnB, columnDb;
    /** Second-difference weights along z, y, x, k = 0..4 (0 beyond G). */
    private final double z0, z1, z2, z3, z4, y0, y1, y2, y3, y4, x0, x1, x2, x3, x4;
    /** First-difference weights along x, k = 1..4 (0 beyond G). */
    private final double dx1, dx2, dx3, dx4;
    /** Per dimension the second-difference (k = 0..4) and first-difference (k = 1..4, 0 at 0) weights. */
    private final double[][] second5, first5;

    DoubleVectorStencil3d2(DoubleCoefficients c) {
        super(c, N);
        domainV2dt2 = c.domainOnly(c.v2dt2);
        columnA = guardless(c, c.a[2]);
        columnB = guardless(c, c.b[2]);
        columnDb = guardless(c, c.db[2]);
        second5 = new double[][] {weights(c.second[0]), weights(c.second[1]), weights(c.second[2])};
        first5 = new double[][] {weights(c.first[0]), weights(c.first[1]), weights(c.first[2])};
        z0 = second5[0][0];
        z1 = second5[0][1];
        z2 = second5[0][2];
        z3 = second5[0][3];
        z4 = second5[0][4];
        y0 = second5[1][0];
        y1 = second5[1][1];
        y2 = second5[1][2];
        y3 = second5[1][3];
        y4 = second5[1][4];
        x0 = second5[2][0];
        x1 = second5[2][1];
        x2 = second5[2][2];
        x3 = second5[2][3];
        x4 = second5[2][4];
        dx1 = first5[2][1];
        dx2 = first5[2][2];
        dx3 = first5[2][3];
        dx4 = first5[2][4];
    }

    /** An x profile on the domain's columns, zero elsewhere, shifted by G, with a vector of zeros more at the end. */
    private static double[] guardless(DoubleCoefficients c, double[] profile) {
        double[] out = new double[c.columns + 2 * G + N];
        System.arraycopy(profile, c.domainStart[2], out, G + c.domainStart[2], c.domainEnd[2] - c.domainStart[2]);
        return out;
    }

    /** Weights k = 0..4, zero beyond the stencil's reach. */
    private static double[] weights(double[] w) {
        double[] out = new double[5];
        System.arraycopy(w, 0, out, 0, Math.min(w.length, out.length));
        return out;
    }

    private static DoubleVector weight(double w) {
        return DoubleVector.broadcast(LANES, w);
    }

    /** u[i + d] + u[i - d] at cells i .. i + N - 1. */
    private static DoubleVector pair(double[] u, int i, int d) {
        return DoubleVector.fromArray(LANES, u, i + d).add(DoubleVector.fromArray(LANES, u, i - d));
    }

    /** The Laplacian of u at cells i .. i + N - 1 (uc: their values), as fused multiply-adds. */
    private DoubleVector laplacian(double[] u, int i, DoubleVector uc) {
        final int sz = stride[0];
        final int sy = stride[1];
        DoubleVector t = pair(u, i, sz).fma(weight(z1), uc.mul(z0 + y0 + x0));
        t = pair(u, i, sy).fma(weight(y1), t);
        t = pair(u, i, 1).fma(weight(x1), t);
        if (G > 1) {
            t = pair(u, i, 2 * sz).fma(weight(z2), t);
            t = pair(u, i, 2 * sy).fma(weight(y2), t);
            t = pair(u, i, 2).fma(weight(x2), t);
        }
        if (G > 2) {
            t = pair(u, i, 3 * sz).fma(weight(z3), t);
            t = pair(u, i, 3 * sy).fma(weight(y3), t);
            t = pair(u, i, 3).fma(weight(x3), t);
        }
        if (G > 3) {
            t = pair(u, i, 4 * sz).fma(weight(z4), t);
            t = pair(u, i, 4 * sy).fma(weight(y4), t);
            t = pair(u, i, 4).fma(weight(x4), t);
        }
        return t;
    }

    /**
     * v with the values below NEGLIGIBLE in magnitude set to 0. Called as FLUSH ? flushed(v) : v,
     * so that without FLUSH no call is left: in a large loop C2 may decline to inline even this
     * small method (NodeCountInliningCutoff), which boxes the vector at every call.
     */
    private static DoubleVector flushed(DoubleVector v) {
        return v.blend(0, v.abs().lt(NEGLIGIBLE));
    }

    @Override
    int simdInterior(double[] u, double[] next, int from, int to, double[] spatial, int at) {
        final double[] v2 = domainV2dt2;
        int i = from;
        for (; i <= to - N; i += N) {
            DoubleVector uc = DoubleVector.fromArray(LANES, u, i);
            DoubleVector t = laplacian(u, i, uc);
            DoubleVector n = DoubleVector.fromArray(LANES, v2, i).fma(t, uc.add(uc).sub(DoubleVector.fromArray(LANES, next, i)));
            (FLUSH ? flushed(n) : n).intoArray(next, i);
            if (spatial != null) {
                t.intoArray(spatial, at + i);
            }
        }
        return i;
    }

    @Override
    int simdBornInterior(DoubleWavefield bg, DoubleWavefield sc, double[] coupling, int from, int to, double[] s0, int at0,
                         double[] s1, int at1) {
        final double[] u0 = bg.u;
        final double[] u1 = sc.u;
        final double[] next0 = bg.previous;
        final double[] next1 = sc.previous;
        final double[] v2 = domainV2dt2;
        int i = from;
        for (; i <= to - N; i += N) {
            DoubleVector a = DoubleVector.fromArray(LANES, u0, i);
            DoubleVector b = DoubleVector.fromArray(LANES, u1, i);
            DoubleVector l0 = laplacian(u0, i, a);
            DoubleVector l1 = laplacian(u1, i, b);
            DoubleVector w = DoubleVector.fromArray(LANES, v2, i);
            DoubleVector n0 = w.fma(l0, a.add(a).sub(DoubleVector.fromArray(LANES, next0, i)));
            (FLUSH ? flushed(n0) : n0).intoArray(next0, i);
            DoubleVector n1 = w.fma(l1, b.add(b).sub(DoubleVector.fromArray(LANES, next1, i)))
                    .add(DoubleVector.fromArray(LANES, coupling, i).mul(l0));
            (FLUSH ? flushed(n1) : n1).intoArray(next1, i);
            if (s0 != null) {
                l0.intoArray(s0, at0 + i);
            }
            if (s1 != null) {
                l1.intoArray(s1, at1 + i);
            }
        }
        return i;
    }

    @Override
    int simdPlain(int d, double[] f, int base, int from, int to, double[] row, boolean add) {
        final double[] w = second5[d];
        final DoubleVector w0 = weight(w[0]);
        final DoubleVector w1 = weight(w[1]);
        final DoubleVector w2 = weight(w[2]);
        final DoubleVector w3 = weight(w[3]);
        final DoubleVector w4 = weight(w[4]);
        final int s = stride[d];
        int x = from;
        for (; x <= to - N; x += N) {
            int i = base + x;
            DoubleVector t = pair(f, i, s).fma(w1, DoubleVector.fromArray(LANES, f, i).mul(w0));
            if (G > 1) {
                t = pair(f, i, 2 * s).fma(w2, t);
            }
            if (G > 2) {
                t = pair(f, i, 3 * s).fma(w3, t);
            }
            if (G > 3) {
                t = pair(f, i, 4 * s).fma(w4, t);
            }
            (add ? DoubleVector.fromArray(LANES, row, x).add(t) : t).intoArray(row, x);
        }
        return x;
    }

    @Override
    int simdPmlForward(int d, DoubleWavefield w, int base, int j, int from, int to, double[] row, boolean add) {
        return d == 2 ? columnPmlForward(w, base, from, to, row, add) : rowPmlForward(d, w, base, j, from, to, row, add);
    }

    @Override
    int simdPmlAdjoint(int d, DoubleWavefield w, int base, int j, int from, int to, double[] row, boolean add) {
        return d == 2 ? columnPmlAdjoint(w, base, from, to, row, add) : rowPmlAdjoint(d, w, base, j, from, to, row, add);
    }

    /**
     * The forward PML term along z or y (d) for a row at index j of d (docs/scalar.md): tmp =
     * (1 + b) D2 u + (D b) D u + D(a p), p' = a p + b D u, z' = a z + b tmp, S = tmp + z'; the
     * profiles are the row's, scalars.
     */
    private int rowPmlForward(int d, DoubleWavefield w, int base, int j, int from, int to, double[] row, boolean add) {
        final double[] u = w.u;
        final double[] p = w.psi[d];
        final double[] z = w.zeta[d];
        final double[] pNext = w.psiNext[d];
        final double[] zNext = w.zetaNext[d];
        final double[] pa = a[d];
        final double[] c2 = second5[d];
        final double[] c1 = first5[d];
        final int s = stride[d];
        final DoubleVector a0 = weight(pa[j]);
        final DoubleVector b0 = weight(b[d][j]);
        final DoubleVector e0 = weight(1 + b[d][j]);
        final DoubleVector db0 = weight(db[d][j]);
        // D(a p) = sum_k c1_k (a[j + k] p[i + k s] - a[j - k] p[i - k s]): the weights and profiles multiplied
        final DoubleVector ap1 = weight(pa[j + 1] * c1[1]);
        final DoubleVector am1 = weight(-pa[j - 1] * c1[1]);
        final DoubleVector ap2 = weight(G > 1 ? pa[j + 2] * c1[2] : 0);
        final DoubleVector am2 = weight(G > 1 ? -pa[j - 2] * c1[2] : 0);
        final DoubleVector ap3 = weight(G > 2 ? pa[j + 3] * c1[3] : 0);
        final DoubleVector am3 = weight(G > 2 ? -pa[j - 3] * c1[3] : 0);
        final DoubleVector ap4 = weight(G > 3 ? pa[j + 4] * c1[4] : 0);
        final DoubleVector am4 = weight(G > 3 ? -pa[j - 4] * c1[4] : 0);
        final DoubleVector w0 = weight(c2[0]);
        final DoubleVector w1 = weight(c2[1]);
        final DoubleVector w2 = weight(c2[2]);
        final DoubleVector w3 = weight(c2[3]);
        final DoubleVector w4 = weight(c2[4]);
        final DoubleVector f1 = weight(c1[1]);
        final DoubleVector f2 = weight(c1[2]);
        final DoubleVector f3 = weight(c1[3]);
        final DoubleVector f4 = weight(c1[4]);
        int x = from;
        for (; x <= to - N; x += N) {
            int i = base + x;
            DoubleVector up = DoubleVector.fromArray(LANES, u, i + s);
            DoubleVector um = DoubleVector.fromArray(LANES, u, i - s);
            DoubleVector d2 = up.add(um).fma(w1, DoubleVector.fromArray(LANES, u, i).mul(w0));
            DoubleVector d1 = up.sub(um).mul(f1);
            DoubleVector dap = DoubleVector.fromArray(LANES, p, i + s).fma(ap1, DoubleVector.fromArray(LANES, p, i - s).mul(am1));
            if (G > 1) {
                up = DoubleVector.fromArray(LANES, u, i + 2 * s);
                um = DoubleVector.fromArray(LANES, u, i - 2 * s);
                d2 = up.add(um).fma(w2, d2);
                d1 = up.sub(um).fma(f2, d1);
                dap = DoubleVector.fromArray(LANES, p, i + 2 * s).fma(ap2, DoubleVector.fromArray(LANES, p, i - 2 * s).fma(am2, dap));
            }
            if (G > 2) {
                up = DoubleVector.fromArray(LANES, u, i + 3 * s);
                um = DoubleVector.fromArray(LANES, u, i - 3 * s);
                d2 = up.add(um).fma(w3, d2);
                d1 = up.sub(um).fma(f3, d1);
                dap = DoubleVector.fromArray(LANES, p, i + 3 * s).fma(ap3, DoubleVector.fromArray(LANES, p, i - 3 * s).fma(am3, dap));
            }
            if (G > 3) {
                up = DoubleVector.fromArray(LANES, u, i + 4 * s);
                um = DoubleVector.fromArray(LANES, u, i - 4 * s);
                d2 = up.add(um).fma(w4, d2);
                d1 = up.sub(um).fma(f4, d1);
                dap = DoubleVector.fromArray(LANES, p, i + 4 * s).fma(ap4, DoubleVector.fromArray(LANES, p, i - 4 * s).fma(am4, dap));
            }
            DoubleVector tmp = d2.fma(e0, d1.fma(db0, dap));
            DoubleVector pn = DoubleVector.fromArray(LANES, p, i).fma(a0, d1.mul(b0));
            (FLUSH ? flushed(pn) : pn).intoArray(pNext, i);
            DoubleVector zn = DoubleVector.fromArray(LANES, z, i).fma(a0, tmp.mul(b0));
            zn = FLUSH ? flushed(zn) : zn;
            zn.intoArray(zNext, i);
            DoubleVector term = tmp.add(zn);
            (add ? DoubleVector.fromArray(LANES, row, x).add(term) : term).intoArray(row, x);
        }
        return x;
    }

    /**
     * The adjoint PML term along z or y (d) for a row at index j of d, on mu = v^2 dt^2 lambda
     * with P, Z the adjoints of p, z: with q = (1 + b) mu + b Z at each cell, S = D2((1 + b) q)
     * - D((D b) q + b P), P' = a (P - D q), Z' = a (mu + Z); the profiles of indices j and j +- k.
     */
    private int rowPmlAdjoint(int d, DoubleWavefield w, int base, int j, int from, int to, double[] row, boolean add) {
        final double[] mu = w.u;
        final double[] p = w.psi[d];
        final double[] z = w.zeta[d];
        final double[] pNext = w.psiNext[d];
        final double[] zNext = w.zetaNext[d];
        final double[] pb = b[d];
        final double[] pdb = db[d];
        final double[] c2 = second5[d];
        final double[] c1 = first5[d];
        final int s = stride[d];
        final double a0 = a[d][j];
        final double b0 = pb[j];
        final double e0 = 1 + b0;
        final double bp1 = pb[j + 1];
        final double bm1 = pb[j - 1];
        final double gp1 = pdb[j + 1];
        final double gm1 = pdb[j - 1];
        final double bp2 = G > 1 ? pb[j + 2] : 0;
        final double bm2 = G > 1 ? pb[j - 2] : 0;
        final double gp2 = G > 1 ? pdb[j + 2] : 0;
        final double gm2 = G > 1 ? pdb[j - 2] : 0;
        final double bp3 = G > 2 ? pb[j + 3] : 0;
        final double bm3 = G > 2 ? pb[j - 3] : 0;
        final double gp3 = G > 2 ? pdb[j + 3] : 0;
        final double gm3 = G > 2 ? pdb[j - 3] : 0;
        final double bp4 = G > 3 ? pb[j + 4] : 0;
        final double bm4 = G > 3 ? pb[j - 4] : 0;
        final double gp4 = G > 3 ? pdb[j + 4] : 0;
        final double gm4 = G > 3 ? pdb[j - 4] : 0;
        final double w0 = c2[0];
        final double w1 = c2[1];
        final double w2 = c2[2];
        final double w3 = c2[3];
        final double w4 = c2[4];
        final double f1 = c1[1];
        final double f2 = c1[2];
        final double f3 = c1[3];
        final double f4 = c1[4];
        int x = from;
        for (; x <= to - N; x += N) {
            int i = base + x;
            DoubleVector mc = DoubleVector.fromArray(LANES, mu, i);
            DoubleVector zc = DoubleVector.fromArray(LANES, z, i);
            DoubleVector qp = DoubleVector.fromArray(LANES, mu, i + s).mul(1 + bp1)
                    .add(DoubleVector.fromArray(LANES, z, i + s).mul(bp1));
            DoubleVector qm = DoubleVector.fromArray(LANES, mu, i - s).mul(1 + bm1)
                    .add(DoubleVector.fromArray(LANES, z, i - s).mul(bm1));
            DoubleVector d2 = mc.mul(e0).add(zc.mul(b0)).mul(w0 * e0)
                    .add(qp.mul(1 + bp1).add(qm.mul(1 + bm1)).mul(w1));
            DoubleVector dq = qp.sub(qm).mul(f1);
            DoubleVector dh = qp.mul(gp1).add(DoubleVector.fromArray(LANES, p, i + s).mul(bp1))
                    .sub(qm.mul(gm1).add(DoubleVector.fromArray(LANES, p, i - s).mul(bm1))).mul(f1);
            if (G > 1) {
                qp = DoubleVector.fromArray(LANES, mu, i + 2 * s).mul(1 + bp2)
                        .add(DoubleVector.fromArray(LANES, z, i + 2 * s).mul(bp2));
                qm = DoubleVector.fromArray(LANES, mu, i - 2 * s).mul(1 + bm2)
                        .add(DoubleVector.fromArray(LANES, z, i - 2 * s).mul(bm2));
                d2 = d2.add(qp.mul(1 + bp2).add(qm.mul(1 + bm2)).mul(w2));
                dq = dq.add(qp.sub(qm).mul(f2));
                dh = dh.add(qp.mul(gp2).add(DoubleVector.fromArray(LANES, p, i + 2 * s).mul(bp2))
                        .sub(qm.mul(gm2).add(DoubleVector.fromArray(LANES, p, i - 2 * s).mul(bm2))).mul(f2));
            }
            if (G > 2) {
                qp = DoubleVector.fromArray(LANES, mu, i + 3 * s).mul(1 + bp3)
                        .add(DoubleVector.fromArray(LANES, z, i + 3 * s).mul(bp3));
                qm = DoubleVector.fromArray(LANES, mu, i - 3 * s).mul(1 + bm3)
                        .add(DoubleVector.fromArray(LANES, z, i - 3 * s).mul(bm3));
                d2 = d2.add(qp.mul(1 + bp3).add(qm.mul(1 + bm3)).mul(w3));
                dq = dq.add(qp.sub(qm).mul(f3));
                dh = dh.add(qp.mul(gp3).add(DoubleVector.fromArray(LANES, p, i + 3 * s).mul(bp3))
                        .sub(qm.mul(gm3).add(DoubleVector.fromArray(LANES, p, i - 3 * s).mul(bm3))).mul(f3));
            }
            if (G > 3) {
                qp = DoubleVector.fromArray(LANES, mu, i + 4 * s).mul(1 + bp4)
                        .add(DoubleVector.fromArray(LANES, z, i + 4 * s).mul(bp4));
                qm = DoubleVector.fromArray(LANES, mu, i - 4 * s).mul(1 + bm4)
                        .add(DoubleVector.fromArray(LANES, z, i - 4 * s).mul(bm4));
                d2 = d2.add(qp.mul(1 + bp4).add(qm.mul(1 + bm4)).mul(w4));
                dq = dq.add(qp.sub(qm).mul(f4));
                dh = dh.add(qp.mul(gp4).add(DoubleVector.fromArray(LANES, p, i + 4 * s).mul(bp4))
                        .sub(qm.mul(gm4).add(DoubleVector.fromArray(LANES, p, i - 4 * s).mul(bm4))).mul(f4));
            }
            DoubleVector pn = DoubleVector.fromArray(LANES, p, i).sub(dq).mul(a0);
            (FLUSH ? flushed(pn) : pn).intoArray(pNext, i);
            DoubleVector zn = mc.add(zc).mul(a0);
            (FLUSH ? flushed(zn) : zn).intoArray(zNext, i);
            DoubleVector term = d2.sub(dh);
            (add ? DoubleVector.fromArray(LANES, row, x).add(term) : term).intoArray(row, x);
        }
        return x;
    }

    /**
     * The x PML term into the row accumulator, then in a second pass the plain z and y terms
     * and the update: two small loops, each compiled whole (one loop doing both grew past what
     * the JIT inlines, and boxed its vectors).
     */
    @Override
    int simdEdge(DoubleWavefield w, int base, int from, int to, boolean adjoint, double[] spatial, int at, double[] row) {
        int done = adjoint ? columnPmlAdjoint(w, base, from, to, row, false) : columnPmlForward(w, base, from, to, row, false);
        return planesAndUpdate(w, base, from, done, spatial, at, row);
    }

    /**
     * S = the row accumulator + the plain second differences along z and y over columns
     * [from, to) of the row at base, and the update next = v^2 dt^2 S + 2 u - previous.
     */
    private int planesAndUpdate(DoubleWavefield w, int base, int from, int to, double[] spatial, int at, double[] row) {
        final double[] u = w.u;
        final double[] next = w.previous;
        final double[] v2 = domainV2dt2;
        final int sz = stride[0];
        final int sy = stride[1];
        final DoubleVector wzy0 = weight(z0 + y0);
        final DoubleVector wz1 = weight(z1);
        final DoubleVector wz2 = weight(z2);
        final DoubleVector wz3 = weight(z3);
        final DoubleVector wz4 = weight(z4);
        final DoubleVector wy1 = weight(y1);
        final DoubleVector wy2 = weight(y2);
        final DoubleVector wy3 = weight(y3);
        final DoubleVector wy4 = weight(y4);
        int x = from;
        for (; x <= to - N; x += N) {
            int i = base + x;
            DoubleVector uc = DoubleVector.fromArray(LANES, u, i);
            DoubleVector t = pair(u, i, sz).fma(wz1, uc.fma(wzy0, DoubleVector.fromArray(LANES, row, x)));
            t = pair(u, i, sy).fma(wy1, t);
            if (G > 1) {
                t = pair(u, i, 2 * sz).fma(wz2, t);
                t = pair(u, i, 2 * sy).fma(wy2, t);
            }
            if (G > 2) {
                t = pair(u, i, 3 * sz).fma(wz3, t);
                t = pair(u, i, 3 * sy).fma(wy3, t);
            }
            if (G > 3) {
                t = pair(u, i, 4 * sz).fma(wz4, t);
                t = pair(u, i, 4 * sy).fma(wy4, t);
            }
            DoubleVector n = DoubleVector.fromArray(LANES, v2, i).fma(t, uc.add(uc).sub(DoubleVector.fromArray(LANES, next, i)));
            (FLUSH ? flushed(n) : n).intoArray(next, i);
            if (spatial != null) {
                t.intoArray(spatial, at + i);
            }
        }
        return x;
    }

    /**
     * The forward PML term along x, the profiles loaded with the cells, over columns [from, to)
     * of the row at base, set or added to the row accumulator.
     */
    private int columnPmlForward(DoubleWavefield w, int base, int from, int to, double[] row, boolean add) {
        final double[] u = w.u;
        final double[] next = w.previous;
        final double[] p = w.psi[2];
        final double[] z = w.zeta[2];
        final double[] pNext = w.psiNext[2];
        final double[] zNext = w.zetaNext[2];
        final double[] pa = columnA;
        final double[] pb = columnB;
        final double[] pdb = columnDb;
        final double[] v2 = domainV2dt2;
        final DoubleVector wx1 = weight(x1);
        final DoubleVector wx2 = weight(x2);
        final DoubleVector wx3 = weight(x3);
        final DoubleVector wx4 = weight(x4);
        final DoubleVector wdx2 = weight(dx2);
        final DoubleVector wdx3 = weight(dx3);
        final DoubleVector wdx4 = weight(dx4);
        int x = from;
        for (; x <= to - N; x += N) {
            int i = base + x;
            // in D(a p) = sum_k dx_k (a[x + k] p[i + k] - a[x - k] p[i - k]) the weights multiplied in
            final DoubleVector va = DoubleVector.fromArray(LANES, pa, G + x);
            final DoubleVector vb = DoubleVector.fromArray(LANES, pb, G + x);
            final DoubleVector vdb = DoubleVector.fromArray(LANES, pdb, G + x);
            DoubleVector uc = DoubleVector.fromArray(LANES, u, i);
            DoubleVector up = DoubleVector.fromArray(LANES, u, i + 1);
            DoubleVector um = DoubleVector.fromArray(LANES, u, i - 1);
            DoubleVector d2 = up.add(um).fma(wx1, uc.mul(x0));
            DoubleVector d1 = up.sub(um).mul(dx1);
            DoubleVector dap = DoubleVector.fromArray(LANES, p, i + 1).mul(DoubleVector.fromArray(LANES, pa, G + x + 1))
                    .sub(DoubleVector.fromArray(LANES, p, i - 1).mul(DoubleVector.fromArray(LANES, pa, G + x - 1))).mul(dx1);
            if (G > 1) {
                up = DoubleVector.fromArray(LANES, u, i + 2);
                um = DoubleVector.fromArray(LANES, u, i - 2);
                d2 = up.add(um).fma(wx2, d2);
                d1 = up.sub(um).fma(wdx2, d1);
                dap = DoubleVector.fromArray(LANES, p, i + 2).mul(DoubleVector.fromArray(LANES, pa, G + x + 2))
                        .sub(DoubleVector.fromArray(LANES, p, i - 2).mul(DoubleVector.fromArray(LANES, pa, G + x - 2)))
                        .fma(wdx2, dap);
            }
            if (G > 2) {
                up = DoubleVector.fromArray(LANES, u, i + 3);
                um = DoubleVector.fromArray(LANES, u, i - 3);
                d2 = up.add(um).fma(wx3, d2);
                d1 = up.sub(um).fma(wdx3, d1);
                dap = DoubleVector.fromArray(LANES, p, i + 3).mul(DoubleVector.fromArray(LANES, pa, G + x + 3))
                        .sub(DoubleVector.fromArray(LANES, p, i - 3).mul(DoubleVector.fromArray(LANES, pa, G + x - 3)))
                        .fma(wdx3, dap);
            }
            if (G > 3) {
                up = DoubleVector.fromArray(LANES, u, i + 4);
                um = DoubleVector.fromArray(LANES, u, i - 4);
                d2 = up.add(um).fma(wx4, d2);
                d1 = up.sub(um).fma(wdx4, d1);
                dap = DoubleVector.fromArray(LANES, p, i + 4).mul(DoubleVector.fromArray(LANES, pa, G + x + 4))
                        .sub(DoubleVector.fromArray(LANES, p, i - 4).mul(DoubleVector.fromArray(LANES, pa, G + x - 4)))
                        .fma(wdx4, dap);
            }
            // tmp = (1 + b) D2 u + (D b) D u + D(a p)
            DoubleVector tmp = d2.fma(vb.add(1), d1.fma(vdb, dap));
            DoubleVector pn = DoubleVector.fromArray(LANES, p, i).fma(va, d1.mul(vb));
            (FLUSH ? flushed(pn) : pn).intoArray(pNext, i);
            DoubleVector zn = DoubleVector.fromArray(LANES, z, i).fma(va, tmp.mul(vb));
            zn = FLUSH ? flushed(zn) : zn;
            zn.intoArray(zNext, i);
            DoubleVector term = tmp.add(zn);
            (add ? DoubleVector.fromArray(LANES, row, x).add(term) : term).intoArray(row, x);
        }
        return x;
    }

    /**
     * The adjoint PML term along x over columns [from, to) of the row at base, set or added to
     * the row accumulator, in two passes: first per column, over the segment and G columns
     * either side, q = (1 + b) mu + b Z, e = (1 + b) q and h = b' q + b P into three scratch
     * rows after the accumulator (column x at G + x of each); then S = D2 e - D h,
     * P' = a (P - D q), Z' = a (mu + Z) from those rows. Each cell's q, e and h are computed
     * once instead of 2 G + 1 times.
     */
    private int columnPmlAdjoint(DoubleWavefield w, int base, int from, int to, double[] row, boolean add) {
        if (to - from < N) {
            return from;
        }
        final double[] mu = w.u;
        final double[] z = w.zeta[2];
        final double[] p = w.psi[2];
        final double[] pNext = w.psiNext[2];
        final double[] zNext = w.zetaNext[2];
        final double[] pa = columnA;
        final double[] pb = columnB;
        final double[] pdb = columnDb;
        final int span = columns + 2 * G + 64;
        final int q0 = columns + G;
        final int e0 = q0 + span;
        final int h0 = e0 + span;
        int end = from + (to - from) / N * N;
        // pass 1: columns from - G .. end + G, in whole vectors (the scratch rows have room for the last one)
        for (int x = from - G; x < end + G; x += N) {
            int i = base + x;
            DoubleVector b = DoubleVector.fromArray(LANES, pb, G + x);
            DoubleVector q = DoubleVector.fromArray(LANES, mu, i).fma(b.add(1), DoubleVector.fromArray(LANES, z, i).mul(b));
            q.intoArray(row, q0 + x);
            q.fma(b, q).intoArray(row, e0 + x);
            q.fma(DoubleVector.fromArray(LANES, pdb, G + x), DoubleVector.fromArray(LANES, p, i).mul(b)).intoArray(row, h0 + x);
        }
        final DoubleVector wx0 = weight(x0);
        final DoubleVector wx1 = weight(x1);
        final DoubleVector wx2 = weight(x2);
        final DoubleVector wx3 = weight(x3);
        final DoubleVector wx4 = weight(x4);
        final DoubleVector wdx1 = weight(dx1);
        final DoubleVector wdx2 = weight(dx2);
        final DoubleVector wdx3 = weight(dx3);
        final DoubleVector wdx4 = weight(dx4);
        int x = from;
        for (; x < end; x += N) {
            int i = base + x;
            DoubleVector d2 = pair(row, e0 + x, 1).fma(wx1, DoubleVector.fromArray(LANES, row, e0 + x).mul(wx0));
            DoubleVector dq = difference(row, q0 + x, 1).mul(wdx1);
            DoubleVector dh = difference(row, h0 + x, 1).mul(wdx1);
            if (G > 1) {
                d2 = pair(row, e0 + x, 2).fma(wx2, d2);
                dq = difference(row, q0 + x, 2).fma(wdx2, dq);
                dh = difference(row, h0 + x, 2).fma(wdx2, dh);
            }
            if (G > 2) {
                d2 = pair(row, e0 + x, 3).fma(wx3, d2);
                dq = difference(row, q0 + x, 3).fma(wdx3, dq);
                dh = difference(row, h0 + x, 3).fma(wdx3, dh);
            }
            if (G > 3) {
                d2 = pair(row, e0 + x, 4).fma(wx4, d2);
                dq = difference(row, q0 + x, 4).fma(wdx4, dq);
                dh = difference(row, h0 + x, 4).fma(wdx4, dh);
            }
            DoubleVector va = DoubleVector.fromArray(LANES, pa, G + x);
            DoubleVector pn = DoubleVector.fromArray(LANES, p, i).sub(dq).mul(va);
            (FLUSH ? flushed(pn) : pn).intoArray(pNext, i);
            DoubleVector zn = DoubleVector.fromArray(LANES, mu, i).add(DoubleVector.fromArray(LANES, z, i)).mul(va);
            (FLUSH ? flushed(zn) : zn).intoArray(zNext, i);
            DoubleVector term = d2.sub(dh);
            (add ? DoubleVector.fromArray(LANES, row, x).add(term) : term).intoArray(row, x);
        }
        return x;
    }

    /** f[i + d] - f[i - d] at i .. i + N - 1. */
    private static DoubleVector difference(double[] f, int i, int d) {
        return DoubleVector.fromArray(LANES, f, i + d).sub(DoubleVector.fromArray(LANES, f, i - d));
    }

    /** As simdPlain along x (added to the row) then simdFinish, in one loop: the same operations in the same order. */
    @Override
    int simdPlainFinish(DoubleWavefield w, int base, int from, int to, double[] spatial, int at, double[] row) {
        final double[] u = w.u;
        final double[] next = w.previous;
        final double[] v2 = domainV2dt2;
        final DoubleVector w0 = weight(x0);
        final DoubleVector w1 = weight(x1);
        final DoubleVector w2 = weight(x2);
        final DoubleVector w3 = weight(x3);
        final DoubleVector w4 = weight(x4);
        int x = from;
        for (; x <= to - N; x += N) {
            int i = base + x;
            DoubleVector uc = DoubleVector.fromArray(LANES, u, i);
            DoubleVector t = pair(u, i, 1).fma(w1, uc.mul(w0));
            if (G > 1) {
                t = pair(u, i, 2).fma(w2, t);
            }
            if (G > 2) {
                t = pair(u, i, 3).fma(w3, t);
            }
            if (G > 3) {
                t = pair(u, i, 4).fma(w4, t);
            }
            DoubleVector r = DoubleVector.fromArray(LANES, row, x).add(t);
            DoubleVector n = DoubleVector.fromArray(LANES, v2, i).fma(r, uc.add(uc).sub(DoubleVector.fromArray(LANES, next, i)));
            (FLUSH ? flushed(n) : n).intoArray(next, i);
            if (spatial != null) {
                r.intoArray(spatial, at + i);
            }
        }
        return x;
    }

    @Override
    int simdFinish(DoubleWavefield w, int base, int from, int to, double[] spatial, int at, double[] row) {
        final double[] u = w.u;
        final double[] next = w.previous;
        final double[] v2 = domainV2dt2;
        int x = from;
        for (; x <= to - N; x += N) {
            int i = base + x;
            DoubleVector r = DoubleVector.fromArray(LANES, row, x);
            DoubleVector uc = DoubleVector.fromArray(LANES, u, i);
            DoubleVector n = DoubleVector.fromArray(LANES, v2, i).fma(r, uc.add(uc).sub(DoubleVector.fromArray(LANES, next, i)));
            (FLUSH ? flushed(n) : n).intoArray(next, i);
            if (spatial != null) {
                r.intoArray(spatial, at + i);
            }
        }
        return x;
    }

    @Override
    int simdImage(double[] gradient, double[] mu, double[] spatial, int at, int from, int to, double weight) {
        int i = from;
        for (; i <= to - N; i += N) {
            DoubleVector g = DoubleVector.fromArray(LANES, gradient, i)
                    .add(DoubleVector.fromArray(LANES, mu, i).mul(weight).mul(DoubleVector.fromArray(LANES, spatial, at + i)));
            (FLUSH ? flushed(g) : g).intoArray(gradient, i);
        }
        return i;
    }
}
