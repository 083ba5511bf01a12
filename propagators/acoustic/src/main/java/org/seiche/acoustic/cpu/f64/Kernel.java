package org.seiche.acoustic.cpu.f64;

import java.nio.DoubleBuffer;

import org.seiche.acoustic.spi.AcousticGrid;
import org.seiche.acoustic.spi.AcousticShots;
import org.seiche.acoustic.cpu.Layout;
import org.seiche.acoustic.cpu.Numerics;
import org.seiche.acoustic.cpu.ShotBatch;

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

    public Kernel(Layout layout) {
        this.layout = layout;
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
            }
        }
    }

    /** The grid's double values in this precision (a buffer: the float copy of this class must still take doubles). */
    static double[] convert(DoubleBuffer from) {
        double[] out = new double[from.capacity()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) from.get(i);
        }
        return out;
    }

    @Override
    public ShotBatch batch(AcousticShots shots) {
        return new Batch(this, shots);
    }

    @Override
    public long bytesPerShot(int steps, boolean storing, int storeInterval) {
        int size = layout.grid.size();
        int ndim = layout.ndim;
        long fields = (1 + 3L * ndim) * size;
        if (storing) {
            // the adjoint's fields and its two helper arrays per axis, the stored terms
            fields += (1 + 5L * ndim) * size + (long) ((steps + storeInterval - 1) / storeInterval) * (1 + ndim) * size;
        }
        return (long) VALUE_BYTES * fields;
    }
}
