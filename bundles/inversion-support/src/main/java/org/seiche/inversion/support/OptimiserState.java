package org.seiche.inversion.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seiche.api.SeicheException;

/**
 * An optimiser's state as plain JDK values (double[], Integer, ArrayList), so a checkpoint
 * stores it exactly, tagged with the optimiser's name; reading it back checks each entry
 * and says which one a checkpoint of another optimiser or size lacks.
 */
public final class OptimiserState {
    private static final String OPTIMISER = "optimiser";

    private final String optimiser;
    private final Map<String, Object> values;

    private OptimiserState(String optimiser, Map<String, Object> values) {
        this.optimiser = optimiser;
        this.values = values;
    }

    /** A new state of the named optimiser, to fill with put. */
    public static OptimiserState of(String optimiser) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(OPTIMISER, optimiser);
        return new OptimiserState(optimiser, m);
    }

    /** A saved state, refused if another optimiser wrote it. */
    public static OptimiserState read(String optimiser, Map<String, Object> saved) {
        Object by = saved.get(OPTIMISER);
        if (!optimiser.equals(by)) {
            throw new SeicheException("checkpoint: the optimiser state was saved by '" + by + "', this run uses '"
                    + optimiser + "'; start afresh without --resume or keep the optimiser");
        }
        return new OptimiserState(optimiser, saved);
    }

    public Map<String, Object> values() {
        return values;
    }

    public OptimiserState put(String key, int value) {
        values.put(key, value);
        return this;
    }

    /** A copy of the vector, or nothing for null. */
    public OptimiserState put(String key, double[] value) {
        values.put(key, value == null ? null : value.clone());
        return this;
    }

    public OptimiserState put(String key, List<double[]> vectors) {
        List<double[]> copy = new ArrayList<>();
        for (double[] v : vectors) {
            copy.add(v.clone());
        }
        values.put(key, copy);
        return this;
    }

    public int integer(String key) {
        if (!(values.get(key) instanceof Integer i)) {
            throw broken(key, "a whole number");
        }
        return i;
    }

    /** A copy of a vector of the given size; null where none was saved. */
    public double[] vector(String key, int size) {
        Object v = values.get(key);
        if (v == null && values.containsKey(key)) {
            return null;
        }
        if (!(v instanceof double[] d) || d.length != size) {
            throw broken(key, "a vector of " + size + " values");
        }
        return d.clone();
    }

    public List<double[]> vectors(String key, int size) {
        if (!(values.get(key) instanceof List<?> list)) {
            throw broken(key, "a list of vectors");
        }
        List<double[]> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof double[] d) || d.length != size) {
                throw broken(key, "a list of vectors of " + size + " values");
            }
            out.add(d.clone());
        }
        return out;
    }

    private SeicheException broken(String key, String expected) {
        return new SeicheException("checkpoint: the state of optimiser '" + optimiser + "' lacks '" + key + "' as "
                + expected + "; the checkpoint belongs to another run, start afresh without --resume");
    }
}
