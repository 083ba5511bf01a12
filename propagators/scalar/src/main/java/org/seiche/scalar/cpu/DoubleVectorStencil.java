package org.seiche.scalar.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DoubleStencil} with its hot loops in SIMD lanes (the Java Vector API, an
 * incubator module: the JVM needs --add-modules jdk.incubator.vector). Each loop covers
 * whole vectors and leaves the tail of a segment to the reference loop it overrides.
 * <p>
 * The JIT keeps vectors in registers only when every vector-valued call is small enough
 * to inline: a vector carried around a loop, or returned by a large method, is boxed (3 to
 * 20 times slower, measured). So the stencil sums over k = 1..g are written out as
 * guarded additions of small per-k terms rather than as loops or helper sums.
 */
final class DoubleVectorStencil extends DoubleStencil {
    private static final VectorSpecies<Double> LANES = lanes();

    /**
     * The PML profiles laid out for lane loads: along columns (d = 1) the profile itself,
     * indexed by the column; along rows (d = 0) each row's value repeated over a vector's
     * lanes, indexed by row * lanes, so that one load gives the row's constant.
     */
    private final double[][] aLanes = new double[2][];
    private final double[][] bLanes = new double[2][];
    private final double[][] dbLanes = new double[2][];
    /** Index step of one cell along d in those layouts. */
    private final int[] laneStep = {LANES.length(), 1};

    private DoubleVectorStencil(DoubleCoefficients c) {
        super(c, LANES.length());
        aLanes[0] = repeat(c.a[0]);
        bLanes[0] = repeat(c.b[0]);
        dbLanes[0] = repeat(c.db[0]);
        aLanes[1] = c.a[1];
        bLanes[1] = c.b[1];
        dbLanes[1] = c.db[1];
    }

    private static double[] repeat(double[] profile) {
        int lanes = LANES.length();
        double[] out = new double[profile.length * lanes];
        for (int y = 0; y < profile.length; y++) {
            java.util.Arrays.fill(out, y * lanes, (y + 1) * lanes, profile[y]);
        }
        return out;
    }

    /** Index of the profile values of the cells at row y, columns x.. in the lane layout of d. */
    private static int laneIndex(int d, int y, int x) {
        return d == 0 ? y * LANES.length() : x;
    }

    /** Typed as the reference stencil, so that callers link without the vector module. */
    static DoubleStencil of(DoubleCoefficients c) {
        return new DoubleVectorStencil(c);
    }

    /** The preferred species, at most 256 bits wide (measured faster than 512 here). */
    private static VectorSpecies<Double> lanes() {
        VectorSpecies<Double> preferred = DoubleVector.SPECIES_PREFERRED;
        return preferred.vectorBitSize() > 256 ? DoubleVector.SPECIES_256 : preferred;
    }

    /** v with its lanes below {@link DoubleStencil#NEGLIGIBLE} in magnitude set to zero. */
    private static DoubleVector flush(DoubleVector v) {
        return v.blend(0, v.abs().lt(NEGLIGIBLE));
    }

    /** Term k of the second difference along d: c2[k] (f[i + k s] + f[i - k s]). */
    private DoubleVector along(int d, double[] f, int i, int k) {
        int s = k * stride[d];
        return DoubleVector.fromArray(LANES, f, i + s).add(DoubleVector.fromArray(LANES, f, i - s)).mul(second[d][k]);
    }


    /** Term k of the first difference along d: c1[k] (f[i + k s] - f[i - k s]). */
    private DoubleVector difference(int d, double[] f, int i, int k) {
        int s = k * stride[d];
        return DoubleVector.fromArray(LANES, f, i + s).sub(DoubleVector.fromArray(LANES, f, i - s)).mul(first[d][k]);
    }

    /** Term k of D(a f): c1[k] (a[j + k] f[i + k s] - a[j - k] f[i - k s]), j the lane index. */
    private DoubleVector aDifference(int d, double[] f, int i, int j, int k) {
        int s = k * stride[d];
        int sj = k * laneStep[d];
        double[] pa = aLanes[d];
        DoubleVector plus = DoubleVector.fromArray(LANES, pa, j + sj).mul(DoubleVector.fromArray(LANES, f, i + s));
        DoubleVector minus = DoubleVector.fromArray(LANES, pa, j - sj).mul(DoubleVector.fromArray(LANES, f, i - s));
        return plus.sub(minus).mul(first[d][k]);
    }

    /** q = (1 + b) mu + b Z at the cells o... */
    private DoubleVector q(DoubleVector vb, double[] mu, double[] z, int o) {
        return vb.add(1).mul(DoubleVector.fromArray(LANES, mu, o)).add(vb.mul(DoubleVector.fromArray(LANES, z, o)));
    }

    /**
     * Adds term k of the adjoint PML sums at cells i.. (columns x..): D2((1 + b) q) - D((D b) q + b P)
     * to the row, and -a D q to the next P. Writes to memory rather than returning vectors, so
     * that the JIT needs no vector object for it.
     */
    private void adjointTerm(int d, DoubleWavefield w, double[] row, int x, int i, int j, int k) {
        int s = k * stride[d];
        int sj = k * laneStep[d];
        double[] pb = bLanes[d];
        double[] pdb = dbLanes[d];
        double[] p = w.psi[d];
        DoubleVector bp = DoubleVector.fromArray(LANES, pb, j + sj);
        DoubleVector bm = DoubleVector.fromArray(LANES, pb, j - sj);
        DoubleVector qp = q(bp, w.u, w.zeta[d], i + s);
        DoubleVector qm = q(bm, w.u, w.zeta[d], i - s);
        DoubleVector d2 = bp.add(1).mul(qp).add(bm.add(1).mul(qm)).mul(second[d][k]);
        DoubleVector hp = DoubleVector.fromArray(LANES, pdb, j + sj).mul(qp).add(bp.mul(DoubleVector.fromArray(LANES, p, i + s)));
        DoubleVector hm = DoubleVector.fromArray(LANES, pdb, j - sj).mul(qm).add(bm.mul(DoubleVector.fromArray(LANES, p, i - s)));
        DoubleVector term = d2.sub(hp.sub(hm).mul(first[d][k]));
        DoubleVector.fromArray(LANES, row, x).add(term).intoArray(row, x);
        DoubleVector aq = DoubleVector.fromArray(LANES, aLanes[d], j).mul(qp.sub(qm).mul(first[d][k]));
        DoubleVector pn = DoubleVector.fromArray(LANES, w.psiNext[d], i).sub(aq);
        (k == guard ? flush(pn) : pn).intoArray(w.psiNext[d], i);
    }

    @Override
    void interior(double[] u, double[] next, int from, int to, double[] spatial, int at) {
        // coefficients in locals: the loop stores to double[] arrays, so the JIT would reload them from theirs
        final double c0 = centre;
        final double y1 = second[0][1];
        final double x1 = second[1][1];
        final double y2 = guard > 1 ? second[0][2] : 0;
        final double x2 = guard > 1 ? second[1][2] : 0;
        final double y3 = guard > 2 ? second[0][3] : 0;
        final double x3 = guard > 2 ? second[1][3] : 0;
        final double y4 = guard > 3 ? second[0][4] : 0;
        final double x4 = guard > 3 ? second[1][4] : 0;
        final int sy = stride[0];
        final int lanes = LANES.length();
        int i = from;
        for (; i <= to - lanes; i += lanes) {
            DoubleVector uc = DoubleVector.fromArray(LANES, u, i);
            DoubleVector s = uc.mul(c0).add(pair(u, i, sy, 1, y1, x1));
            if (guard > 1) {
                s = s.add(pair(u, i, 2 * sy, 2, y2, x2));
            }
            if (guard > 2) {
                s = s.add(pair(u, i, 3 * sy, 3, y3, x3));
            }
            if (guard > 3) {
                s = s.add(pair(u, i, 4 * sy, 4, y4, x4));
            }
            flush(DoubleVector.fromArray(LANES, v2dt2, i).mul(s).add(uc.add(uc)).sub(DoubleVector.fromArray(LANES, next, i)))
                    .intoArray(next, i);
            if (spatial != null) {
                s.intoArray(spatial, at + i);
            }
        }
        super.interior(u, next, i, to, spatial, at);
    }

    /** Term k of the Laplacian: cy (f[i + sk] + f[i - sk]) + cx (f[i + k] + f[i - k]), sk = k rows. */
    private static DoubleVector pair(double[] f, int i, int sk, int k, double cy, double cx) {
        DoubleVector rows = DoubleVector.fromArray(LANES, f, i + sk).add(DoubleVector.fromArray(LANES, f, i - sk)).mul(cy);
        return rows.add(DoubleVector.fromArray(LANES, f, i + k).add(DoubleVector.fromArray(LANES, f, i - k)).mul(cx));
    }

    @Override
    void plain(int d, double[] f, int y, int from, int to, double[] row, boolean add) {
        final int base = y * columns;
        final int lanes = LANES.length();
        int x = from;
        for (; x <= to - lanes; x += lanes) {
            int i = base + x;
            DoubleVector t = DoubleVector.fromArray(LANES, f, i).mul(second[d][0]).add(along(d, f, i, 1));
            if (guard > 1) {
                t = t.add(along(d, f, i, 2));
            }
            if (guard > 2) {
                t = t.add(along(d, f, i, 3));
            }
            if (guard > 3) {
                t = t.add(along(d, f, i, 4));
            }
            (add ? DoubleVector.fromArray(LANES, row, x).add(t) : t).intoArray(row, x);
        }
        super.plain(d, f, y, x, to, row, add);
    }

    @Override
    void pmlForward(int d, DoubleWavefield w, int y, int from, int to, double[] row, boolean add) {
        final double[] u = w.u;
        final double[] p = w.psi[d];
        final int base = y * columns;
        final int lanes = LANES.length();
        int x = from;
        for (; x <= to - lanes; x += lanes) {
            int i = base + x;
            int j = laneIndex(d, y, x);
            DoubleVector d2 = DoubleVector.fromArray(LANES, u, i).mul(second[d][0]).add(along(d, u, i, 1));
            DoubleVector d1 = difference(d, u, i, 1);
            DoubleVector dap = aDifference(d, p, i, j, 1);
            if (guard > 1) {
                d2 = d2.add(along(d, u, i, 2));
                d1 = d1.add(difference(d, u, i, 2));
                dap = dap.add(aDifference(d, p, i, j, 2));
            }
            if (guard > 2) {
                d2 = d2.add(along(d, u, i, 3));
                d1 = d1.add(difference(d, u, i, 3));
                dap = dap.add(aDifference(d, p, i, j, 3));
            }
            if (guard > 3) {
                d2 = d2.add(along(d, u, i, 4));
                d1 = d1.add(difference(d, u, i, 4));
                dap = dap.add(aDifference(d, p, i, j, 4));
            }
            DoubleVector va = DoubleVector.fromArray(LANES, aLanes[d], j);
            DoubleVector vb = DoubleVector.fromArray(LANES, bLanes[d], j);
            DoubleVector tmp = vb.add(1).mul(d2).add(DoubleVector.fromArray(LANES, dbLanes[d], j).mul(d1)).add(dap);
            flush(va.mul(DoubleVector.fromArray(LANES, p, i)).add(vb.mul(d1))).intoArray(w.psiNext[d], i);
            DoubleVector zn = flush(va.mul(DoubleVector.fromArray(LANES, w.zeta[d], i)).add(vb.mul(tmp)));
            zn.intoArray(w.zetaNext[d], i);
            DoubleVector term = tmp.add(zn);
            (add ? DoubleVector.fromArray(LANES, row, x).add(term) : term).intoArray(row, x);
        }
        super.pmlForward(d, w, y, x, to, row, add);
    }

    @Override
    void pmlAdjoint(int d, DoubleWavefield w, int y, int from, int to, double[] row, boolean add) {
        final double[] mu = w.u;
        final double[] z = w.zeta[d];
        final int base = y * columns;
        final int lanes = LANES.length();
        int x = from;
        for (; x <= to - lanes; x += lanes) {
            int i = base + x;
            int j = laneIndex(d, y, x);
            DoubleVector va = DoubleVector.fromArray(LANES, aLanes[d], j);
            DoubleVector vb = DoubleVector.fromArray(LANES, bLanes[d], j);
            DoubleVector d2 = vb.add(1).mul(second[d][0]).mul(q(vb, mu, z, i));
            (add ? DoubleVector.fromArray(LANES, row, x).add(d2) : d2).intoArray(row, x);
            va.mul(DoubleVector.fromArray(LANES, w.psi[d], i)).intoArray(w.psiNext[d], i);
            flush(va.mul(DoubleVector.fromArray(LANES, mu, i).add(DoubleVector.fromArray(LANES, z, i)))).intoArray(w.zetaNext[d], i);
            adjointTerm(d, w, row, x, i, j, 1);
            if (guard > 1) {
                adjointTerm(d, w, row, x, i, j, 2);
            }
            if (guard > 2) {
                adjointTerm(d, w, row, x, i, j, 3);
            }
            if (guard > 3) {
                adjointTerm(d, w, row, x, i, j, 4);
            }
        }
        super.pmlAdjoint(d, w, y, x, to, row, add);
    }

    @Override
    void finish(DoubleWavefield w, int y, int from, int to, double[] spatial, int at, double[] row) {
        final double[] u = w.u;
        final double[] next = w.previous;
        final int base = y * columns;
        final int lanes = LANES.length();
        int x = from;
        for (; x <= to - lanes; x += lanes) {
            int i = base + x;
            DoubleVector r = DoubleVector.fromArray(LANES, row, x);
            flush(DoubleVector.fromArray(LANES, v2dt2, i).mul(r).add(DoubleVector.fromArray(LANES, u, i).mul(2))
                    .sub(DoubleVector.fromArray(LANES, next, i))).intoArray(next, i);
            if (spatial != null) {
                r.intoArray(spatial, at + i);
            }
        }
        super.finish(w, y, x, to, spatial, at, row);
    }

    @Override
    void imageSegment(double[] gradient, double[] mu, double[] spatial, int at, int from, int to, double weight) {
        final int lanes = LANES.length();
        int i = from;
        for (; i <= to - lanes; i += lanes) {
            flush(DoubleVector.fromArray(LANES, gradient, i).add(DoubleVector.fromArray(LANES, mu, i).mul(weight)
                    .mul(DoubleVector.fromArray(LANES, spatial, at + i)))).intoArray(gradient, i);
        }
        super.imageSegment(gradient, mu, spatial, at, i, to, weight);
    }
}
