package org.seiche.pipeline.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.inversion.support.GaussianSmoothing;
import org.seiche.io.Npy;

/**
 * Arrays named in a pipeline file: {file: x.npy} (relative to the file), {constant: c,
 * shape: [..]}, {synthetic: {..}} (a layered model, see {@link SyntheticModel}), or the
 * values written out as nested lists, or a field-data file ({@link FieldData}: {segy: ..} or
 * {hdf5: .., dataset: ..}). The object forms take smooth: lengths (Gaussian
 * standard deviations in metres, one for all dimensions or one each), as a smoothed start
 * model is made from a true one.
 */
final class ArrayInputs {
    private final Path base;
    /** Where each file name as the pipeline gives it is, for a pipeline another process sent; null: under base. */
    private final java.util.Map<String, Path> shipped;
    /** The input files read so far, by the name the pipeline gives, in the order read. */
    private final java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
    /** model.spacing as given (one value or one per dimension), once the model is read. */
    private double[] spacing;

    ArrayInputs(Path base) {
        this(base, null);
    }

    /** Inputs of a pipeline that came from another process: its files are where shipped says. */
    ArrayInputs(Path base, java.util.Map<String, Path> shipped) {
        this.base = base;
        this.shipped = shipped;
    }

    Path base() {
        return base;
    }

    /** The input files read so far, by the name the pipeline gives them. */
    java.util.Map<String, Path> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    void spacing(double[] given) {
        spacing = given.clone();
    }

    /** One value per dimension of an array: the spacing as given, or its one value repeated. */
    static double[] perDimension(Field f, double[] given, int ndim) {
        if (given == null) {
            throw f.fail("needs model.spacing, which is not read yet here");
        }
        if (given.length == ndim) {
            return given.clone();
        }
        if (given.length != 1) {
            throw f.fail("model.spacing has " + given.length + " values for a " + ndim + "-D array");
        }
        double[] out = new double[ndim];
        Arrays.fill(out, given[0]);
        return out;
    }

    Path resolve(String file) {
        Path p = shipped == null ? base.resolve(file).normalize() : shipped.get(file);
        if (p == null) {
            throw new SeicheException(file + ": not among the input files the coordinator sent with the pipeline");
        }
        files.put(file, p);
        return p;
    }

    /** The keys that give an array's values (segy and hdf5: field data). */
    private static final java.util.Set<String> SOURCES = java.util.Set.of("file", "constant", "synthetic", "segy", "hdf5");

    NdArray array(Field f) {
        JsonNode n = f.node();
        if (n != null && n.isObject()) {
            // one source of values: two (e.g. a constant over an extended pipeline's file, as
            // extends merges the blocks) would silently read one of them
            List<String> given = f.keys().stream().filter(SOURCES::contains).toList();
            if (given.size() > 1) {
                throw f.fail("gives its values twice (" + String.join(", ", given) + "): keep one"
                        + " (an extending pipeline's array block merges with its base's: give the same key to replace it)");
            }
            NdArray a;
            if (f.has("file")) {
                a = Npy.read(resolve(f.get("file").text()));
            } else if (f.has("constant")) {
                a = NdArray.filled(f.get("constant").number(), f.required("shape").integers());
            } else if (f.has("synthetic")) {
                a = SyntheticModel.build(f.get("synthetic"), spacing);
            } else if (FieldData.given(f)) {
                a = FieldData.array(f, this);
            } else {
                throw f.fail("give {file: NAME.npy}, {constant: VALUE, shape: [..]}, {synthetic: {..}}, {segy: NAME.sgy},"
                        + " {hdf5: NAME.h5, dataset: /path} or the values as a list");
            }
            finite(f, a);
            return f.has("smooth") ? smooth(f.get("smooth"), a) : a;
        }
        if (n != null && n.isArray()) {
            List<Integer> shape = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            flatten(f, 0, shape, values);
            double[] d = values.stream().mapToDouble(Double::doubleValue).toArray();
            return finite(f, new NdArray(shape.stream().mapToInt(Integer::intValue).toArray(), d));
        }
        throw f.fail("give {file: NAME.npy}, {constant: VALUE, shape: [..]} or the values as a list");
    }

    /**
     * Refuses a NaN or an infinity before any computation, naming the file and the first
     * such value's index: no input of a run (model, observed data, amplitudes, masks, a
     * mapping's arrays) has a meaning for one.
     */
    private NdArray finite(Field f, NdArray a) {
        String problem = Finite.problem(a);
        if (problem != null) {
            throw f.fail((f.has("file") ? resolve(f.get("file").text()) + " holds " : "holds ") + problem
                    + "; values must be finite");
        }
        return a;
    }

    private NdArray smooth(Field f, NdArray a) {
        double[] lengths = f.numbers();
        if (lengths.length == 1) {
            double l = lengths[0];
            lengths = new double[a.ndim()];
            Arrays.fill(lengths, l);
        }
        if (lengths.length != a.ndim()) {
            throw f.fail("give one length for all dimensions or " + a.ndim() + " (one each), got " + lengths.length);
        }
        for (double l : lengths) {
            if (!(l >= 0) || Double.isInfinite(l)) {
                throw f.fail("lengths must be finite and >= 0 metres, got " + Arrays.toString(lengths));
            }
        }
        return new GaussianSmoothing(a.shape(), perDimension(f, spacing, a.ndim()), lengths).apply(a);
    }

    /** Axes of a location (the last axis) the first source group's locations have when an array gives them, else -1. */
    int locationAxes(Field survey) {
        Field src = survey.get("sources");
        if (!src.present() || src.node().isArray() && src.node().isEmpty()) {
            return -1;
        }
        Field loc = (src.node().isArray() ? src.elements().get(0) : src).get("locations");
        JsonNode n = loc.node();
        // the file as the locations read it (with units: or not); its errors are the locations' to report
        NdArray a = n == null ? null : n.isArray() ? array(loc)
                : n.isObject() && n.has("file") ? Npy.read(resolve(loc.get("file").text())) : null;
        return a == null || a.ndim() == 0 ? -1 : a.dim(a.ndim() - 1);
    }

    /**
     * Location coordinates [shots, per_shot, ndim] in cells (doubles: whole values are grid
     * cells, others lie between them): a file, regular: {..}, or the values as a list. A file
     * or regular form may add units: cells (default) or metres (from the first cell's centre,
     * divided by the spacing). A point whose every coordinate is -1 is unused, in either unit.
     */
    NdArray coordinates(Field f, int ndim) {
        JsonNode n = f.node();
        NdArray a;
        boolean object = n != null && n.isObject();
        if (object && f.has("units") && !f.has("file") && !f.has("regular")) {
            throw f.get("units").fail("goes with locations given as {file: ..} or {regular: ..}");
        }
        if (object && f.has("file")) {
            a = finite(f, Npy.read(resolve(f.get("file").text())));
        } else if (object && f.has("regular")) {
            Locations l = regular(f.get("regular"), ndim);
            a = new NdArray(new int[] {l.shots(), l.perShot(), ndim}, Arrays.stream(l.cells()).asDoubleStream().toArray());
        } else {
            a = array(f);
        }
        if (a.ndim() != 3 || a.dim(2) != ndim) {
            throw f.fail((object && f.has("file") ? resolve(f.get("file").text()) + ": " : "") + "shape " + a.shapeString()
                    + " is not [shots, per_shot, " + ndim + "]");
        }
        String units = object && f.has("units") ? f.get("units").text() : "cells";
        if (units.equals("metres")) {
            double[] h = perDimension(f.get("units"), spacing, ndim);
            double[] d = a.data();
            for (int p = 0; p < d.length; p += ndim) {
                boolean unused = true;
                for (int k = 0; k < ndim; k++) {
                    unused &= d[p + k] == -1;
                }
                for (int k = 0; k < ndim && !unused; k++) {
                    d[p + k] /= h[k];
                }
            }
        } else if (!units.equals("cells")) {
            throw f.get("units").fail("'" + units + "' is not cells or metres");
        }
        return a;
    }

    /**
     * regular: {shots, per_shot = 1, first, shot_step, step}: location i of shot s is the
     * cell first + s * shot_step + i * step (steps default to 0), as surveys are laid out.
     * shots and per_shot may also be lists of counts [n1, n2, ...] with shot_step and step
     * lists of as many cell steps: a grid (a 3-D survey's carpet of receivers), index
     * (i1, i2, ...) at first + i1 step[0] + i2 step[1] + ..., the last index fastest.
     */
    private static Locations regular(Field f, int ndim) {
        f.requireObject();
        int[] shotCounts = f.required("shots").integers();
        int[] pointCounts = f.has("per_shot") ? f.get("per_shot").integers() : new int[] {1};
        for (int n : concat(shotCounts, pointCounts)) {
            if (n < 1) {
                throw f.fail("shots and per_shot must be at least 1, got " + Arrays.toString(shotCounts) + " and "
                        + Arrays.toString(pointCounts));
            }
        }
        int[] first = cells(f.required("first"), ndim);
        int[][] shotSteps = steps(f.get("shot_step"), "shots", shotCounts.length, ndim);
        int[][] steps = steps(f.get("step"), "per_shot", pointCounts.length, ndim);
        int shots = Arrays.stream(shotCounts).reduce(1, Math::multiplyExact);
        int perShot = Arrays.stream(pointCounts).reduce(1, Math::multiplyExact);
        int[] out = new int[shots * perShot * ndim];
        for (int s = 0; s < shots; s++) {
            int[] shotCell = offset(first, s, shotCounts, shotSteps);
            for (int i = 0; i < perShot; i++) {
                System.arraycopy(offset(shotCell, i, pointCounts, steps), 0, out, (s * perShot + i) * ndim, ndim);
            }
        }
        return new Locations(shots, perShot, ndim, out);
    }

    /** One cell step per grid axis (a list of lists when there are several), all 0 when not given. */
    private static int[][] steps(Field f, String counts, int axes, int ndim) {
        int[][] out = new int[axes][ndim];
        if (!f.present()) {
            return out;
        }
        if (axes == 1) {
            out[0] = cells(f, ndim);
            return out;
        }
        List<Field> each = f.elements();
        if (each.size() != axes) {
            throw f.fail("give " + axes + " steps (one per count of " + counts + "), got " + each.size());
        }
        for (int k = 0; k < axes; k++) {
            out[k] = cells(each.get(k), ndim);
        }
        return out;
    }

    /** base + the steps times the grid index of flat index i (last axis fastest). */
    private static int[] offset(int[] base, int i, int[] counts, int[][] steps) {
        int[] cell = base.clone();
        for (int k = counts.length - 1; k >= 0; k--) {
            int index = i % counts[k];
            i /= counts[k];
            for (int a = 0; a < cell.length; a++) {
                cell[a] += index * steps[k][a];
            }
        }
        return cell;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] cells(Field f, int ndim) {
        int[] c = f.integers();
        if (c.length != ndim) {
            throw f.fail("give " + ndim + " cell indices (one per model dimension), got " + c.length);
        }
        return c;
    }

    /**
     * A service's configuration: the block's keys with YAML values as Java values (numbers
     * as Double, lists as List), and every {file: x.npy} loaded as an NdArray.
     */
    java.util.Map<String, Object> config(Field block, Set<String> skip) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String k : block.keys()) {
            if (!skip.contains(k)) {
                out.put(k, value(block.get(k)));
            }
        }
        return out;
    }

    private Object value(Field f) {
        JsonNode n = f.node();
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isObject()) {
            if (f.has("file") || f.has("constant") || f.has("synthetic") || FieldData.given(f)) {
                return array(f);
            }
            return config(f, Set.of());
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            for (Field e : f.elements()) {
                list.add(value(e));
            }
            return list;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return n.asText();
    }

    private static void flatten(Field f, int depth, List<Integer> shape, List<Double> values) {
        JsonNode n = f.node();
        if (n.isArray()) {
            if (shape.size() == depth) {
                shape.add(n.size());
            } else if (shape.get(depth) != n.size()) {
                throw f.fail("ragged list: " + n.size() + " entries where " + shape.get(depth) + " were expected");
            }
            for (Field e : f.elements()) {
                flatten(e, depth + 1, shape, values);
            }
        } else {
            if (depth != shape.size()) {
                throw f.fail("ragged list: a number where a list was expected");
            }
            values.add(f.number());
        }
    }
}
