package org.seiche.pipeline.file;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

/**
 * One group's points off the grid, each spread over its Hicks cells: per shot the distinct
 * cells of all its points (a point's cells as one list, [shots, cells, ndim], padded with
 * unused -1 locations), and per point the positions of its cells in that list with their
 * weights. Sources inject their amplitude times the weights ({@link #spread}); receivers
 * record the weighted sum of their cells ({@link #combine}), whose adjoint is spread again.
 */
public final class OffGrid {
    /** The cells handed to the propagator. */
    final Locations cells;
    /** The points as given, [shots, perShot, ndim] in cells. */
    private final NdArray points;
    private final int perShot;
    /** Point p = shot * perShot + i owns entries start[p] .. start[p + 1] of index and weight. */
    private final int[] start;
    private final int[] index;
    private final double[] weight;

    private OffGrid(Locations cells, NdArray points, int[] start, int[] index, double[] weight) {
        this.cells = cells;
        this.points = points;
        this.perShot = points.dim(1);
        this.start = start;
        this.index = index;
        this.weight = weight;
    }

    /**
     * Expands coordinates [shots, perShot, ndim] (cells, doubles; a point all -1 is unused)
     * on a model of the given shape. freeSurface[2 a] and [2 a + 1] say whether the start and
     * end of axis a are free surfaces. what names the group in messages.
     */
    static OffGrid expand(String what, NdArray coordinates, int[] shape, boolean[] freeSurface, int halfwidth, double beta) {
        int shots = coordinates.dim(0);
        int perShot = coordinates.dim(1);
        int ndim = shape.length;
        double[] c = coordinates.data();
        int[] start = new int[shots * perShot + 1];
        IntList index = new IntList();
        DoubleList weight = new DoubleList();
        int[][] shotCells = new int[shots][];
        int widest = 0;
        for (int s = 0; s < shots; s++) {
            Map<Long, Integer> position = new LinkedHashMap<>();
            for (int i = 0; i < perShot; i++) {
                int p = s * perShot + i;
                Hicks.Axis[] axes = new Hicks.Axis[ndim];
                boolean unused = true;
                for (int a = 0; a < ndim; a++) {
                    unused &= c[p * ndim + a] == -1;
                }
                if (!unused) {
                    for (int a = 0; a < ndim; a++) {
                        axes[a] = axis(what, s, i, c[p * ndim + a], a, shape, freeSurface, halfwidth, beta);
                    }
                    addProducts(axes, shape, position, index, weight);
                }
                start[p + 1] = index.size;
            }
            int[] flat = new int[position.size() * ndim];
            int k = 0;
            for (long key : position.keySet()) {
                long rest = key;
                for (int a = ndim - 1; a >= 0; a--) {
                    flat[k * ndim + a] = (int) (rest % shape[a]);
                    rest /= shape[a];
                }
                k++;
            }
            shotCells[s] = flat;
            widest = Math.max(widest, position.size());
        }
        int[] all = new int[shots * widest * ndim];
        Arrays.fill(all, -1);
        for (int s = 0; s < shots; s++) {
            System.arraycopy(shotCells[s], 0, all, s * widest * ndim, shotCells[s].length);
        }
        return new OffGrid(new Locations(shots, widest, ndim, all), coordinates, start, index.toArray(), weight.toArray());
    }

    private static Hicks.Axis axis(String what, int shot, int point, double coordinate, int a, int[] shape,
                                   boolean[] freeSurface, int halfwidth, double beta) {
        if (!(coordinate >= 0 && coordinate <= shape[a] - 1)) {
            throw new SeicheException(what + ": shot " + shot + " point " + point + " at " + coordinate + " on axis " + a
                    + " is outside the model [0, " + (shape[a] - 1) + "]");
        }
        Hicks.Axis axis = Hicks.axis(coordinate, halfwidth, beta, shape[a], freeSurface[2 * a], freeSurface[2 * a + 1]);
        int[] cells = axis.cells();
        if (cells[0] < 0 || cells[cells.length - 1] >= shape[a]) {
            throw new SeicheException(what + ": shot " + shot + " point " + point + " at " + coordinate + " on axis " + a
                    + " needs cells " + cells[0] + ".." + cells[cells.length - 1] + " (interpolation halfwidth " + halfwidth
                    + "), outside the model's " + shape[a] + " cells: move it inward or lower the halfwidth");
        }
        return axis;
    }

    /** Adds the products of the per-axis weights over every combination of the axes' cells. */
    private static void addProducts(Hicks.Axis[] axes, int[] shape, Map<Long, Integer> position, IntList index,
                                    DoubleList weight) {
        int ndim = axes.length;
        int[] at = new int[ndim];
        while (true) {
            long key = 0;
            double w = 1;
            for (int a = 0; a < ndim; a++) {
                key = key * shape[a] + axes[a].cells()[at[a]];
                w *= axes[a].weights()[at[a]];
            }
            Integer pos = position.get(key);
            if (pos == null) {
                pos = position.size();
                position.put(key, pos);
            }
            index.add(pos);
            weight.add(w);
            int a = ndim - 1;
            while (a >= 0 && ++at[a] == axes[a].cells().length) {
                at[a] = 0;
                a--;
            }
            if (a < 0) {
                return;
            }
        }
    }

    /**
     * Point values [shots, perShot, nt] spread onto the cells [shots, cells, nt]: each cell
     * gets the sum of its points' values times their weights. shots[b] is the survey shot of
     * row b (the expansion is by survey shot).
     */
    NdArray spread(NdArray points, int[] shots) {
        int nt = points.dim(2);
        int width = cells.perShot();
        double[] in = points.data();
        double[] out = new double[shots.length * width * nt];
        for (int b = 0; b < shots.length; b++) {
            for (int i = 0; i < perShot; i++) {
                int p = shots[b] * perShot + i;
                int from = (b * perShot + i) * nt;
                for (int e = start[p]; e < start[p + 1]; e++) {
                    int to = (b * width + index[e]) * nt;
                    double w = weight[e];
                    for (int t = 0; t < nt; t++) {
                        out[to + t] += w * in[from + t];
                    }
                }
            }
        }
        return new NdArray(new int[] {shots.length, width, nt}, out);
    }

    /** The adjoint of {@link #spread}: each point's value is the weighted sum of its cells' values. */
    NdArray combine(NdArray cellValues, int[] shots) {
        int nt = cellValues.dim(2);
        int width = cells.perShot();
        double[] in = cellValues.data();
        double[] out = new double[shots.length * perShot * nt];
        for (int b = 0; b < shots.length; b++) {
            for (int i = 0; i < perShot; i++) {
                int p = shots[b] * perShot + i;
                int to = (b * perShot + i) * nt;
                for (int e = start[p]; e < start[p + 1]; e++) {
                    int from = (b * width + index[e]) * nt;
                    double w = weight[e];
                    for (int t = 0; t < nt; t++) {
                        out[to + t] += w * in[from + t];
                    }
                }
            }
        }
        return new NdArray(new int[] {shots.length, perShot, nt}, out);
    }

    /** Point i of a shot's coordinate along axis a, in cells. */
    public double coordinate(int shot, int point, int a) {
        int ndim = cells.ndim();
        return points.data()[(shot * perShot + point) * ndim + a];
    }

    /** The weights of one point, in the order of its cells (the product over the axes, last axis fastest). */
    public double[] weights(int shot, int point) {
        int p = shot * perShot + point;
        return Arrays.copyOfRange(weight, start[p], start[p + 1]);
    }

    private static final class IntList {
        int[] data = new int[64];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    private static final class DoubleList {
        double[] data = new double[64];
        int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
