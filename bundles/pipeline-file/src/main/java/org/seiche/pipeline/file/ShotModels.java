package org.seiche.pipeline.file;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.seiche.api.Batches;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Propagator;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.SeicheException;

/**
 * A model per shot (Deepwave's batched models): a parameter array with one more leading
 * axis than the model's dimension gives shot s the model array[s]. The run's {@link Model}
 * holds such a parameter at shot 0 (for its shape and checks); the whole arrays travel in
 * the spec's option {@value #OPTION} as read, and whole in each piece of shot work as an
 * inversion has them; each shot propagates in its own model.
 */
public final class ShotModels {
    /** Spec option: the per-shot parameters by name, each of shape [shots, *model_shape]. */
    static final String OPTION = "shot_models";

    private ShotModels() {
    }

    /**
     * A model some of whose parameters may be given per shot: the run's {@link Model} holds
     * those at shot 0 (for its shape and checks), perShot holds them whole, [shots, *shape].
     */
    public record Split(Model model, Map<String, NdArray> perShot) {
        public Split {
            perShot = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perShot));
        }

        /** A parameter as given: whole, [shots, *shape], when it is per shot. */
        public NdArray parameter(String name) {
            NdArray a = perShot.get(name);
            return a != null ? a : model.parameter(name);
        }

        /** Every parameter as given (per-shot ones whole), in the model's order: what travels to other processes. */
        public Map<String, NdArray> parameters() {
            Map<String, NdArray> all = new LinkedHashMap<>();
            model.parameters().keySet().forEach(k -> all.put(k, parameter(k)));
            return all;
        }

        /** This model with some parameters replaced, each given as {@link #parameter} gives it. */
        public Split with(Map<String, NdArray> replaced) {
            Map<String, NdArray> atShot0 = new LinkedHashMap<>();
            Map<String, NdArray> whole = new LinkedHashMap<>(perShot);
            replaced.forEach((k, a) -> {
                if (perShot.containsKey(k)) {
                    whole.put(k, a);
                    atShot0.put(k, shot(a, 0));
                } else {
                    atShot0.put(k, a);
                }
            });
            return new Split(model.with(atShot0), whole);
        }

        /** The model shot s propagates in: every per-shot parameter at s. */
        public Model forShot(int s) {
            return model.with(atShot(perShot, s));
        }

        /** Arrays by parameter, each as {@link #parameter} gives it, those of per-shot parameters taken at shot s. */
        public Map<String, NdArray> atShot(Map<String, NdArray> arrays, int s) {
            Map<String, NdArray> at = new LinkedHashMap<>();
            arrays.forEach((k, a) -> at.put(k, perShot.containsKey(k) ? shot(a, s) : a));
            return at;
        }

        /** The number of models a parameter has: the shots when it is per shot, else 1. */
        public int models(String name) {
            NdArray a = perShot.get(name);
            return a == null ? 1 : a.dim(0);
        }
    }

    /** A model with every parameter shared by the shots. */
    public static Split shared(Model model) {
        return new Split(model, Map.of());
    }

    /**
     * The model of some shot work, base's parameters replaced by the work's: one with an axis
     * more than base's are per shot.
     */
    public static Split ofWork(Model base, Map<String, NdArray> parameters) {
        Map<String, NdArray> perShot = new LinkedHashMap<>();
        parameters.forEach((k, a) -> {
            if (a.ndim() == base.shape().length + 1) {
                perShot.put(k, a);
            }
        });
        return new Split(base, perShot).with(parameters);
    }

    /**
     * The model's dimension: one per spacing value when several are given; otherwise the
     * lowest rank among the parameters, or, all of one rank, one less when the source
     * locations have one axis fewer (then every parameter is per shot).
     */
    static int dimension(int spacingValues, Map<String, NdArray> parameters, int locationAxes) {
        if (spacingValues > 1) {
            return spacingValues;
        }
        int low = parameters.values().stream().mapToInt(NdArray::ndim).min().orElseThrow();
        int high = parameters.values().stream().mapToInt(NdArray::ndim).max().orElseThrow();
        return low == high && locationAxes == low - 1 ? low - 1 : low;
    }

    /** Parameters of rank dimension are shared, of rank dimension + 1 per shot; any other rank is refused. */
    static Split split(double[] spacing, Map<String, NdArray> parameters, int dimension) {
        Map<String, NdArray> atShot0 = new LinkedHashMap<>();
        Map<String, NdArray> perShot = new LinkedHashMap<>();
        int shots = -1;
        for (Map.Entry<String, NdArray> e : parameters.entrySet()) {
            NdArray a = e.getValue();
            if (a.ndim() == dimension + 1) {
                if (shots >= 0 && a.dim(0) != shots) {
                    throw new SeicheException("model.parameters." + e.getKey() + ": leading (shot) axis " + a.dim(0)
                            + " differs from " + shots + " of the other per-shot parameters");
                }
                shots = a.dim(0);
                perShot.put(e.getKey(), a);
                atShot0.put(e.getKey(), shot(a, 0));
            } else if (a.ndim() == dimension) {
                atShot0.put(e.getKey(), a);
            } else {
                throw new SeicheException("model.parameters." + e.getKey() + ": shape " + a.shapeString() + " is neither "
                        + dimension + "-D nor a model per shot [shots, " + dimension + "-D model]"
                        + (spacing.length > 1 ? " (model.spacing gives " + spacing.length + " values, one per dimension)" : ""));
            }
        }
        double[] h = spacing.length == 1 ? filled(spacing[0], dimension) : spacing;
        try {
            return new Split(new Model(h, atShot0), perShot);
        } catch (SeicheException e) {
            throw new SeicheException("model." + e.getMessage().replaceFirst("^model\\.", ""));
        }
    }

    private static double[] filled(double value, int n) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    /** The pipeline's model as given. */
    @SuppressWarnings("unchecked")
    public static Split of(PipelineSpec spec) {
        return new Split(spec.model(), (Map<String, NdArray>) spec.options().getOrDefault(OPTION, Map.of()));
    }

    /** Refuses, before any propagation, a shot axis that is not the survey's shots. */
    public static void check(PipelineSpec spec) {
        Map<String, NdArray> perShot = of(spec).perShot();
        if (perShot.isEmpty()) {
            return;
        }
        String name = perShot.keySet().iterator().next();
        int shots = spec.survey().shots();
        if (perShot.get(name).dim(0) != shots) {
            throw new SeicheException("model.parameters." + name + ": leading (shot) axis " + perShot.get(name).dim(0)
                    + " but the survey has " + shots + (shots == 1 ? " shot" : " shots") + " (a model per shot needs one model each)");
        }
    }

    /**
     * The settings every shot runs with: max_vel as given, else the largest the propagator
     * gives over the shots' models (as Deepwave takes max |v| over the whole batched
     * model), so that all shots take the same time step and PML.
     */
    public static PropagatorSettings settings(PropagatorSettings s, Propagator propagator, Split model, int shots) {
        if (!Double.isNaN(s.maxVel())) {
            return s;
        }
        double max = 0;
        for (int shot = 0; shot < shots; shot++) {
            double v = propagator.maxVelocity(model.forShot(shot));
            if (Double.isNaN(v)) {
                throw new SeicheException("propagator." + propagator.name() + ": does not give its max_vel for a model per shot;"
                        + " set propagator.max_vel");
            }
            max = Math.max(max, v);
        }
        return new PropagatorSettings(s.accuracy(), s.pmlWidth(), s.pmlFreq(), max, s.gradientSamplingInterval(), s.options(),
                s.storage());
    }

    private static NdArray shot(NdArray a, int s) {
        return new NdArray(Arrays.copyOfRange(a.shape(), 1, a.ndim()), Batches.selectShots(a, new int[] {s}).data());
    }
}
