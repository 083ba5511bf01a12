package org.seiche.inversion.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

/**
 * The configuration of one mapping or optimiser as the pipeline gives it (numbers, lists,
 * arrays already loaded), read with errors that name the field as the pipeline file does,
 * e.g. {@code inversion.mappings[relative].prior: ...}. Unknown keys are refused so that a
 * misspelt option does not silently fall back to its default.
 */
public final class Settings {
    /** Keys the pipeline itself puts in a mapping's configuration. */
    private static final Set<String> PIPELINE_KEYS = Set.of("name", "parameter");

    private final String path;
    private final Map<String, Object> values;

    private Settings(String path, Map<String, Object> values, Set<String> keys) {
        this.path = path;
        this.values = values;
        Set<String> known = new TreeSet<>(keys);
        for (String k : values.keySet()) {
            if (!known.contains(k) && !PIPELINE_KEYS.contains(k)) {
                throw new SeicheException(path + "." + k + ": unknown option"
                        + (known.isEmpty() ? " (this one takes none)" : " (known: " + String.join(", ", known) + ")"));
            }
        }
    }

    /** A mapping's configuration holding only the keys it declares (Mapping.options()) and the pipeline's own. */
    public static Settings ofMapping(String name, Map<String, Object> config, Set<String> keys) {
        return new Settings("inversion.mappings[" + name + "]", config, keys);
    }

    /** An optimiser's configuration holding only the keys it declares (Optimiser.options()). */
    public static Settings ofOptimiser(Map<String, Object> config, Set<String> keys) {
        return new Settings("inversion.optimiser", config, keys);
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** The field's error: one line naming it. */
    public SeicheException fail(String key, String message) {
        return new SeicheException(path + "." + key + ": " + message);
    }

    /** A required finite number. */
    public double number(String key) {
        if (!has(key)) {
            throw fail(key, "missing");
        }
        return finite(key, values.get(key));
    }

    public double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    public double positive(String key) {
        return checkPositive(key, number(key));
    }

    public double positive(String key, double fallback) {
        return checkPositive(key, number(key, fallback));
    }

    public double nonNegative(String key) {
        return checkNonNegative(key, number(key));
    }

    public double nonNegative(String key, double fallback) {
        return checkNonNegative(key, number(key, fallback));
    }

    /** A whole number of at least {@code min}. */
    public int integer(String key, int fallback, int min) {
        double v = number(key, fallback);
        if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
            throw fail(key, "must be a whole number of at least " + min + ", got " + v);
        }
        return (int) v;
    }

    /** One number per dimension: a list of {@code count} numbers, or one number for all. */
    public double[] numbers(String key, int count) {
        if (!has(key)) {
            throw fail(key, "missing");
        }
        Object v = values.get(key);
        List<?> list = v instanceof List<?> l ? l : List.of(v);
        if (list.size() == 1) {
            List<Object> repeated = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                repeated.add(list.get(0));
            }
            list = repeated;
        }
        if (list.size() != count) {
            throw fail(key, "give " + count + " values (one per model dimension) or one for all, got " + list.size());
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = finite(key, list.get(i));
        }
        return out;
    }

    /** A required array, given in the pipeline as {file: name.npy}. */
    public NdArray array(String key) {
        if (!has(key)) {
            throw fail(key, "missing; give an array as {file: name.npy}");
        }
        if (!(values.get(key) instanceof NdArray a)) {
            throw fail(key, "must be an array given as {file: name.npy}, got '" + values.get(key) + "'");
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Double.isFinite(a.data()[i])) {
                throw fail(key, "holds " + a.data()[i] + " at flat index " + i + "; values must be finite");
            }
        }
        return a;
    }

    /** A required array of the given shape. */
    public NdArray array(String key, int[] shape) {
        NdArray a = array(key);
        if (!Arrays.equals(a.shape(), shape)) {
            throw fail(key, "shape " + a.shapeString() + " differs from the model's " + Arrays.toString(shape));
        }
        return a;
    }

    private double finite(String key, Object v) {
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw fail(key, "must be a finite number, got '" + v + "'");
        }
        return n.doubleValue();
    }

    private double checkNonNegative(String key, double v) {
        if (v < 0) {
            throw fail(key, "must not be negative, got " + v);
        }
        return v;
    }

    private double checkPositive(String key, double v) {
        if (!(v > 0)) {
            throw fail(key, "must be positive, got " + v);
        }
        return v;
    }
}
