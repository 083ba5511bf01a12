package org.seiche.pipeline.file;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.seiche.api.Mapping;
import org.seiche.api.Optimiser;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.api.ShotExecutor;

/**
 * The keys a pipeline file may hold at each place, checked over the whole file (after
 * extends has merged it) before anything is read or computed: a misspelt key is refused
 * with its path and the keys known there, never run as a default, whatever the task. A
 * block that names a service (the propagator, each mapping, the optimiser) also takes the
 * options that service declares. Keys of features this version does not have yet are
 * refused as such rather than ignored.
 */
public final class PipelineKeys {
    private static final Set<String> TOP = Set.of("task", "device", "precision", "model", "propagator", "survey", "observed",
            "loss", "gradient_wrt", "output", "shots_per_batch", "batches", "inversion", "checkpoint", "mask", "threads",
            "snapshots", "pictures", "executor");
    /** The propagator block's keys that every propagator has (PropagatorSettings); the rest are the service's options. */
    public static final Set<String> PROPAGATOR = Set.of("name", "accuracy", "pml_width", "pml_freq", "max_vel",
            "gradient_sampling_interval", "storage");
    static final Set<String> STORAGE = Set.of("mode", "compression", "directory", "memory");
    /** The forms of an array: a file, a constant, a synthetic model, each optionally smoothed. */
    private static final Set<String> ARRAY = union(Set.of("file", "constant", "shape", "synthetic", "smooth"), FieldData.KEYS);
    private static final Set<String> MODEL = Set.of("spacing", "parameters");
    private static final Set<String> SURVEY = union(Set.of("dt", "nt", "sources", "receivers"), SegySurvey.KEYS);
    private static final Set<String> SOURCES = Set.of("locations", "amplitudes", "wavelet", "component", "interpolation");
    private static final Set<String> RECEIVERS = Set.of("locations", "component", "interpolation");
    private static final Set<String> INTERPOLATION = Set.of("method", "halfwidth", "beta");
    private static final Set<String> WAVELET = Set.of("type", "freq", "peak_time", "scale");
    private static final Set<String> LOCATIONS = union(ARRAY, Set.of("regular", "units"));
    private static final Set<String> REGULAR = Set.of("shots", "per_shot", "first", "shot_step", "step");
    private static final Set<String> SYNTHETIC = Set.of("shape", "layers", "fault", "lens");
    private static final Set<String> LAYER = Set.of("top", "value", "gradient");
    private static final Set<String> FAULT = Set.of("x", "dip", "throw");
    private static final Set<String> LENS = Set.of("centre", "radii", "value", "add", "box");
    private static final Set<String> MASK = Set.of("direct_arrival");
    private static final Set<String> PICTURES = Set.of("slice_at");
    private static final Set<String> DIRECT_ARRIVAL = Set.of("velocity", "flat", "taper", "delay");
    private static final Set<String> LOSS = Set.of("name");
    private static final Set<String> INVERSION = Set.of("parameters", "iterations", "mode", "mappings", "optimiser",
            "shots_per_batch", "batches", "true_model");
    public static final Set<String> MAPPING = Set.of("name", "parameter");
    public static final Set<String> OPTIMISER = Set.of("name");

    private PipelineKeys() {
    }

    /** Refuses the first key that has no place where it stands; services are looked up by name for their options. */
    static void check(Field root, Services services) {
        known(root, TOP);
        service(root.get("executor"), Set.of("name"), "executor", services.executors, ShotExecutor::options);
        Field model = root.get("model");
        known(model, MODEL);
        for (Field p : values(model.get("parameters"))) {
            array(p);
        }
        service(root.get("propagator"), PROPAGATOR, "propagator", services.propagators,
                Propagator::options);
        known(root.get("propagator").get("storage"), STORAGE);
        survey(root.get("survey"));
        Field observed = root.get("observed");
        if (observed.present() && observed.node().isArray()) {
            for (Field o : observed.elements()) {
                array(o);
            }
        } else {
            array(observed);
        }
        Field mask = root.get("mask");
        if (mask.has("direct_arrival")) {
            known(mask, MASK);
            known(mask.get("direct_arrival"), DIRECT_ARRIVAL);
        } else {
            array(mask);
        }
        known(root.get("loss"), LOSS);
        known(root.get("snapshots"), SnapshotPlan.KEYS);
        known(root.get("pictures"), PICTURES);
        known(root.get("output"), OutputKeys.KEYS);
        inversion(root.get("inversion"), services);
    }

    private static void survey(Field survey) {
        known(survey, SURVEY);
        for (Field g : listed(survey.get("sources"))) {
            known(g, SOURCES);
            known(g.get("interpolation"), INTERPOLATION);
            locations(g.get("locations"));
            array(g.get("amplitudes"));
            known(g.get("wavelet"), WAVELET);
        }
        for (Field g : listed(survey.get("receivers"))) {
            known(g, RECEIVERS);
            known(g.get("interpolation"), INTERPOLATION);
            locations(g.get("locations"));
        }
    }

    private static void inversion(Field inv, Services services) {
        known(inv, INVERSION);
        Field mappings = inv.get("mappings");
        if (mappings.present() && mappings.node().isArray()) {
            for (Field m : mappings.elements()) {
                service(m, MAPPING, "mapping", services.mappings, Mapping::options);
                optionArrays(m);
            }
        }
        Field opt = inv.get("optimiser");
        service(opt, OPTIMISER, "optimiser", services.optimisers, Optimiser::options);
        optionArrays(opt);
        for (Field t : values(inv.get("true_model"))) {
            array(t);
        }
    }

    /**
     * A block naming a service: the framework's keys and the ones the service declares. A
     * name no service has is left to the run, which refuses it with the names there are.
     */
    private static <T> void service(Field f, Set<String> own, String kind, Map<String, T> available,
                                    Function<T, Set<String>> options) {
        if (!f.present() || !f.node().isObject()) {
            return;
        }
        Field name = f.get("name");
        T service = name.present() && name.node().isTextual() ? available.get(name.node().asText()) : null;
        if (service == null) {
            known(f, null, "");
        } else {
            known(f, union(own, options.apply(service)), "for " + kind + " " + name.node().asText());
        }
    }

    /** The arrays among a service's option values, at any depth, as the reader finds them (ArrayInputs.config). */
    private static void optionArrays(Field block) {
        for (Field v : values(block)) {
            optionArray(v);
        }
    }

    private static void optionArray(Field v) {
        if (v.has("file") || v.has("constant") || v.has("synthetic") || FieldData.given(v)) {
            array(v);
        } else if (v.present() && v.node().isArray()) {
            v.elements().forEach(PipelineKeys::optionArray);
        } else {
            optionArrays(v);
        }
    }

    private static void locations(Field f) {
        known(f, LOCATIONS);
        known(f.get("regular"), REGULAR);
        synthetic(f.get("synthetic"));
    }

    private static void array(Field f) {
        known(f, ARRAY);
        synthetic(f.get("synthetic"));
    }

    private static void synthetic(Field f) {
        known(f, SYNTHETIC);
        for (Field layer : listed(f.get("layers"))) {
            known(layer, LAYER);
        }
        known(f.get("fault"), FAULT);
        for (Field lens : listed(f.get("lens"))) {
            known(lens, LENS);
        }
    }

    private static void known(Field f, Set<String> known) {
        known(f, known, "here");
    }

    /**
     * Refuses a key of f (when f is a mapping) outside the known ones (null: any), naming it, where it stands, and what is known there ("known here: ..",
     * "known for mapping bounds: ..").
     */
    private static void known(Field f, Set<String> known, String where) {
        if (!f.present() || !f.node().isObject()) {
            return;
        }
        for (String k : f.keys()) {
            if (known != null && !known.contains(k)) {
                throw unknown(f.get(k).path(), k, known, where);
            }
        }
    }

    /**
     * Refuses the options of a service given in code (a PipelineSpec built without a file)
     * that the service does not declare, as the file's check does.
     */
    public static void declared(String path, Set<String> given, Set<String> own, Set<String> declared, String where) {
        Set<String> known = union(own, declared);
        for (String k : given) {
            if (!known.contains(k)) {
                throw unknown(path + "." + k, k, known, where);
            }
        }
    }

    private static SeicheException unknown(String path, String key, Set<String> known, String where) {
        String near = nearest(key, known);
        return Field.fail(path, "unknown key" + (near == null ? "" : ", did you mean " + near + "?") + " (known " + where
                + ": " + list(known) + ")");
    }

    private static String list(Set<String> keys) {
        return keys.isEmpty() ? "none" : String.join(", ", new TreeSet<>(keys));
    }

    /** The known key one or two edits away from a misspelt one, if exactly one is that near. */
    static String nearest(String key, Set<String> known) {
        int allowed = Math.min(2, Math.max(1, key.length() / 3));
        String best = null;
        int bestDistance = allowed + 1;
        boolean tie = false;
        for (String k : known) {
            int d = distance(key, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** Edits from a to b: insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** A value or a list of them (source groups, layers, lenses); nothing when absent. */
    private static List<Field> listed(Field f) {
        if (!f.present()) {
            return List.of();
        }
        return f.node().isArray() ? f.elements() : List.of(f);
    }

    /** The values of a mapping's keys (model parameters, a true model, a service's options). */
    private static List<Field> values(Field f) {
        return f.keys().stream().map(f::get).toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
