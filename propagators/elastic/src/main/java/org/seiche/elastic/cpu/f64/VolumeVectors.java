package org.seiche.elastic.cpu.f64;

import static jdk.incubator.vector.DoubleVector.fromArray;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import org.seiche.wave.DoubleLanes;

/**
 * The line loops of {@link VolumeSweeps} as Java Vector API loops over whole vectors of a
 * line, the rest of the line cell by cell. Loaded only when the incubator module
 * jdk.incubator.vector is there. Stencil sums of accuracy 2 and 4 are straight-line code.
 */
final class VolumeVectors {
    private static final VectorSpecies<Double> LANES = DoubleLanes.SPECIES;
    private static final int N = LANES.length();

    private VolumeVectors() {
    }

    /**
     * out[j] = (or +=, when add) sum_m c_m (f[up + m s + j] - f[down - m s + j]), j < n; the
     * cells from {@code done} on are left to the caller.
     */
    static int derivative(double[] f, int up, int down, int s, double[] c, double[] out, int n, boolean add) {
        int bound = LANES.loopBound(n);
        int j = 0;
        if (c.length == 2) {
            DoubleVector c0 = DoubleVector.broadcast(LANES, c[0]);
            DoubleVector c1 = DoubleVector.broadcast(LANES, c[1]);
            for (; j < bound; j += N) {
                DoubleVector d = fromArray(LANES, f, up + j).sub(fromArray(LANES, f, down + j)).mul(c0)
                        .add(fromArray(LANES, f, up + s + j).sub(fromArray(LANES, f, down - s + j)).mul(c1));
                if (add) {
                    d = d.add(fromArray(LANES, out, j));
                }
                d.intoArray(out, j);
            }
        } else if (c.length == 1) {
            DoubleVector c0 = DoubleVector.broadcast(LANES, c[0]);
            for (; j < bound; j += N) {
                DoubleVector d = fromArray(LANES, f, up + j).sub(fromArray(LANES, f, down + j)).mul(c0);
                if (add) {
                    d = d.add(fromArray(LANES, out, j));
                }
                d.intoArray(out, j);
            }
        }
        return j;
    }

    /** m[base + j] = a m + b d[j]; d[j] += m, for j < n; returns the first cell not done. */
    static int memory(double[] m, int base, double a, double b, double[] d, int n) {
        int bound = LANES.loopBound(n);
        int j = 0;
        for (; j < bound; j += N) {
            DoubleVector dj = fromArray(LANES, d, j);
            DoubleVector mj = fromArray(LANES, m, base + j).mul(a).add(dj.mul(b));
            mj.intoArray(m, base + j);
            dj.add(mj).intoArray(d, j);
        }
        return j;
    }

    /** m[base + j] = a[j] m + b[j] d[j]; d[j] += m, for from <= j < to; returns the first cell not done. */
    static int memoryStrip(double[] m, int base, double[] a, double[] b, double[] d, int from, int to) {
        int j = from;
        for (; j <= to - N; j += N) {
            DoubleVector dj = fromArray(LANES, d, j);
            DoubleVector mj = fromArray(LANES, m, base + j).mul(fromArray(LANES, a, j)).add(dj.mul(fromArray(LANES, b, j)));
            mj.intoArray(m, base + j);
            dj.add(mj).intoArray(d, j);
        }
        return j;
    }

    /** Transpose of {@link #memory}: big = m + t[base + j]; t[base + j] += b big; m = a big, for j < n; returns the first cell not done. */
    static int memoryAdjoint(double[] m, int base, double a, double b, double[] t, int n) {
        int bound = LANES.loopBound(n);
        int j = 0;
        for (; j < bound; j += N) {
            DoubleVector big = fromArray(LANES, m, base + j).add(fromArray(LANES, t, base + j));
            fromArray(LANES, t, base + j).add(big.mul(b)).intoArray(t, base + j);
            big.mul(a).intoArray(m, base + j);
        }
        return j;
    }

    /** Transpose of {@link #memoryStrip} on t[base + j], from <= j < to; returns the first cell not done. */
    static int memoryAdjointStrip(double[] m, int base, double[] a, double[] b, double[] t, int from, int to) {
        int j = from;
        for (; j <= to - N; j += N) {
            DoubleVector big = fromArray(LANES, m, base + j).add(fromArray(LANES, t, base + j));
            fromArray(LANES, t, base + j).add(big.mul(fromArray(LANES, b, j))).intoArray(t, base + j);
            big.mul(fromArray(LANES, a, j)).intoArray(m, base + j);
        }
        return j;
    }

    /** to[j] += from[j]; returns the first cell not done. */
    static int add(double[] from, double[] to, int n) {
        int bound = LANES.loopBound(n);
        int j = 0;
        for (; j < bound; j += N) {
            fromArray(LANES, to, j).add(fromArray(LANES, from, j)).intoArray(to, j);
        }
        return j;
    }

    /** field[base + j] += coefficient[base + j] x term[j]; returns the first cell not done. */
    static int update(double[] field, double[] coefficient, int base, double[] term, int n) {
        int bound = LANES.loopBound(n);
        int j = 0;
        for (; j < bound; j += N) {
            fromArray(LANES, field, base + j).add(fromArray(LANES, coefficient, base + j).mul(fromArray(LANES, term, j)))
                    .intoArray(field, base + j);
        }
        return j;
    }

    /** field[base + j] += lamb[base + j] trace[j] + 2 mu[base + j] own[j]; returns the first cell not done. */
    static int normal(double[] field, double[] lamb, double[] mu, int base, double[] trace, double[] own, int n) {
        int bound = LANES.loopBound(n);
        int j = 0;
        for (; j < bound; j += N) {
            DoubleVector muOwn = fromArray(LANES, mu, base + j).mul(fromArray(LANES, own, j));
            fromArray(LANES, field, base + j).add(fromArray(LANES, lamb, base + j).mul(fromArray(LANES, trace, j)))
                    .add(muOwn.add(muOwn)).intoArray(field, base + j);
        }
        return j;
    }

    /** field[base + j] -= d[j]; returns the first cell not done. */
    static int subtract(double[] d, double[] field, int base, int n) {
        int bound = LANES.loopBound(n);
        int j = 0;
        for (; j < bound; j += N) {
            fromArray(LANES, field, base + j).sub(fromArray(LANES, d, j)).intoArray(field, base + j);
        }
        return j;
    }

    /** out[base + j] = a[base + j] x b[base + j]; returns the first cell not done. */
    static int product(double[] a, double[] b, int base, double[] out, int n) {
        int bound = LANES.loopBound(n);
        int j = 0;
        for (; j < bound; j += N) {
            fromArray(LANES, a, base + j).mul(fromArray(LANES, b, base + j)).intoArray(out, base + j);
        }
        return j;
    }

    /** g[base + j] += a[from + j] x b[base + j]; returns the first cell not done. */
    static int addProduct(double[] g, double[] a, int from, double[] b, int base, int n) {
        int bound = LANES.loopBound(n);
        int j = 0;
        for (; j < bound; j += N) {
            fromArray(LANES, g, base + j).add(fromArray(LANES, a, from + j).mul(fromArray(LANES, b, base + j)))
                    .intoArray(g, base + j);
        }
        return j;
    }

    /** g[base + j] += a[j] x b[j]; returns the first cell not done. */
    static int addLineProduct(double[] g, int base, double[] a, double[] b, int n) {
        int bound = LANES.loopBound(n);
        int j = 0;
        for (; j < bound; j += N) {
            fromArray(LANES, g, base + j).add(fromArray(LANES, a, j).mul(fromArray(LANES, b, j))).intoArray(g, base + j);
        }
        return j;
    }

    /** to[j] += f[start + j]; returns the first cell not done. */
    static int addFrom(double[] f, int start, double[] to, int n) {
        int bound = LANES.loopBound(n);
        int j = 0;
        for (; j < bound; j += N) {
            fromArray(LANES, to, j).add(fromArray(LANES, f, start + j)).intoArray(to, j);
        }
        return j;
    }

    /** t[base + j] = lamb[base + j] sum[j] + 2 mu[base + j] s[base + j]; returns the first cell not done. */
    static int normalTerm(double[] lamb, double[] mu, double[] s, int base, double[] sum, double[] t, int n) {
        int bound = LANES.loopBound(n);
        int j = 0;
        for (; j < bound; j += N) {
            DoubleVector muS = fromArray(LANES, mu, base + j).mul(fromArray(LANES, s, base + j));
            fromArray(LANES, lamb, base + j).mul(fromArray(LANES, sum, j)).add(muS.add(muS)).intoArray(t, base + j);
        }
        return j;
    }
}
