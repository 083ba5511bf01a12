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

    /** The PML profiles of each dimension spread over every cell, so that lanes load them uniformly. */
    private final double[][] aCells = new double[2][];
    private final double[][] bCells = new double[2][];
    private final double[][] dbCells = new double[2][];

    private DoubleVectorStencil(DoubleCoefficients c) {
        super(c);
        for (int d = 0; d < 2; d++) {
            aCells[d] = spread(c, c.a[d], d);
            bCells[d] = spread(c, c.b[d], d);
            dbCells[d] = spread(c, c.db[d], d);
        }
    }

    private static double[] spread(DoubleCoefficients c, double[] profile, int d) {
        double[] out = new double[c.cells()];
        for (int y = 0; y < c.rows; y++) {
            for (int x = 0; x < c.columns; x++) {
                out[y * c.columns + x] = profile[d == 0 ? y : x];
            }
        }
        return out;
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

    private static DoubleVector load(double[] a, int i) {
        return DoubleVector.fromArray(LANES, a, i);
    }

    /** Term k of the second difference along d: c2[k] (f[i + k s] + f[i - k s]). */
    private DoubleVector along(int d, double[] f, int i, int k) {
        int s = k * stride[d];
        return load(f, i + s).add(load(f, i - s)).mul(second[d][k]);
    }

    /** Term k of the Laplacian: both dimensions. */
    private DoubleVector both(double[] f, int i, int k) {
        return along(0, f, i, k).add(along(1, f, i, k));
    }

    /** A spread profile at offset k along d from cells i... */
    private DoubleVector profile(double[][] spread, int d, int i, int k) {
        return load(spread[d], i + k * stride[d]);
    }

    /** Term k of the first difference along d: c1[k] (f[i + k s] - f[i - k s]). */
    private DoubleVector difference(int d, double[] f, int i, int k) {
        int s = k * stride[d];
        return load(f, i + s).sub(load(f, i - s)).mul(first[d][k]);
    }

    /** Term k of D(a f): c1[k] (a[j + k] f[i + k s] - a[j - k] f[i - k s]). */
    private DoubleVector aDifference(int d, double[] f, int i, int k) {
        int s = k * stride[d];
        DoubleVector plus = profile(aCells, d, i, k).mul(load(f, i + s));
        return plus.sub(profile(aCells, d, i, -k).mul(load(f, i - s))).mul(first[d][k]);
    }

    /** q = (1 + b) mu + b Z at offset k (k may be negative) from cells i... */
    private DoubleVector q(int d, double[] mu, double[] z, int i, int k) {
        DoubleVector vb = profile(bCells, d, i, k);
        int at = i + k * stride[d];
        return vb.add(1).mul(load(mu, at)).add(vb.mul(load(z, at)));
    }

    /** Term k of D2((1 + b) q). */
    private DoubleVector secondOfQ(int d, double[] mu, double[] z, int i, int k) {
        DoubleVector plus = profile(bCells, d, i, k).add(1).mul(q(d, mu, z, i, k));
        return plus.add(profile(bCells, d, i, -k).add(1).mul(q(d, mu, z, i, -k))).mul(second[d][k]);
    }

    /** Term k of D q. */
    private DoubleVector firstOfQ(int d, double[] mu, double[] z, int i, int k) {
        return q(d, mu, z, i, k).sub(q(d, mu, z, i, -k)).mul(first[d][k]);
    }

    /** h = (D b) q + b P at offset k. */
    private DoubleVector h(int d, double[] mu, double[] z, double[] p, int i, int k) {
        DoubleVector dq = profile(dbCells, d, i, k).mul(q(d, mu, z, i, k));
        return dq.add(profile(bCells, d, i, k).mul(load(p, i + k * stride[d])));
    }

    /** Term k of D h. */
    private DoubleVector firstOfH(int d, double[] mu, double[] z, double[] p, int i, int k) {
        return h(d, mu, z, p, i, k).sub(h(d, mu, z, p, i, -k)).mul(first[d][k]);
    }

    @Override
    void interior(double[] u, double[] next, int from, int to, double[] spatial, int at) {
        final int lanes = LANES.length();
        int i = from;
        for (; i <= to - lanes; i += lanes) {
            DoubleVector uc = load(u, i);
            DoubleVector s = uc.mul(centre).add(both(u, i, 1));
            if (guard > 1) {
                s = s.add(both(u, i, 2));
            }
            if (guard > 2) {
                s = s.add(both(u, i, 3));
            }
            if (guard > 3) {
                s = s.add(both(u, i, 4));
            }
            load(v2dt2, i).mul(s).add(uc.mul(2)).sub(load(next, i)).intoArray(next, i);
            if (spatial != null) {
                s.intoArray(spatial, at + i);
            }
        }
        super.interior(u, next, i, to, spatial, at);
    }

    @Override
    void plain(int d, double[] f, int y, int from, int to, double[] row, boolean add) {
        final int base = y * columns;
        final int lanes = LANES.length();
        int x = from;
        for (; x <= to - lanes; x += lanes) {
            int i = base + x;
            DoubleVector t = load(f, i).mul(second[d][0]).add(along(d, f, i, 1));
            if (guard > 1) {
                t = t.add(along(d, f, i, 2));
            }
            if (guard > 2) {
                t = t.add(along(d, f, i, 3));
            }
            if (guard > 3) {
                t = t.add(along(d, f, i, 4));
            }
            (add ? load(row, x).add(t) : t).intoArray(row, x);
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
            DoubleVector d2 = load(u, i).mul(second[d][0]).add(along(d, u, i, 1));
            DoubleVector d1 = difference(d, u, i, 1);
            DoubleVector dap = aDifference(d, p, i, 1);
            if (guard > 1) {
                d2 = d2.add(along(d, u, i, 2));
                d1 = d1.add(difference(d, u, i, 2));
                dap = dap.add(aDifference(d, p, i, 2));
            }
            if (guard > 2) {
                d2 = d2.add(along(d, u, i, 3));
                d1 = d1.add(difference(d, u, i, 3));
                dap = dap.add(aDifference(d, p, i, 3));
            }
            if (guard > 3) {
                d2 = d2.add(along(d, u, i, 4));
                d1 = d1.add(difference(d, u, i, 4));
                dap = dap.add(aDifference(d, p, i, 4));
            }
            DoubleVector va = profile(aCells, d, i, 0);
            DoubleVector vb = profile(bCells, d, i, 0);
            DoubleVector tmp = vb.add(1).mul(d2).add(profile(dbCells, d, i, 0).mul(d1)).add(dap);
            va.mul(load(p, i)).add(vb.mul(d1)).intoArray(w.psiNext[d], i);
            DoubleVector zn = va.mul(load(w.zeta[d], i)).add(vb.mul(tmp));
            zn.intoArray(w.zetaNext[d], i);
            DoubleVector term = tmp.add(zn);
            (add ? load(row, x).add(term) : term).intoArray(row, x);
        }
        super.pmlForward(d, w, y, x, to, row, add);
    }

    @Override
    void pmlAdjoint(int d, DoubleWavefield w, int y, int from, int to, double[] row, boolean add) {
        final double[] mu = w.u;
        final double[] p = w.psi[d];
        final double[] z = w.zeta[d];
        final int base = y * columns;
        final int lanes = LANES.length();
        int x = from;
        for (; x <= to - lanes; x += lanes) {
            int i = base + x;
            DoubleVector onePlusB = profile(bCells, d, i, 0).add(1);
            DoubleVector d2 = onePlusB.mul(second[d][0]).mul(q(d, mu, z, i, 0))
                    .add(secondOfQ(d, mu, z, i, 1));
            DoubleVector d1q = firstOfQ(d, mu, z, i, 1);
            DoubleVector d1h = firstOfH(d, mu, z, p, i, 1);
            if (guard > 1) {
                d2 = d2.add(secondOfQ(d, mu, z, i, 2));
                d1q = d1q.add(firstOfQ(d, mu, z, i, 2));
                d1h = d1h.add(firstOfH(d, mu, z, p, i, 2));
            }
            if (guard > 2) {
                d2 = d2.add(secondOfQ(d, mu, z, i, 3));
                d1q = d1q.add(firstOfQ(d, mu, z, i, 3));
                d1h = d1h.add(firstOfH(d, mu, z, p, i, 3));
            }
            if (guard > 3) {
                d2 = d2.add(secondOfQ(d, mu, z, i, 4));
                d1q = d1q.add(firstOfQ(d, mu, z, i, 4));
                d1h = d1h.add(firstOfH(d, mu, z, p, i, 4));
            }
            DoubleVector va = profile(aCells, d, i, 0);
            va.mul(load(p, i).sub(d1q)).intoArray(w.psiNext[d], i);
            va.mul(load(mu, i).add(load(z, i))).intoArray(w.zetaNext[d], i);
            DoubleVector term = d2.sub(d1h);
            (add ? load(row, x).add(term) : term).intoArray(row, x);
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
            DoubleVector r = load(row, x);
            load(v2dt2, i).mul(r).add(load(u, i).mul(2)).sub(load(next, i)).intoArray(next, i);
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
            load(gradient, i).add(load(mu, i).mul(weight).mul(load(spatial, at + i))).intoArray(gradient, i);
        }
        super.imageSegment(gradient, mu, spatial, at, i, to, weight);
    }
}
