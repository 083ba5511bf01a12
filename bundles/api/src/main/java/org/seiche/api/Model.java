package org.seiche.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An earth model on a regular grid: the spacing per dimension (dimension 0 = depth, in
 * metres) and named parameter arrays, each of the grid's shape.
 */
public record Model(double[] spacing, Map<String, NdArray> parameters) {
    public Model {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        int[] shape = null;
        for (Map.Entry<String, NdArray> e : parameters.entrySet()) {
            if (shape == null) {
                shape = e.getValue().shape();
            } else if (!Arrays.equals(shape, e.getValue().shape())) {
                throw new SeicheException("model.parameters." + e.getKey() + ": shape " + e.getValue().shapeString()
                        + " differs from " + Arrays.toString(shape) + " of the other parameters");
            }
        }
        if (shape != null && spacing.length != shape.length) {
            throw new SeicheException("model.spacing: " + spacing.length + " values for a " + shape.length + "-D model");
        }
    }

    public int[] shape() {
        return parameters.values().iterator().next().shape();
    }

    public NdArray parameter(String name) {
        NdArray a = parameters.get(name);
        if (a == null) {
            throw new SeicheException("model.parameters: '" + name + "' is missing (have " + parameters.keySet() + ")");
        }
        return a;
    }

    /** A copy of this model with some parameters replaced. */
    public Model with(Map<String, NdArray> replaced) {
        Map<String, NdArray> m = new LinkedHashMap<>(parameters);
        m.putAll(replaced);
        return new Model(spacing, m);
    }
}
