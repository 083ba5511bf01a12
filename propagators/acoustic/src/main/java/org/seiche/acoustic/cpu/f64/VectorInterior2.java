package org.seiche.acoustic.cpu.f64;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.seiche.wave.DoubleLanes;

/**
 * {@link Interior} for stencils reaching G cells (accuracy 2 G). This file is the template
 * of every accuracy: the build writes VectorInterior1, 3 and 4 from it (and the float twins).
 * G is a compile-time constant, so javac drops the terms beyond it and each loop body is
 * straight-line code whose vectors stay in registers (the helpers are small enough for the
 * JIT to inline; see the scalar propagator's DoubleVectorStencil2). A 2-D grid has no z axis
 * (stride 0): its branch is loop-invariant. The products keep the portable loops' order
 * (dt B, then times the derivative), so the two agree to the bit on the same cells.
 */
final class VectorInterior2 extends Interior {
    /** How far the stencil reaches: accuracy / 2. */
    private static final int G = 2;
    private static final VectorSpecies<Double> LANES = DoubleLanes.SPECIES;
    private static final int N = LANES.length();

    private final double dt;
    private final double[] k;
    private final double[] bz;
    private final double[] by;
    private final double[] bx;
    /** The x profiles at the half points and the cells, by column. */
    private final double[] aHx;
    private final double[] bHx;
    private final double[] aIx;
    private final double[] bIx;
    /** Per axis (z, y, x), for the single-axis runs. */
    private final Axis[] axes;
    /** Strides along z (0 in 2-D) and y. */
    private final int sz;
    private final int sy;
    /** Staggered weights per axis, k = 0..3 (0 beyond G or for an absent axis). */
    private final double z0, z1, z2, z3, y0, y1, y2, y3, x0, x1, x2, x3;

    VectorInterior2(Kernel kn) {
        dt = kn.dt;
        k = kn.k;
        bz = kn.buoyancy[0];
        by = kn.buoyancy[1];
        bx = kn.buoyancy[2];
        aHx = kn.aHalf[2];
        bHx = kn.bHalf[2];
        aIx = kn.aInt[2];
        bIx = kn.bInt[2];
        sz = kn.layout.present[0] ? kn.layout.stride[0] : 0;
        sy = kn.layout.stride[1];
        axes = new Axis[] {new Axis(kn, 0), new Axis(kn, 1), new Axis(kn, 2)};
        double[] cz = weights(kn.stencil[0]);
        double[] cy = weights(kn.stencil[1]);
        double[] cx = weights(kn.stencil[2]);
        z0 = cz[0];
        z1 = cz[1];
        z2 = cz[2];
        z3 = cz[3];
        y0 = cy[0];
        y1 = cy[1];
        y2 = cy[2];
        y3 = cy[3];
        x0 = cx[0];
        x1 = cx[1];
        x2 = cx[2];
        x3 = cx[3];
    }

    /**
     * One axis's stride, staggered weights (0 beyond G or for an absent axis), buoyancy and
     * profiles (null for an absent axis): final fields, which the JIT reads once per loop.
     */
    private static final class Axis {
        final int s;
        final double c0, c1, c2, c3;
        final double[] b, aHalf, bHalf, aInt, bInt;

        Axis(Kernel kn, int axis) {
            s = kn.layout.stride[axis];
            double[] c = weights(kn.stencil[axis]);
            c0 = c[0];
            c1 = c[1];
            c2 = c[2];
            c3 = c[3];
            b = kn.buoyancy[axis];
            aHalf = kn.aHalf[axis];
            bHalf = kn.bHalf[axis];
            aInt = kn.aInt[axis];
            bInt = kn.bInt[axis];
        }
    }

    private static double[] weights(double[] c) {
        double[] out = new double[4];
        if (c != null) {
            System.arraycopy(c, 0, out, 0, Math.min(c.length, out.length));
        }
        return out;
    }

    @Override
    int velocities(Fields f, int base, int from, int to, double[][] store, int storeAt) {
        final double[] p = f.p;
        final double[] vz = f.v[0];
        final double[] vy = f.v[1];
        final double[] vx = f.v[2];
        final double[] sZ = store[0];
        final double[] sY = store[1];
        final double[] sX = store[2];
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            if (sz != 0) {
                DoubleVector g = half(p, i, sz, z0, z1, z2, z3);
                if (sZ != null) {
                    g.intoArray(sZ, storeAt + i);
                }
                step(vz, bz, i, g);
            }
            DoubleVector gy = half(p, i, sy, y0, y1, y2, y3);
            if (sY != null) {
                gy.intoArray(sY, storeAt + i);
            }
            step(vy, by, i, gy);
            DoubleVector gx = half(p, i, 1, x0, x1, x2, x3);
            if (sX != null) {
                gx.intoArray(sX, storeAt + i);
            }
            step(vx, bx, i, gx);
        }
        return j;
    }

    @Override
    int pressure(Fields f, int base, int from, int to, double[] store, int storeAt) {
        final double[] p = f.p;
        final double[] vz = f.v[0];
        final double[] vy = f.v[1];
        final double[] vx = f.v[2];
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            DoubleVector div = whole(vy, i, sy, y0, y1, y2, y3);
            if (sz != 0) {
                div = whole(vz, i, sz, z0, z1, z2, z3).add(div);
            }
            div = div.add(whole(vx, i, 1, x0, x1, x2, x3));
            if (store != null) {
                div.intoArray(store, storeAt + i);
            }
            step(p, k, i, div);
        }
        return j;
    }

    @Override
    int pmlVelocities(Fields f, int base, int from, int to, double[][] store, int storeAt, boolean yOn, double ya, double yb) {
        final double[] p = f.p;
        final double[] ax = aHx;
        final double[] bx2 = bHx;
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            if (yOn) {
                DoubleVector g = memory(f.psi[1], i, DoubleVector.broadcast(LANES, ya), DoubleVector.broadcast(LANES, yb),
                        half(p, i, sy, y0, y1, y2, y3));
                if (store[1] != null) {
                    g.intoArray(store[1], storeAt + i);
                }
                step(f.v[1], by, i, g);
            }
            DoubleVector g = memory(f.psi[2], i, DoubleVector.fromArray(LANES, ax, j), DoubleVector.fromArray(LANES, bx2, j),
                    half(p, i, 1, x0, x1, x2, x3));
            if (store[2] != null) {
                g.intoArray(store[2], storeAt + i);
            }
            step(f.v[2], bx, i, g);
        }
        return j;
    }

    @Override
    int pmlPressure(Fields f, int base, int from, int to, double[] store, int storeAt, double ya, double yb) {
        final double[] p = f.p;
        final double[] ax = aIx;
        final double[] bx2 = bIx;
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            DoubleVector div = memory(f.phi[1], i, DoubleVector.broadcast(LANES, ya), DoubleVector.broadcast(LANES, yb),
                    whole(f.v[1], i, sy, y0, y1, y2, y3));
            div = div.add(memory(f.phi[2], i, DoubleVector.fromArray(LANES, ax, j), DoubleVector.fromArray(LANES, bx2, j),
                    whole(f.v[2], i, 1, x0, x1, x2, x3)));
            if (store != null) {
                div.intoArray(store, storeAt + i);
            }
            step(p, k, i, div);
        }
        return j;
    }

    /** The C-PML memory variable m = a m + b d over one vector; returns d + m. */
    private static DoubleVector memory(double[] m, int i, DoubleVector a, DoubleVector b, DoubleVector d) {
        DoubleVector mi = a.mul(DoubleVector.fromArray(LANES, m, i)).add(b.mul(d));
        mi.intoArray(m, i);
        return d.add(mi);
    }

    @Override
    int adjointVelocities(Fields f, int base, int from, int to, double[][] stored, int storeAt) {
        final double[] sZ = stored[0];
        final double[] sY = stored[1];
        final double[] sX = stored[2];
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            if (sz != 0) {
                adjointStep(f.v[0], f.u[0], f.gradientB[0], sZ, storeAt, bz, i, half(f.w[0], i, sz, z0, z1, z2, z3));
            }
            adjointStep(f.v[1], f.u[1], f.gradientB[1], sY, storeAt, by, i, half(f.w[1], i, sy, y0, y1, y2, y3));
            adjointStep(f.v[2], f.u[2], f.gradientB[2], sX, storeAt, bx, i, half(f.w[2], i, 1, x0, x1, x2, x3));
        }
        return j;
    }

    @Override
    int pmlAdjointVelocities(Fields f, int base, int from, int to, double[][] stored, int storeAt, boolean yOn, double ya,
                             double yb) {
        final double[] ax = aHx;
        final double[] bx2 = bHx;
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            if (yOn) {
                adjointMemory(f, 1, stored[1], storeAt, by, i, DoubleVector.broadcast(LANES, ya), DoubleVector.broadcast(LANES, yb),
                        half(f.w[1], i, sy, y0, y1, y2, y3));
            }
            adjointMemory(f, 2, stored[2], storeAt, bx, i, DoubleVector.fromArray(LANES, ax, j), DoubleVector.fromArray(LANES, bx2, j),
                    half(f.w[2], i, 1, x0, x1, x2, x3));
        }
        return j;
    }

    /**
     * Along one axis over one vector: v -= g, the buoyancy sum += v stored, then with
     * bv = dt B v: u = b psi - (1 + b) bv, psi = a (psi - bv) (the old psi).
     */
    private void adjointMemory(Fields f, int axis, double[] stored, int storeAt, double[] buoyancy, int i, DoubleVector a, DoubleVector b,
                               DoubleVector g) {
        double[] v = f.v[axis];
        double[] psi = f.psi[axis];
        DoubleVector vi = DoubleVector.fromArray(LANES, v, i).sub(g);
        vi.intoArray(v, i);
        if (stored != null) {
            double[] sum = f.gradientB[axis];
            DoubleVector.fromArray(LANES, sum, i).add(vi.mul(DoubleVector.fromArray(LANES, stored, storeAt + i))).intoArray(sum, i);
        }
        DoubleVector bv = DoubleVector.fromArray(LANES, buoyancy, i).mul(dt).mul(vi);
        DoubleVector m = DoubleVector.fromArray(LANES, psi, i);
        b.mul(m).sub(b.add(1).mul(bv)).intoArray(f.u[axis], i);
        a.mul(m.sub(bv)).intoArray(psi, i);
    }

    @Override
    int pmlAdjointPressure(Fields f, int base, int from, int to, double[] stored, int storeAt, double ya) {
        final double[] p = f.p;
        final double[] sum = f.gradientK;
        final double[] ax = aIx;
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            DoubleVector pi = DoubleVector.fromArray(LANES, p, i);
            if (stored != null) {
                DoubleVector.fromArray(LANES, sum, i).add(pi.mul(DoubleVector.fromArray(LANES, stored, storeAt + i))).intoArray(sum, i);
            }
            DoubleVector kp = DoubleVector.fromArray(LANES, k, i).mul(dt).mul(pi);
            decay(f.phi[1], i, DoubleVector.broadcast(LANES, ya), kp);
            decay(f.phi[2], i, DoubleVector.fromArray(LANES, ax, j), kp);
            DoubleVector total = whole(f.u[1], i, sy, y0, y1, y2, y3);
            pi.sub(total.add(whole(f.u[2], i, 1, x0, x1, x2, x3))).intoArray(p, i);
        }
        return j;
    }

    /** phi = a (phi - kp) over one vector. */
    private static void decay(double[] phi, int i, DoubleVector a, DoubleVector kp) {
        a.mul(DoubleVector.fromArray(LANES, phi, i).sub(kp)).intoArray(phi, i);
    }

    /** v -= g, the buoyancy sum += v stored, u = -dt B v, over one vector. */
    private void adjointStep(double[] v, double[] u, double[] sum, double[] stored, int storeAt, double[] b, int i, DoubleVector g) {
        DoubleVector vi = DoubleVector.fromArray(LANES, v, i).sub(g);
        vi.intoArray(v, i);
        if (stored != null) {
            DoubleVector.fromArray(LANES, sum, i).add(vi.mul(DoubleVector.fromArray(LANES, stored, storeAt + i))).intoArray(sum, i);
        }
        DoubleVector.fromArray(LANES, b, i).mul(-dt).mul(vi).intoArray(u, i);
    }

    @Override
    int adjointPressure(Fields f, int base, int from, int to, double[] stored, int storeAt) {
        final double[] p = f.p;
        final double[] sum = f.gradientK;
        final double[] uz = f.u[0];
        final double[] uy = f.u[1];
        final double[] ux = f.u[2];
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            DoubleVector pi = DoubleVector.fromArray(LANES, p, i);
            if (stored != null) {
                DoubleVector.fromArray(LANES, sum, i).add(pi.mul(DoubleVector.fromArray(LANES, stored, storeAt + i))).intoArray(sum, i);
            }
            DoubleVector total = whole(uy, i, sy, y0, y1, y2, y3);
            if (sz != 0) {
                total = whole(uz, i, sz, z0, z1, z2, z3).add(total);
            }
            pi.sub(total.add(whole(ux, i, 1, x0, x1, x2, x3))).intoArray(p, i);
        }
        return j;
    }

    @Override
    int velocityRun(Fields f, int axis, int base, int from, int to, int q, double[] store, int storeAt) {
        final double[] p = f.p;
        final double[] v = f.v[axis];
        final double[] psi = f.psi[axis];
        final Axis ax = axes[axis];
        final boolean column = q == Steps.COLUMN;
        final DoubleVector a = row(ax.aHalf, q);
        final DoubleVector bq = row(ax.bHalf, q);
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            DoubleVector g = sum(DoubleVector.zero(LANES), p, i, ax);
            if (q != Steps.NONE) {
                g = memory(psi, i, at(ax.aHalf, j, column, a), at(ax.bHalf, j, column, bq), g);
            }
            if (store != null) {
                g.intoArray(store, storeAt + i);
            }
            step(v, ax.b, i, g);
        }
        return j;
    }

    @Override
    int pressureRun(Fields f, int axis, int base, int from, int to, int q, double[] div) {
        final double[] v = f.v[axis];
        final double[] phi = f.phi[axis];
        final Axis ax = axes[axis];
        final int s = ax.s;
        final boolean column = q == Steps.COLUMN;
        final DoubleVector a = row(ax.aInt, q);
        final DoubleVector bq = row(ax.bInt, q);
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            DoubleVector d = DoubleVector.fromArray(LANES, div, j);
            if (q == Steps.NONE) {
                d = sum(d, v, i - s, ax);
            } else {
                DoubleVector g = sum(DoubleVector.zero(LANES), v, i - s, ax);
                d = d.add(memory(phi, i, at(ax.aInt, j, column, a), at(ax.bInt, j, column, bq), g));
            }
            d.intoArray(div, j);
        }
        return j;
    }

    @Override
    int adjointVelocityRun(Fields f, int axis, int base, int from, int to, int q, double[] stored, int storeAt) {
        final double[] v = f.v[axis];
        final double[] u = f.u[axis];
        final double[] psi = f.psi[axis];
        final double[] w = f.w[axis];
        final double[] sum = f.gradientB[axis];
        final Axis ax = axes[axis];
        final boolean column = q == Steps.COLUMN;
        final DoubleVector a = row(ax.aHalf, q);
        final DoubleVector bq = row(ax.bHalf, q);
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            DoubleVector vi = DoubleVector.fromArray(LANES, v, i).sub(sum(DoubleVector.zero(LANES), w, i, ax));
            vi.intoArray(v, i);
            if (stored != null) {
                DoubleVector.fromArray(LANES, sum, i).add(vi.mul(DoubleVector.fromArray(LANES, stored, storeAt + i))).intoArray(sum, i);
            }
            // dt B v, in the portable loops' order
            DoubleVector bv = DoubleVector.fromArray(LANES, ax.b, i).mul(dt).mul(vi);
            if (q == Steps.NONE) {
                bv.neg().intoArray(u, i);
            } else {
                DoubleVector aa = at(ax.aHalf, j, column, a);
                DoubleVector bb = at(ax.bHalf, j, column, bq);
                DoubleVector m = DoubleVector.fromArray(LANES, psi, i);
                bb.mul(m).sub(bb.add(1).mul(bv)).intoArray(u, i);
                aa.mul(m.sub(bv)).intoArray(psi, i);
            }
        }
        return j;
    }

    @Override
    int adjointPressureRun(Fields f, int axis, int base, int from, int to, int q, double[] total) {
        final double[] p = f.p;
        final double[] u = f.u[axis];
        final double[] phi = f.phi[axis];
        final Axis ax = axes[axis];
        final int s = ax.s;
        final boolean column = q == Steps.COLUMN;
        final DoubleVector a = row(ax.aInt, q);
        int j = from;
        for (; j <= to - N; j += N) {
            int i = base + j;
            if (q != Steps.NONE) {
                DoubleVector kp = DoubleVector.fromArray(LANES, k, i).mul(dt).mul(DoubleVector.fromArray(LANES, p, i));
                decay(phi, i, at(ax.aInt, j, column, a), kp);
            }
            sum(DoubleVector.fromArray(LANES, total, j), u, i - s, ax).intoArray(total, j);
        }
        return j;
    }

    /**
     * start + sum_k c_k (x[i + (k + 1) s] - x[i - k s]) in Steps' portable order: each term
     * multiplied, then added, from start, with no fused multiply-add, so that the two agree to the bit.
     */
    private static DoubleVector sum(DoubleVector start, double[] x, int i, Axis ax) {
        final int s = ax.s;
        DoubleVector d = start.add(pair(x, i + s, i).mul(ax.c0));
        if (G > 1) {
            d = d.add(pair(x, i + 2 * s, i - s).mul(ax.c1));
        }
        if (G > 2) {
            d = d.add(pair(x, i + 3 * s, i - 2 * s).mul(ax.c2));
        }
        if (G > 3) {
            d = d.add(pair(x, i + 4 * s, i - 3 * s).mul(ax.c3));
        }
        return d;
    }

    /** A profile's value on PML row q (q >= 0) over a whole vector; 0 when the run has no row. */
    private static DoubleVector row(double[] profile, int q) {
        return DoubleVector.broadcast(LANES, q >= 0 ? profile[q] : 0);
    }

    /** The profile over the vector at column j on a column run, else the row's value. */
    private static DoubleVector at(double[] profile, int j, boolean column, DoubleVector row) {
        return column ? DoubleVector.fromArray(LANES, profile, j) : row;
    }

    /** x[i] -= dt w[i] d over one vector. */
    private void step(double[] x, double[] w, int i, DoubleVector d) {
        DoubleVector.fromArray(LANES, x, i).sub(DoubleVector.fromArray(LANES, w, i).mul(dt).mul(d)).intoArray(x, i);
    }

    /** G p at the half points i + 1/2 along stride s: sum_k c_k (p[i + (k + 1) s] - p[i - k s]). */
    private static DoubleVector half(double[] p, int i, int s, double c0, double c1, double c2, double c3) {
        DoubleVector d = pair(p, i + s, i).mul(c0);
        if (G > 1) {
            d = pair(p, i + 2 * s, i - s).fma(DoubleVector.broadcast(LANES, c1), d);
        }
        if (G > 2) {
            d = pair(p, i + 3 * s, i - 2 * s).fma(DoubleVector.broadcast(LANES, c2), d);
        }
        if (G > 3) {
            d = pair(p, i + 4 * s, i - 3 * s).fma(DoubleVector.broadcast(LANES, c3), d);
        }
        return d;
    }

    /** D v at the cells i along stride s of half-point values: sum_k c_k (v[i + k s] - v[i - (k + 1) s]). */
    private static DoubleVector whole(double[] v, int i, int s, double c0, double c1, double c2, double c3) {
        return half(v, i - s, s, c0, c1, c2, c3);
    }

    private static DoubleVector pair(double[] x, int ahead, int behind) {
        return DoubleVector.fromArray(LANES, x, ahead).sub(DoubleVector.fromArray(LANES, x, behind));
    }
}
