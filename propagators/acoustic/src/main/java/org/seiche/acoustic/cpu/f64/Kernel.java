package org.seiche.acoustic.cpu.f64;

import java.nio.DoubleBuffer;

import org.seiche.acoustic.spi.AcousticGrid;
import org.seiche.acoustic.spi.AcousticShots;
import org.seiche.acoustic.cpu.Layout;
import org.seiche.acoustic.cpu.Numerics;
import org.seiche.acoustic.cpu.ShotBatch;
import org.seiche.api.Storage;
import org.seiche.wave.ShotMemory;
import org.seiche.wave.storage.DoubleSteps;
import org.seiche.wave.storage.StoragePlanner;

/**
 * The CPU kernel's numerics for one grid in this package's precision: the grid's
 * coefficients and profiles converted once, per axis (z, y, x; null for an axis the grid lacks).
 */
public final class Kernel implements Numerics {
    static final int VALUE_BYTES = Double.BYTES;
    final Layout layout;
    final double dt;
    final double[] k;
    final double[][] buoyancy = new double[3][];
    final double[][] stencil = new double[3][];
    final double[][] aInt = new double[3][];
    final double[][] bInt = new double[3][];
    final double[][] aHalf = new double[3][];
    final double[][] bHalf = new double[3][];
    /**
     * The runs of a line along each axis, {from, to, profile index} each, for the integer and
     * the half points: along x the same for every line (left PML strip, interior, right
     * strip); along z and y by the line's coordinate q there, one run (none for the half
     * points of the last cell).
     */
    final int[][][][] runsInt = new int[3][][][];
    final int[][][][] runsHalf = new int[3][][][];
    /** The SIMD loops of lines with no PML, or null (see {@link Interior#of}). */
    final Interior interior;

    private final ShotMemory memory;

    public Kernel(Layout layout, ShotMemory memory) {
        this.layout = layout;
        this.memory = memory;
        AcousticGrid g = layout.grid;
        this.dt = (double) g.dt();
        this.k = convert(DoubleBuffer.wrap(g.k()));
        for (int axis = 0; axis < 3; axis++) {
            if (layout.present[axis]) {
                int d = layout.dimension(axis);
                buoyancy[axis] = convert(DoubleBuffer.wrap(g.buoyancy()[d]));
                stencil[axis] = convert(DoubleBuffer.wrap(g.stencils()[d]));
                aInt[axis] = convert(DoubleBuffer.wrap(g.pml()[d].aInt()));
                bInt[axis] = convert(DoubleBuffer.wrap(g.pml()[d].bInt()));
                aHalf[axis] = convert(DoubleBuffer.wrap(g.pml()[d].aHalf()));
                bHalf[axis] = convert(DoubleBuffer.wrap(g.pml()[d].bHalf()));
                runsInt[axis] = runs(layout, axis, false);
                runsHalf[axis] = runs(layout, axis, true);
            }
        }
        interior = Interior.of(this);
    }

    /** See {@link #runsInt}: [q][run] for z and y, [0][run] for x. */
    private int[][][] runs(Layout layout, int axis, boolean halfPoints) {
        int nx = layout.nx;
        if (axis == 2) {
            int n = halfPoints ? nx - 1 : nx;
            int[] in = halfPoints ? layout.interiorHalf : layout.interiorInt;
            int lo = Math.min(in[0], n);
            int hi = Math.max(lo, Math.min(in[1], n));
            return new int[][][] {{{0, lo, Steps.COLUMN}, {lo, hi, Steps.NONE}, {hi, n, Steps.COLUMN}}};
        }
        int extent = axis == 0 ? layout.nz : layout.ny;
        int[][][] out = new int[extent][][];
        for (int q = 0; q < extent; q++) {
            boolean pml = halfPoints ? aHalf[axis][q] != 0 || bHalf[axis][q] != 0 : aInt[axis][q] != 0 || bInt[axis][q] != 0;
            out[q] = halfPoints && q == extent - 1 ? new int[0][] : new int[][] {{0, nx, pml ? q : Steps.NONE}};
        }
        return out;
    }

    /** The grid's double values in this precision (a buffer: the float copy of this class must still take doubles). */
    static double[] convert(DoubleBuffer from) {
        double[] out = new double[from.capacity()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) from.get(i);
        }
        return out;
    }

    /** Zeroed wavefields for a forward or an adjoint shot, from the pool when it has some. */
    Fields fields(boolean adjoint) {
        Fields f = memory.take(Fields.key(layout, adjoint), Fields.class);
        if (f == null) {
            return new Fields(layout, adjoint);
        }
        f.clear();
        return f;
    }

    void release(Fields f) {
        memory.give(f.key(), f);
    }

    /**
     * A history for the batch's terms as its storage plan says; in memory uncompressed from
     * the pool when it has one (its slots are written before they are read).
     */
    History history(AcousticShots shots) {
        int steps = shots.steps();
        int interval = shots.storeInterval();
        Storage.Plan plan = shots.storage();
        History h = History.inMemory(plan)
                ? memory.take(History.key(layout, steps, interval, shots.gradientK(), shots.gradientBuoyancy()), History.class)
                : null;
        return h != null ? h : new History(layout, steps, interval, shots.gradientK(), shots.gradientBuoyancy(), plan,
                shots.directory());
    }

    /** Pools a history in memory, or gives back its stores and removes their files. */
    void release(History h) {
        if (h.pooled()) {
            memory.give(h.key(), h);
        } else {
            h.close();
        }
    }

    @Override
    public ShotBatch batch(AcousticShots shots) {
        return new Batch(this, shots);
    }

    @Override
    public long bytesPerShot(int steps, boolean storing, int storeInterval) {
        int size = layout.grid.size();
        int ndim = layout.ndim;
        if (!storing) {
            return (long) VALUE_BYTES * (1 + 3L * ndim) * size;
        }
        // the stored terms in arrays of many steps, and a buffer per term
        return fieldBytes() + (1 + ndim) * (DoubleSteps.memoryBytes(size, (steps + storeInterval - 1) / storeInterval)
                + (long) VALUE_BYTES * size);
    }

    /** A gradient shot's fields: the forward's, the adjoint's and its two helper arrays per axis. */
    private long fieldBytes() {
        int ndim = layout.ndim;
        return (long) VALUE_BYTES * ((1 + 3L * ndim) + (1 + 5L * ndim)) * layout.grid.size();
    }

    @Override
    public StoragePlanner.Sizes storageSizes(int steps, int storeInterval) {
        long size = layout.grid.size();
        int ndim = layout.ndim;
        long stepValues = (1 + ndim) * size;
        // a snapshot: p and each axis's v, phi and psi; replaying adds such a state and the taped step's terms
        long snapshot = VALUE_BYTES * (1 + 3L * ndim) * size;
        return new StoragePlanner.Sizes(fieldBytes(), stepValues, VALUE_BYTES, steps, storeInterval, snapshot,
                snapshot + VALUE_BYTES * stepValues);
    }
}
