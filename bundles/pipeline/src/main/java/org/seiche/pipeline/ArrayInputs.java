package org.seiche.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.io.Npy;

/**
 * Arrays named in a pipeline file: {file: x.npy} (relative to the file), {constant: c,
 * shape: [..]}, or the values written out as nested lists.
 */
final class ArrayInputs {
    private final Path base;

    ArrayInputs(Path base) {
        this.base = base;
    }

    Path resolve(String file) {
        return base.resolve(file).normalize();
    }

    NdArray array(Field f) {
        JsonNode n = f.node();
        if (n != null && n.isObject()) {
            if (f.has("file")) {
                return Npy.read(resolve(f.get("file").text()));
            }
            if (f.has("constant")) {
                double c = f.get("constant").number();
                int[] shape = f.required("shape").integers();
                return NdArray.filled(c, shape);
            }
            throw f.fail("give {file: NAME.npy}, {constant: VALUE, shape: [..]} or the values as a list");
        }
        if (n != null && n.isArray()) {
            List<Integer> shape = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            flatten(f, 0, shape, values);
            double[] d = values.stream().mapToDouble(Double::doubleValue).toArray();
            return new NdArray(shape.stream().mapToInt(Integer::intValue).toArray(), d);
        }
        throw f.fail("give {file: NAME.npy}, {constant: VALUE, shape: [..]} or the values as a list");
    }

    Locations locations(Field f, int ndim) {
        JsonNode n = f.node();
        if (n != null && n.isObject() && f.has("file")) {
            return Npy.readLocations(resolve(f.get("file").text()), ndim);
        }
        NdArray a = array(f);
        if (a.ndim() != 3 || a.dim(2) != ndim) {
            throw f.fail("shape " + a.shapeString() + " is not [shots, per_shot, " + ndim + "]");
        }
        int[] cells = new int[a.size()];
        for (int i = 0; i < cells.length; i++) {
            double v = a.data()[i];
            if (v != Math.rint(v)) {
                throw f.fail("location " + v + " is not a whole cell index");
            }
            cells[i] = (int) v;
        }
        return new Locations(a.dim(0), a.dim(1), ndim, cells);
    }

    /**
     * A service's configuration: the block's keys with YAML values as Java values (numbers
     * as Double, lists as List), and every {file: x.npy} loaded as an NdArray.
     */
    java.util.Map<String, Object> config(Field block, java.util.Set<String> skip) {
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
            if (f.has("file") || f.has("constant")) {
                return array(f);
            }
            return config(f, java.util.Set.of());
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
