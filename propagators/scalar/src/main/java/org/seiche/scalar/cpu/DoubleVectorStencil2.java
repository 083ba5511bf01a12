package org.seiche.scalar.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD loops of {@link DoubleStencil} (the Java Vector API, an incubator module: the
 * JVM needs --add-modules jdk.incubator.vector) for stencils reaching G cells (accuracy 2 G).
 * <p>
 * This file is the template of every accuracy: the build writes DoubleVectorStencil1, 3 and
 * 4 from it with G = 1, 3, 4 (and the float twins of all four). G is a compile-time
 * constant, so javac drops the blocks {@code if (G > k)} beyond it and every loop body is
 * straight-line code. That is what keeps the vectors in registers: the JIT does so only
 * when a loop body compiles as one unit within its node budget, with no vector crossing a
 * call it declines to inline or a loop it does not unroll (both box them: 3 to 20 times
 * slower, measured), so the loops call no methods of their own. The weights are fields,
 * whose loads the loops' array stores cannot alias, so the JIT hoists them.
 * <p>
 * The PML loops come in one variant per dimension: along rows (d = 0) the profiles are
 * those of the row (scalars); along columns (d = 1) they are loaded with the cells, and the
 * strips beside the interior run all their rows in one call, finishing the step there.
 * Stored fields go through the flush of {@link DoubleStencil#NEGLIGIBLE}, written out as
 * blend(0, |v| < NEGLIGIBLE), unless the processor flushes subnormals itself ({@link #FLUSH}).
 * Each loop covers whole vectors and returns where it stopped.
 */
final class DoubleVectorStencil2 extends DoubleStencil {
    /** How far the stencil reaches: accuracy / 2. */
    private static final int G = 2;
    private static final VectorSpecies<Double> LANES = DoubleVectorStencils.LANES;
    private static final int N = LANES.length();

    /** v^2 dt^2 on the domain, zero on the guard cells: guard cells stepped with it stay zero. */
    private final double[] domainV2dt2;
    /**
     * The column profiles a, b, D b with zeros on the guard columns (for the same reason), and
     * G more zeros at either end for the stencil's reach: column x at index G + x.
     */
    private final double[] columnA, columnB, columnDb;

    /** Second-difference weights along rows (y) and columns (x), k = 0..4 (0 beyond G). */
    private final double y0, y1, y2, y3, y4, x0, x1, x2, x3, x4;
    /** First-difference weights, k = 1..4 (0 beyond G). */
    private final double dy1, dy2, dy3, dy4, dx1, dx2, dx3, dx4;

    DoubleVectorStencil2(DoubleCoefficients c) {
        super(c, N);
        domainV2dt2 = c.domainOnly(c.v2dt2);
        columnA = guardless(c, c.a[1]);
        columnB = guardless(c, c.b[1]);
        columnDb = guardless(c, c.db[1]);
        double[] sy = weights(c.second[0]);
        double[] sx = weights(c.second[1]);
        double[] fy = weights(c.first[0]);
        double[] fx = weights(c.first[1]);
        y0 = sy[0];
        y1 = sy[1];
        y2 = sy[2];
        y3 = sy[3];
        y4 = sy[4];
        x0 = sx[0];
        x1 = sx[1];
        x2 = sx[2];
        x3 = sx[3];
        x4 = sx[4];
        dy1 = fy[1];
        dy2 = fy[2];
        dy3 = fy[3];
        dy4 = fy[4];
        dx1 = fx[1];
        dx2 = fx[2];
        dx3 = fx[3];
        dx4 = fx[4];
    }

    /** A column profile on the domain's columns, zero elsewhere, shifted by G. */
    private static double[] guardless(DoubleCoefficients c, double[] profile) {
        double[] out = new double[c.columns + 2 * G];
        System.arraycopy(profile, c.domainStart[1], out, G + c.domainStart[1], c.domainEnd[1] - c.domainStart[1]);
        return out;
    }

    /** Weights k = 0..4, zero beyond the stencil's reach. */
    private static double[] weights(double[] w) {
        double[] out = new double[5];
        System.arraycopy(w, 0, out, 0, Math.min(w.length, out.length));
        return out;
    }

    @Override
    int simdInterior(double[] u, double[] next, int from, int to, double[] spatial, int at) {
        final double[] v2 = domainV2dt2;
        int i = from;
        for (; i <= to - N; i += N) {
            DoubleVector uc = DoubleVector.fromArray(LANES, u, i);
            DoubleVector t = laplacian(u, i, uc);
            DoubleVector n = DoubleVector.fromArray(LANES, v2, i).fma(t, uc.add(uc).sub(DoubleVector.fromArray(LANES, next, i)));
            (FLUSH ? n.blend(0, n.abs().lt(NEGLIGIBLE)) : n).intoArray(next, i);
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
            (FLUSH ? n0.blend(0, n0.abs().lt(NEGLIGIBLE)) : n0).intoArray(next0, i);
            DoubleVector n1 = w.fma(l1, b.add(b).sub(DoubleVector.fromArray(LANES, next1, i)))
                    .add(DoubleVector.fromArray(LANES, coupling, i).mul(l0));
            (FLUSH ? n1.blend(0, n1.abs().lt(NEGLIGIBLE)) : n1).intoArray(next1, i);
            if (s0 != null) {
                l0.intoArray(s0, at0 + i);
            }
            if (s1 != null) {
                l1.intoArray(s1, at1 + i);
            }
        }
        return i;
    }

    /**
     * The Laplacian of u at cells i .. i + N - 1 (uc: their values), as fused multiply-adds.
     * Small enough that the JIT inlines it into the loops above, vectors kept in registers.
     */
    private DoubleVector laplacian(double[] u, int i, DoubleVector uc) {
        final int s = stride[0];
        DoubleVector t = pair(u, i, s).fma(weight(y1), uc.mul(y0 + x0));
        t = pair(u, i, 1).fma(weight(x1), t);
        if (G > 1) {
            t = pair(u, i, 2 * s).fma(weight(y2), t);
            t = pair(u, i, 2).fma(weight(x2), t);
        }
        if (G > 2) {
            t = pair(u, i, 3 * s).fma(weight(y3), t);
            t = pair(u, i, 3).fma(weight(x3), t);
        }
        if (G > 3) {
            t = pair(u, i, 4 * s).fma(weight(y4), t);
            t = pair(u, i, 4).fma(weight(x4), t);
        }
        return t;
    }

    /** u[i + d] + u[i - d] at cells i .. i + N - 1. */
    private static DoubleVector pair(double[] u, int i, int d) {
        return DoubleVector.fromArray(LANES, u, i + d).add(DoubleVector.fromArray(LANES, u, i - d));
    }

    private static DoubleVector weight(double w) {
        return DoubleVector.broadcast(LANES, w);
    }

    @Override
    int simdPlain(int d, double[] f, int y, int from, int to, double[] row, boolean add) {
        return d == 0 ? plain(f, y, from, to, row, add, stride[0], y0, y1, y2, y3, y4)
                : plain(f, y, from, to, row, add, 1, x0, x1, x2, x3, x4);
    }

    /** The plain second difference with weights w0..w4 along stride s, set or added to the row. */
    private int plain(double[] f, int y, int from, int to, double[] row, boolean add, int s, double w0, double w1,
                      double w2, double w3, double w4) {
        final int base = y * columns;
        int x = from;
        for (; x <= to - N; x += N) {
            int i = base + x;
            DoubleVector t = DoubleVector.fromArray(LANES, f, i).mul(w0)
                    .add(DoubleVector.fromArray(LANES, f, i + s).add(DoubleVector.fromArray(LANES, f, i - s)).mul(w1));
            if (G > 1) {
                t = t.add(DoubleVector.fromArray(LANES, f, i + 2 * s).add(DoubleVector.fromArray(LANES, f, i - 2 * s)).mul(w2));
            }
            if (G > 2) {
                t = t.add(DoubleVector.fromArray(LANES, f, i + 3 * s).add(DoubleVector.fromArray(LANES, f, i - 3 * s)).mul(w3));
            }
            if (G > 3) {
                t = t.add(DoubleVector.fromArray(LANES, f, i + 4 * s).add(DoubleVector.fromArray(LANES, f, i - 4 * s)).mul(w4));
            }
            (add ? DoubleVector.fromArray(LANES, row, x).add(t) : t).intoArray(row, x);
        }
        return x;
    }

    @Override
    int simdPmlForward(int d, DoubleWavefield w, int y, int from, int to, double[] row, boolean add) {
        return d == 0 ? rowPmlForward(w, y, from, to, row, add) : columnPmlForward(w, y, y + 1, from, to, row, add, null, 0);
    }

    @Override
    int simdPmlAdjoint(int d, DoubleWavefield w, int y, int from, int to, double[] row, boolean add) {
        return d == 0 ? rowPmlAdjoint(w, y, from, to, row, add) : columnPmlAdjoint(w, y, y + 1, from, to, row, add, null, 0);
    }

    @Override
    int simdStrip(DoubleWavefield w, int r0, int r1, int from, int to, boolean adjoint, double[] spatial, int at) {
        int done = from + (to - from) / N * N;
        if (done > from) {
            if (adjoint) {
                columnPmlAdjoint(w, r0, r1, from, done, null, false, spatial, at);
            } else {
                columnPmlForward(w, r0, r1, from, done, null, false, spatial, at);
            }
        }
        return done;
    }

    /**
     * The forward PML term along rows in row y (docs/scalar.md): tmp = (1 + b) D2 u + (D b) D u
     * + D(a p), p' = a p + b D u, z' = a z + b tmp, S = tmp + z'; the profiles are row y's.
     */
    private int rowPmlForward(DoubleWavefield w, int y, int from, int to, double[] row, boolean add) {
        final double[] u = w.u;
        final double[] p = w.psi[0];
        final double[] z = w.zeta[0];
        final double[] pNext = w.psiNext[0];
        final double[] zNext = w.zetaNext[0];
        final double[] pa = a[0];
        final int s = stride[0];
        final DoubleVector a0 = weight(pa[y]);
        final DoubleVector b0 = weight(b[0][y]);
        final DoubleVector e0 = weight(1 + b[0][y]);
        final DoubleVector db0 = weight(db[0][y]);
        // D(a p) = sum_k dy_k (a[y + k] p[i + k s] - a[y - k] p[i - k s]): the weights and profiles multiplied
        final DoubleVector ap1 = weight(pa[y + 1] * dy1);
        final DoubleVector am1 = weight(-pa[y - 1] * dy1);
        final DoubleVector ap2 = weight(G > 1 ? pa[y + 2] * dy2 : 0);
        final DoubleVector am2 = weight(G > 1 ? -pa[y - 2] * dy2 : 0);
        final DoubleVector ap3 = weight(G > 2 ? pa[y + 3] * dy3 : 0);
        final DoubleVector am3 = weight(G > 2 ? -pa[y - 3] * dy3 : 0);
        final DoubleVector ap4 = weight(G > 3 ? pa[y + 4] * dy4 : 0);
        final DoubleVector am4 = weight(G > 3 ? -pa[y - 4] * dy4 : 0);
        final DoubleVector wy0 = weight(y0);
        final DoubleVector wy1 = weight(y1);
        final DoubleVector wy2 = weight(y2);
        final DoubleVector wy3 = weight(y3);
        final DoubleVector wy4 = weight(y4);
        final DoubleVector wdy1 = weight(dy1);
        final DoubleVector wdy2 = weight(dy2);
        final DoubleVector wdy3 = weight(dy3);
        final DoubleVector wdy4 = weight(dy4);
        final int base = y * columns;
        int x = from;
        for (; x <= to - N; x += N) {
            int i = base + x;
            DoubleVector up = DoubleVector.fromArray(LANES, u, i + s);
            DoubleVector um = DoubleVector.fromArray(LANES, u, i - s);
            DoubleVector d2 = up.add(um).fma(wy1, DoubleVector.fromArray(LANES, u, i).mul(wy0));
            DoubleVector d1 = up.sub(um).mul(wdy1);
            DoubleVector dap = DoubleVector.fromArray(LANES, p, i + s).fma(ap1, DoubleVector.fromArray(LANES, p, i - s).mul(am1));
            if (G > 1) {
                up = DoubleVector.fromArray(LANES, u, i + 2 * s);
                um = DoubleVector.fromArray(LANES, u, i - 2 * s);
                d2 = up.add(um).fma(wy2, d2);
                d1 = up.sub(um).fma(wdy2, d1);
                dap = DoubleVector.fromArray(LANES, p, i + 2 * s).fma(ap2, DoubleVector.fromArray(LANES, p, i - 2 * s).fma(am2, dap));
            }
            if (G > 2) {
                up = DoubleVector.fromArray(LANES, u, i + 3 * s);
                um = DoubleVector.fromArray(LANES, u, i - 3 * s);
                d2 = up.add(um).fma(wy3, d2);
                d1 = up.sub(um).fma(wdy3, d1);
                dap = DoubleVector.fromArray(LANES, p, i + 3 * s).fma(ap3, DoubleVector.fromArray(LANES, p, i - 3 * s).fma(am3, dap));
            }
            if (G > 3) {
                up = DoubleVector.fromArray(LANES, u, i + 4 * s);
                um = DoubleVector.fromArray(LANES, u, i - 4 * s);
                d2 = up.add(um).fma(wy4, d2);
                d1 = up.sub(um).fma(wdy4, d1);
                dap = DoubleVector.fromArray(LANES, p, i + 4 * s).fma(ap4, DoubleVector.fromArray(LANES, p, i - 4 * s).fma(am4, dap));
            }
            DoubleVector tmp = d2.fma(e0, d1.fma(db0, dap));
            DoubleVector pn = DoubleVector.fromArray(LANES, p, i).fma(a0, d1.mul(b0));
            (FLUSH ? pn.blend(0, pn.abs().lt(NEGLIGIBLE)) : pn).intoArray(pNext, i);
            DoubleVector zn = DoubleVector.fromArray(LANES, z, i).fma(a0, tmp.mul(b0));
            zn = FLUSH ? zn.blend(0, zn.abs().lt(NEGLIGIBLE)) : zn;
            zn.intoArray(zNext, i);
            DoubleVector term = tmp.add(zn);
            (add ? DoubleVector.fromArray(LANES, row, x).add(term) : term).intoArray(row, x);
        }
        return x;
    }

    /**
     * The forward PML term along columns, the profiles loaded with the cells, over columns
     * [from, to) of rows [r0, r1). With a row accumulator it sets or adds the term there;
     * without one (a strip beside the interior) it adds the plain second difference along
     * rows and finishes the step: next = v^2 dt^2 S + 2 u - previous, S stored in spatial.
     */
    private int columnPmlForward(DoubleWavefield w, int r0, int r1, int from, int to, double[] row, boolean add,
                                 double[] spatial, int at) {
        final double[] u = w.u;
        final double[] next = w.previous;
        final double[] p = w.psi[1];
        final double[] z = w.zeta[1];
        final double[] pNext = w.psiNext[1];
        final double[] zNext = w.zetaNext[1];
        final double[] pa = columnA;
        final double[] pb = columnB;
        final double[] pdb = columnDb;
        final double[] v2 = domainV2dt2;
        final int s = stride[0];
        // the weights as vectors, broadcast once
        final DoubleVector wx1 = weight(x1);
        final DoubleVector wx2 = weight(x2);
        final DoubleVector wx3 = weight(x3);
        final DoubleVector wx4 = weight(x4);
        final DoubleVector wdx2 = weight(dx2);
        final DoubleVector wdx3 = weight(dx3);
        final DoubleVector wdx4 = weight(dx4);
        final DoubleVector wy0 = weight(y0);
        final DoubleVector wy1 = weight(y1);
        final DoubleVector wy2 = weight(y2);
        final DoubleVector wy3 = weight(y3);
        final DoubleVector wy4 = weight(y4);
        int x = from;
        // column vectors outside, rows inside: long loops even for a strip a few vectors wide
        for (; x <= to - N; x += N) {
            // the column's profiles, the same for every row; in D(a p) = sum_k dx_k (a[x + k]
            // p[i + k] - a[x - k] p[i - k]) the weights multiplied in, so that each k is two multiply-adds
            final DoubleVector va = DoubleVector.fromArray(LANES, pa, G + x);
            final DoubleVector vb = DoubleVector.fromArray(LANES, pb, G + x);
            final DoubleVector vb1 = vb.add(1);
            final DoubleVector vdb = DoubleVector.fromArray(LANES, pdb, G + x);
            final DoubleVector ap1 = DoubleVector.fromArray(LANES, pa, G + x + 1).mul(dx1);
            final DoubleVector am1 = DoubleVector.fromArray(LANES, pa, G + x - 1).mul(-dx1);
            final DoubleVector ap2 = G > 1 ? DoubleVector.fromArray(LANES, pa, G + x + 2).mul(dx2) : null;
            final DoubleVector am2 = G > 1 ? DoubleVector.fromArray(LANES, pa, G + x - 2).mul(-dx2) : null;
            final DoubleVector ap3 = G > 2 ? DoubleVector.fromArray(LANES, pa, G + x + 3).mul(dx3) : null;
            final DoubleVector am3 = G > 2 ? DoubleVector.fromArray(LANES, pa, G + x - 3).mul(-dx3) : null;
            final DoubleVector ap4 = G > 3 ? DoubleVector.fromArray(LANES, pa, G + x + 4).mul(dx4) : null;
            final DoubleVector am4 = G > 3 ? DoubleVector.fromArray(LANES, pa, G + x - 4).mul(-dx4) : null;
            for (int y = r0; y < r1; y++) {
                int i = y * columns + x;
                DoubleVector uc = DoubleVector.fromArray(LANES, u, i);
                DoubleVector up = DoubleVector.fromArray(LANES, u, i + 1);
                DoubleVector um = DoubleVector.fromArray(LANES, u, i - 1);
                DoubleVector d2 = up.add(um).fma(wx1, uc.mul(x0));
                DoubleVector d1 = up.sub(um).mul(dx1);
                DoubleVector dap = DoubleVector.fromArray(LANES, p, i + 1).fma(ap1, DoubleVector.fromArray(LANES, p, i - 1).mul(am1));
                if (G > 1) {
                    up = DoubleVector.fromArray(LANES, u, i + 2);
                    um = DoubleVector.fromArray(LANES, u, i - 2);
                    d2 = up.add(um).fma(wx2, d2);
                    d1 = up.sub(um).fma(wdx2, d1);
                    dap = DoubleVector.fromArray(LANES, p, i + 2).fma(ap2, DoubleVector.fromArray(LANES, p, i - 2).fma(am2, dap));
                }
                if (G > 2) {
                    up = DoubleVector.fromArray(LANES, u, i + 3);
                    um = DoubleVector.fromArray(LANES, u, i - 3);
                    d2 = up.add(um).fma(wx3, d2);
                    d1 = up.sub(um).fma(wdx3, d1);
                    dap = DoubleVector.fromArray(LANES, p, i + 3).fma(ap3, DoubleVector.fromArray(LANES, p, i - 3).fma(am3, dap));
                }
                if (G > 3) {
                    up = DoubleVector.fromArray(LANES, u, i + 4);
                    um = DoubleVector.fromArray(LANES, u, i - 4);
                    d2 = up.add(um).fma(wx4, d2);
                    d1 = up.sub(um).fma(wdx4, d1);
                    dap = DoubleVector.fromArray(LANES, p, i + 4).fma(ap4, DoubleVector.fromArray(LANES, p, i - 4).fma(am4, dap));
                }
                // tmp = (1 + b) D2 u + (D b) D u + D(a p)
                DoubleVector tmp = d2.fma(vb1, d1.fma(vdb, dap));
                DoubleVector pn = DoubleVector.fromArray(LANES, p, i).fma(va, d1.mul(vb));
                (FLUSH ? pn.blend(0, pn.abs().lt(NEGLIGIBLE)) : pn).intoArray(pNext, i);
                DoubleVector zn = DoubleVector.fromArray(LANES, z, i).fma(va, tmp.mul(vb));
                zn = FLUSH ? zn.blend(0, zn.abs().lt(NEGLIGIBLE)) : zn;
                zn.intoArray(zNext, i);
                DoubleVector term = tmp.add(zn);
                if (row != null) {
                    (add ? DoubleVector.fromArray(LANES, row, x).add(term) : term).intoArray(row, x);
                } else {
                    // S = the plain second difference along rows + the term
                    DoubleVector t = DoubleVector.fromArray(LANES, u, i + s).add(DoubleVector.fromArray(LANES, u, i - s))
                            .fma(wy1, uc.fma(wy0, term));
                    if (G > 1) {
                        t = DoubleVector.fromArray(LANES, u, i + 2 * s).add(DoubleVector.fromArray(LANES, u, i - 2 * s))
                                .fma(wy2, t);
                    }
                    if (G > 2) {
                        t = DoubleVector.fromArray(LANES, u, i + 3 * s).add(DoubleVector.fromArray(LANES, u, i - 3 * s))
                                .fma(wy3, t);
                    }
                    if (G > 3) {
                        t = DoubleVector.fromArray(LANES, u, i + 4 * s).add(DoubleVector.fromArray(LANES, u, i - 4 * s))
                                .fma(wy4, t);
                    }
                    DoubleVector n = DoubleVector.fromArray(LANES, v2, i).fma(t, uc.add(uc).sub(DoubleVector.fromArray(LANES, next, i)));
                    (FLUSH ? n.blend(0, n.abs().lt(NEGLIGIBLE)) : n).intoArray(next, i);
                    if (spatial != null) {
                        t.intoArray(spatial, at + i);
                    }
                }
            }
        }
        return x;
    }

    /**
     * The adjoint PML term along rows in row y, on mu = v^2 dt^2 lambda with P, Z the adjoints
     * of p, z: with q = (1 + b) mu + b Z at each cell, S = D2((1 + b) q) - D((D b) q + b P),
     * P' = a (P - D q), Z' = a (mu + Z); the profiles are those of rows y and y +- k.
     */
    private int rowPmlAdjoint(DoubleWavefield w, int y, int from, int to, double[] row, boolean add) {
        final double[] mu = w.u;
        final double[] p = w.psi[0];
        final double[] z = w.zeta[0];
        final double[] pNext = w.psiNext[0];
        final double[] zNext = w.zetaNext[0];
        final double[] pb = b[0];
        final double[] pdb = db[0];
        final int s = stride[0];
        final double a0 = a[0][y];
        final double b0 = pb[y];
        final double e0 = 1 + b0;
        final double bp1 = pb[y + 1];
        final double bm1 = pb[y - 1];
        final double ep1 = 1 + bp1;
        final double em1 = 1 + bm1;
        final double gp1 = pdb[y + 1];
        final double gm1 = pdb[y - 1];
        final double bp2 = G > 1 ? pb[y + 2] : 0;
        final double bm2 = G > 1 ? pb[y - 2] : 0;
        final double ep2 = 1 + bp2;
        final double em2 = 1 + bm2;
        final double gp2 = G > 1 ? pdb[y + 2] : 0;
        final double gm2 = G > 1 ? pdb[y - 2] : 0;
        final double bp3 = G > 2 ? pb[y + 3] : 0;
        final double bm3 = G > 2 ? pb[y - 3] : 0;
        final double ep3 = 1 + bp3;
        final double em3 = 1 + bm3;
        final double gp3 = G > 2 ? pdb[y + 3] : 0;
        final double gm3 = G > 2 ? pdb[y - 3] : 0;
        final double bp4 = G > 3 ? pb[y + 4] : 0;
        final double bm4 = G > 3 ? pb[y - 4] : 0;
        final double ep4 = 1 + bp4;
        final double em4 = 1 + bm4;
        final double gp4 = G > 3 ? pdb[y + 4] : 0;
        final double gm4 = G > 3 ? pdb[y - 4] : 0;
        final int base = y * columns;
        int x = from;
        for (; x <= to - N; x += N) {
            int i = base + x;
            DoubleVector mc = DoubleVector.fromArray(LANES, mu, i);
            DoubleVector zc = DoubleVector.fromArray(LANES, z, i);
            DoubleVector qp = DoubleVector.fromArray(LANES, mu, i + s).mul(ep1)
                    .add(DoubleVector.fromArray(LANES, z, i + s).mul(bp1));
            DoubleVector qm = DoubleVector.fromArray(LANES, mu, i - s).mul(em1)
                    .add(DoubleVector.fromArray(LANES, z, i - s).mul(bm1));
            DoubleVector d2 = mc.mul(e0).add(zc.mul(b0)).mul(y0 * e0)
                    .add(qp.mul(ep1).add(qm.mul(em1)).mul(y1));
            DoubleVector dq = qp.sub(qm).mul(dy1);
            DoubleVector dh = qp.mul(gp1).add(DoubleVector.fromArray(LANES, p, i + s).mul(bp1))
                    .sub(qm.mul(gm1).add(DoubleVector.fromArray(LANES, p, i - s).mul(bm1))).mul(dy1);
            if (G > 1) {
                qp = DoubleVector.fromArray(LANES, mu, i + 2 * s).mul(ep2)
                        .add(DoubleVector.fromArray(LANES, z, i + 2 * s).mul(bp2));
                qm = DoubleVector.fromArray(LANES, mu, i - 2 * s).mul(em2)
                        .add(DoubleVector.fromArray(LANES, z, i - 2 * s).mul(bm2));
                d2 = d2.add(qp.mul(ep2).add(qm.mul(em2)).mul(y2));
                dq = dq.add(qp.sub(qm).mul(dy2));
                dh = dh.add(qp.mul(gp2).add(DoubleVector.fromArray(LANES, p, i + 2 * s).mul(bp2))
                        .sub(qm.mul(gm2).add(DoubleVector.fromArray(LANES, p, i - 2 * s).mul(bm2))).mul(dy2));
            }
            if (G > 2) {
                qp = DoubleVector.fromArray(LANES, mu, i + 3 * s).mul(ep3)
                        .add(DoubleVector.fromArray(LANES, z, i + 3 * s).mul(bp3));
                qm = DoubleVector.fromArray(LANES, mu, i - 3 * s).mul(em3)
                        .add(DoubleVector.fromArray(LANES, z, i - 3 * s).mul(bm3));
                d2 = d2.add(qp.mul(ep3).add(qm.mul(em3)).mul(y3));
                dq = dq.add(qp.sub(qm).mul(dy3));
                dh = dh.add(qp.mul(gp3).add(DoubleVector.fromArray(LANES, p, i + 3 * s).mul(bp3))
                        .sub(qm.mul(gm3).add(DoubleVector.fromArray(LANES, p, i - 3 * s).mul(bm3))).mul(dy3));
            }
            if (G > 3) {
                qp = DoubleVector.fromArray(LANES, mu, i + 4 * s).mul(ep4)
                        .add(DoubleVector.fromArray(LANES, z, i + 4 * s).mul(bp4));
                qm = DoubleVector.fromArray(LANES, mu, i - 4 * s).mul(em4)
                        .add(DoubleVector.fromArray(LANES, z, i - 4 * s).mul(bm4));
                d2 = d2.add(qp.mul(ep4).add(qm.mul(em4)).mul(y4));
                dq = dq.add(qp.sub(qm).mul(dy4));
                dh = dh.add(qp.mul(gp4).add(DoubleVector.fromArray(LANES, p, i + 4 * s).mul(bp4))
                        .sub(qm.mul(gm4).add(DoubleVector.fromArray(LANES, p, i - 4 * s).mul(bm4))).mul(dy4));
            }
            DoubleVector pn = DoubleVector.fromArray(LANES, p, i).sub(dq).mul(a0);
            (FLUSH ? pn.blend(0, pn.abs().lt(NEGLIGIBLE)) : pn).intoArray(pNext, i);
            DoubleVector zn = mc.add(zc).mul(a0);
            (FLUSH ? zn.blend(0, zn.abs().lt(NEGLIGIBLE)) : zn).intoArray(zNext, i);
            DoubleVector term = d2.sub(dh);
            (add ? DoubleVector.fromArray(LANES, row, x).add(term) : term).intoArray(row, x);
        }
        return x;
    }

    /** The adjoint PML term along columns: as {@link #columnPmlForward}, for the adjoint step. */
    private int columnPmlAdjoint(DoubleWavefield w, int r0, int r1, int from, int to, double[] row, boolean add,
                                 double[] spatial, int at) {
        final double[] mu = w.u;
        final double[] next = w.previous;
        final double[] p = w.psi[1];
        final double[] z = w.zeta[1];
        final double[] pNext = w.psiNext[1];
        final double[] zNext = w.zetaNext[1];
        final double[] pa = columnA;
        final double[] pb = columnB;
        final double[] pdb = columnDb;
        final double[] v2 = domainV2dt2;
        final int s = stride[0];
        int x = from;
        // column vectors outside, rows inside: long loops even for a strip a few vectors wide
        for (; x <= to - N; x += N) {
            // the column's profiles, the same for every row
            final DoubleVector va = DoubleVector.fromArray(LANES, pa, G + x);
            final DoubleVector bc = DoubleVector.fromArray(LANES, pb, G + x);
            final DoubleVector bp1 = DoubleVector.fromArray(LANES, pb, G + x + 1);
            final DoubleVector bm1 = DoubleVector.fromArray(LANES, pb, G + x - 1);
            final DoubleVector gp1 = DoubleVector.fromArray(LANES, pdb, G + x + 1);
            final DoubleVector gm1 = DoubleVector.fromArray(LANES, pdb, G + x - 1);
            final DoubleVector bp2 = G > 1 ? DoubleVector.fromArray(LANES, pb, G + x + 2) : null;
            final DoubleVector bm2 = G > 1 ? DoubleVector.fromArray(LANES, pb, G + x - 2) : null;
            final DoubleVector gp2 = G > 1 ? DoubleVector.fromArray(LANES, pdb, G + x + 2) : null;
            final DoubleVector gm2 = G > 1 ? DoubleVector.fromArray(LANES, pdb, G + x - 2) : null;
            final DoubleVector bp3 = G > 2 ? DoubleVector.fromArray(LANES, pb, G + x + 3) : null;
            final DoubleVector bm3 = G > 2 ? DoubleVector.fromArray(LANES, pb, G + x - 3) : null;
            final DoubleVector gp3 = G > 2 ? DoubleVector.fromArray(LANES, pdb, G + x + 3) : null;
            final DoubleVector gm3 = G > 2 ? DoubleVector.fromArray(LANES, pdb, G + x - 3) : null;
            final DoubleVector bp4 = G > 3 ? DoubleVector.fromArray(LANES, pb, G + x + 4) : null;
            final DoubleVector bm4 = G > 3 ? DoubleVector.fromArray(LANES, pb, G + x - 4) : null;
            final DoubleVector gp4 = G > 3 ? DoubleVector.fromArray(LANES, pdb, G + x + 4) : null;
            final DoubleVector gm4 = G > 3 ? DoubleVector.fromArray(LANES, pdb, G + x - 4) : null;
            for (int y = r0; y < r1; y++) {
                int i = y * columns + x;
                DoubleVector mc = DoubleVector.fromArray(LANES, mu, i);
                DoubleVector zc = DoubleVector.fromArray(LANES, z, i);
                DoubleVector qc = mc.add(mc.mul(bc)).add(zc.mul(bc));
                // offset k: q = (1 + b) mu + b Z on each side, (1 + b) q into D2, D b q + b P into D
                DoubleVector qp = DoubleVector.fromArray(LANES, mu, i + 1).mul(bp1.add(1)).add(DoubleVector.fromArray(LANES, z, i + 1).mul(bp1));
                DoubleVector qm = DoubleVector.fromArray(LANES, mu, i - 1).mul(bm1.add(1)).add(DoubleVector.fromArray(LANES, z, i - 1).mul(bm1));
                DoubleVector d2 = qc.add(qc.mul(bc)).mul(x0).add(qp.add(qp.mul(bp1)).add(qm.add(qm.mul(bm1))).mul(x1));
                DoubleVector dq = qp.sub(qm).mul(dx1);
                DoubleVector dh = gp1.mul(qp).add(bp1.mul(DoubleVector.fromArray(LANES, p, i + 1)))
                        .sub(gm1.mul(qm).add(bm1.mul(DoubleVector.fromArray(LANES, p, i - 1))))
                        .mul(dx1);
                if (G > 1) {
                    qp = DoubleVector.fromArray(LANES, mu, i + 2).mul(bp2.add(1)).add(DoubleVector.fromArray(LANES, z, i + 2).mul(bp2));
                    qm = DoubleVector.fromArray(LANES, mu, i - 2).mul(bm2.add(1)).add(DoubleVector.fromArray(LANES, z, i - 2).mul(bm2));
                    d2 = d2.add(qp.add(qp.mul(bp2)).add(qm.add(qm.mul(bm2))).mul(x2));
                    dq = dq.add(qp.sub(qm).mul(dx2));
                    dh = dh.add(gp2.mul(qp).add(bp2.mul(DoubleVector.fromArray(LANES, p, i + 2)))
                            .sub(gm2.mul(qm).add(bm2.mul(DoubleVector.fromArray(LANES, p, i - 2))))
                            .mul(dx2));
                }
                if (G > 2) {
                    qp = DoubleVector.fromArray(LANES, mu, i + 3).mul(bp3.add(1)).add(DoubleVector.fromArray(LANES, z, i + 3).mul(bp3));
                    qm = DoubleVector.fromArray(LANES, mu, i - 3).mul(bm3.add(1)).add(DoubleVector.fromArray(LANES, z, i - 3).mul(bm3));
                    d2 = d2.add(qp.add(qp.mul(bp3)).add(qm.add(qm.mul(bm3))).mul(x3));
                    dq = dq.add(qp.sub(qm).mul(dx3));
                    dh = dh.add(gp3.mul(qp).add(bp3.mul(DoubleVector.fromArray(LANES, p, i + 3)))
                            .sub(gm3.mul(qm).add(bm3.mul(DoubleVector.fromArray(LANES, p, i - 3))))
                            .mul(dx3));
                }
                if (G > 3) {
                    qp = DoubleVector.fromArray(LANES, mu, i + 4).mul(bp4.add(1)).add(DoubleVector.fromArray(LANES, z, i + 4).mul(bp4));
                    qm = DoubleVector.fromArray(LANES, mu, i - 4).mul(bm4.add(1)).add(DoubleVector.fromArray(LANES, z, i - 4).mul(bm4));
                    d2 = d2.add(qp.add(qp.mul(bp4)).add(qm.add(qm.mul(bm4))).mul(x4));
                    dq = dq.add(qp.sub(qm).mul(dx4));
                    dh = dh.add(gp4.mul(qp).add(bp4.mul(DoubleVector.fromArray(LANES, p, i + 4)))
                            .sub(gm4.mul(qm).add(bm4.mul(DoubleVector.fromArray(LANES, p, i - 4))))
                            .mul(dx4));
                }
                DoubleVector pn = DoubleVector.fromArray(LANES, p, i).sub(dq).mul(va);
                (FLUSH ? pn.blend(0, pn.abs().lt(NEGLIGIBLE)) : pn).intoArray(pNext, i);
                DoubleVector zn = mc.add(zc).mul(va);
                (FLUSH ? zn.blend(0, zn.abs().lt(NEGLIGIBLE)) : zn).intoArray(zNext, i);
                DoubleVector term = d2.sub(dh);
                if (row != null) {
                    (add ? DoubleVector.fromArray(LANES, row, x).add(term) : term).intoArray(row, x);
                } else {
                    DoubleVector t = mc.mul(y0)
                            .add(DoubleVector.fromArray(LANES, mu, i + s).add(DoubleVector.fromArray(LANES, mu, i - s)).mul(y1));
                    if (G > 1) {
                        t = t.add(DoubleVector.fromArray(LANES, mu, i + 2 * s).add(DoubleVector.fromArray(LANES, mu, i - 2 * s)).mul(y2));
                    }
                    if (G > 2) {
                        t = t.add(DoubleVector.fromArray(LANES, mu, i + 3 * s).add(DoubleVector.fromArray(LANES, mu, i - 3 * s)).mul(y3));
                    }
                    if (G > 3) {
                        t = t.add(DoubleVector.fromArray(LANES, mu, i + 4 * s).add(DoubleVector.fromArray(LANES, mu, i - 4 * s)).mul(y4));
                    }
                    t = t.add(term);
                    DoubleVector n = DoubleVector.fromArray(LANES, v2, i).mul(t).add(mc.add(mc))
                            .sub(DoubleVector.fromArray(LANES, next, i));
                    (FLUSH ? n.blend(0, n.abs().lt(NEGLIGIBLE)) : n).intoArray(next, i);
                    if (spatial != null) {
                        t.intoArray(spatial, at + i);
                    }
                }
            }
        }
        return x;
    }

    @Override
    int simdFinish(DoubleWavefield w, int y, int from, int to, double[] spatial, int at, double[] row) {
        final double[] u = w.u;
        final double[] next = w.previous;
        final double[] v2 = domainV2dt2;
        final int base = y * columns;
        int x = from;
        for (; x <= to - N; x += N) {
            int i = base + x;
            DoubleVector r = DoubleVector.fromArray(LANES, row, x);
            DoubleVector uc = DoubleVector.fromArray(LANES, u, i);
            DoubleVector n = DoubleVector.fromArray(LANES, v2, i).mul(r).add(uc.add(uc)).sub(DoubleVector.fromArray(LANES, next, i));
            (FLUSH ? n.blend(0, n.abs().lt(NEGLIGIBLE)) : n).intoArray(next, i);
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
            (FLUSH ? g.blend(0, g.abs().lt(NEGLIGIBLE)) : g).intoArray(gradient, i);
        }
        return i;
    }
}
