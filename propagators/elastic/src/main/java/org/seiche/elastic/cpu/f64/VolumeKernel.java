package org.seiche.elastic.cpu.f64;

import java.nio.DoubleBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.IntConsumer;

import org.seiche.api.Device;
import org.seiche.elastic.spi.ElasticGrid;
import org.seiche.elastic.cpu.VolumeGrid;
import org.seiche.elastic.cpu.VolumeNumerics;
import org.seiche.elastic.cpu.VolumeShots;
import org.seiche.elastic.cpu.VolumeTerms;
import org.seiche.wave.FlushToZero;
import org.seiche.wave.storage.StoragePlanner;

/**
 * The 1-D / 3-D elastic kernel in this package's precision (docs/elastic.md, "1-D and 3-D"):
 * a {@link VolumeGrid} with dt folded into its coefficients. Every sweep runs over the
 * domain's lines (all cells with the same outer coordinates, along the last dimension),
 * split into contiguous bands of planes, one per thread; each cell's update depends only on
 * values the sweep does not write, and a step's two sweeps run fused plane by plane
 * ({@link #fused}), so the result is the same to the bit for any number of threads.
 */
public final class VolumeKernel implements VolumeNumerics {
    static final int VALUE_BYTES = Kernel.VALUE_BYTES;
    final int ndim;
    final int pairs;
    final int[] cells;
    final int[] stride;
    final int size;
    /** Cells of the domain (halo excluded): what a stored term keeps, {@code lines} x {@code cells[inner]}. */
    final int domainSize;
    final int halo;
    /** The last dimension, along which lines run, and the number of lines. */
    final int inner;
    final int lines;
    final double dt;
    final double[][] stencil;
    final double[] lambDt;
    final double[] muDt;
    final double[][] shearDt;
    final double[][] buoyancyDt;
    /** C-PML profiles per dimension at integer [0] and half [1] points. */
    final double[][][] pmlA;
    final double[][][] pmlB;
    /** Along the last dimension, profile [half] is nonzero below {@code stripLow} and from {@code stripHigh} on. */
    final int[] stripLow = new int[2];
    final int[] stripHigh = new int[2];
    /** Whether the line loops may use the Vector API ({@link VolumeVectors}). */
    final boolean vectors;
    private final Device device;
    /**
     * Band b, one per thread, holds the planes along the first dimension (3-D; 1-D: one
     * plane of one line) from {@code bandPlanes[b]} to {@code bandPlanes[b + 1]}.
     */
    private final int[] bandPlanes;
    /** The lines of each plane along the first dimension. */
    private final int[][] planeLines;
    /**
     * Stored-step arrays a finished run gave back, for the next run's history: taking fresh
     * ones (zeroed, first touched page by page) cost the forward as much as storing into them.
     */
    private final ArrayDeque<double[]> spareSlots = new ArrayDeque<>();
    /** Field arrays (one value per cell) a finished run gave back, for the next run's fields and sums. */
    private final ArrayDeque<double[]> spareFields = new ArrayDeque<>();

    public VolumeKernel(VolumeGrid g, Device device, boolean vectors) {
        this.device = device;
        this.vectors = vectors;
        ndim = g.ndim();
        pairs = VolumeGrid.pairs(ndim);
        cells = g.cells().clone();
        stride = new int[ndim];
        for (int d = 0; d < ndim; d++) {
            stride[d] = g.stride(d);
        }
        size = g.size();
        halo = g.halo();
        inner = ndim - 1;
        lines = size(cells) / cells[inner];
        domainSize = size(cells);
        dt = (double) g.dt();
        stencil = new double[ndim][];
        pmlA = new double[ndim][2][];
        pmlB = new double[ndim][2][];
        buoyancyDt = new double[ndim][];
        for (int d = 0; d < ndim; d++) {
            stencil[d] = Values.load(DoubleBuffer.wrap(g.stencils()[d]));
            ElasticGrid.Pml p = g.pml()[d];
            pmlA[d][0] = Values.load(DoubleBuffer.wrap(p.aInt()));
            pmlB[d][0] = Values.load(DoubleBuffer.wrap(p.bInt()));
            pmlA[d][1] = Values.load(DoubleBuffer.wrap(p.aHalf()));
            pmlB[d][1] = Values.load(DoubleBuffer.wrap(p.bHalf()));
            buoyancyDt[d] = Values.scaled(DoubleBuffer.wrap(g.buoyancy()[d]), dt);
        }
        for (int h = 0; h < 2; h++) {
            double[] a = pmlA[inner][h];
            double[] b = pmlB[inner][h];
            int low = 0;
            while (low < a.length && (a[low] != 0 || b[low] != 0)) {
                low++;
            }
            int high = a.length;
            while (high > low && (a[high - 1] != 0 || b[high - 1] != 0)) {
                high--;
            }
            stripLow[h] = low;
            stripHigh[h] = high;
        }
        lambDt = Values.scaled(DoubleBuffer.wrap(g.lamb()), dt);
        muDt = Values.scaled(DoubleBuffer.wrap(g.mu()), dt);
        int threads = Math.max(1, Math.min(device.threads(), ndim == 3 ? cells[0] : 1));
        int rows = ndim == 3 ? cells[1] : 1;
        int planes = lines / rows;
        bandPlanes = new int[threads + 1];
        for (int b = 0; b <= threads; b++) {
            bandPlanes[b] = planes * b / threads;
        }
        planeLines = new int[planes][rows];
        for (int plane = 0; plane < planes; plane++) {
            for (int row = 0; row < rows; row++) {
                planeLines[plane][row] = plane * rows + row;
            }
        }
        shearDt = new double[pairs][];
        for (int q = 0; q < pairs; q++) {
            shearDt[q] = Values.scaled(DoubleBuffer.wrap(g.shear()[q]), dt);
        }
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    @Override
    public VolumeAdjoint forward(VolumeShots shots, DoubleBuffer receivers) {
        VolumeRun run = new VolumeRun(this, shots);
        run.forward(receivers);
        return run;
    }

    @Override
    public long bytesPerShot(int steps, VolumeTerms terms, int storeInterval) {
        long fields = VolumeFields.bytes(this, terms.any());
        return fields + (terms.any() ? VolumeHistory.bytes(steps, storeInterval, terms.count(ndim), domainSize) : 0);
    }

    @Override
    public StoragePlanner.Sizes storageSizes(int steps, VolumeTerms terms, int storeInterval) {
        long stepValues = (long) terms.count(ndim) * domainSize;
        long state = VolumeFields.bytes(this, false);
        return new StoragePlanner.Sizes(VolumeFields.bytes(this, true), stepValues, VALUE_BYTES, steps, storeInterval, state,
                state + stepValues * VALUE_BYTES);
    }

    /** An array of the given length for a stored step, a spare one when there is one (its old values are all overwritten). */
    synchronized double[] slotArray(int length) {
        double[] spare = spareSlots.poll();
        return spare != null && spare.length == length ? spare : new double[length];
    }

    /** Keeps a stored step's array for a later run. */
    synchronized void spare(double[] slot) {
        spareSlots.push(slot);
    }

    /** A zeroed array of one value per cell: a spare one when there is one. */
    double[] fieldArray() {
        double[] spare;
        synchronized (this) {
            spare = spareFields.poll();
        }
        if (spare == null) {
            return new double[size];
        }
        Arrays.fill(spare, 0);
        return spare;
    }

    /** Keeps an array of one value per cell for a later run. */
    synchronized void spareField(double[] field) {
        spareFields.push(field);
    }

    /** The line of a flat cell index (of a cell inside the domain). */
    int line(int cell) {
        int line = 0;
        for (int d = 0; d < inner; d++) {
            line = line * cells[d] + cell / stride[d] % (cells[d] + 2 * halo) - halo;
        }
        return line;
    }

    /** Flat index of the first cell of a line; fills the line's coordinates (the last one 0). */
    int lineStart(int line, int[] coordinate) {
        int rest = line;
        for (int d = inner - 1; d >= 0; d--) {
            coordinate[d] = rest % cells[d];
            rest /= cells[d];
        }
        coordinate[inner] = 0;
        int p = 0;
        for (int d = 0; d < ndim; d++) {
            p += (coordinate[d] + halo) * stride[d];
        }
        return p;
    }

    /** Runs band(b) for every band, one band per thread, each in flush-to-zero mode. */
    private void eachBand(IntConsumer band) {
        int count = bandPlanes.length - 1;
        if (count == 1) {
            band.accept(0);
            return;
        }
        device.parallel(count, b -> FlushToZero.run(() -> band.accept(b)));
    }

    /**
     * Runs first, then second, over every line, second on a plane as soon as first has done
     * the planes within {@code halo} of it, so that what first wrote is still in the cache
     * when second reads it, and first reads a plane before second overwrites it. Valid when
     * each sweep's update of a plane reads at most {@code halo} planes away. A plane whose
     * stencil reaches into another band waits until every band has run first; the result is
     * the same on any number of threads. The lines handed to a sweep are consecutive.
     */
    void fused(Sweep first, Sweep second) {
        eachBand(b -> {
            int low = bandPlanes[b];
            int high = bandPlanes[b + 1];
            for (int plane = low; plane < high; plane++) {
                first.run(planeLines[plane]);
                int behind = plane - halo;
                if (behind >= low && withinBand(b, behind)) {
                    second.run(planeLines[behind]);
                }
            }
            for (int plane = Math.max(low, high - halo); plane < high; plane++) {
                if (withinBand(b, plane)) {
                    second.run(planeLines[plane]);
                }
            }
        });
        eachBand(b -> {
            for (int plane = bandPlanes[b]; plane < bandPlanes[b + 1]; plane++) {
                if (!withinBand(b, plane)) {
                    second.run(planeLines[plane]);
                }
            }
        });
    }

    /** Whether the planes within halo of this one are in band b or outside the domain. */
    private boolean withinBand(int b, int plane) {
        return (plane - halo >= bandPlanes[b] || b == 0) && (plane + halo < bandPlanes[b + 1] || b == bandPlanes.length - 2);
    }

    /** One sweep over the given lines. */
    @FunctionalInterface
    interface Sweep {
        void run(int[] lines);
    }
}
