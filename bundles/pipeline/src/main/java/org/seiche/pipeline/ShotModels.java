package org.seiche.pipeline;

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
import org.seiche.api.Task;

/**
 * A model per shot (Deepwave's batched models): a parameter array with one more leading
 * axis than the model's dimension gives shot s the model array[s]. The run's {@link Model}
 * holds such a parameter at shot 0 (for its shape and checks); the whole arrays travel in
 * the spec's option {@value #OPTION}, and each shot propagates in its own model.
 */
final class ShotModels {
    /** Spec option: the per-shot parameters by name, each of shape [shots, *model_shape]. */
    static final String OPTION = "shot_models";

    private ShotModels() {
    }

    /** The parameters as read, split into the run's model and the per-shot arrays. */
    record Split(Model model, Map<String, NdArray> perShot) {
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

    @SuppressWarnings("unchecked")
    static Map<String, NdArray> of(PipelineSpec spec) {
        return (Map<String, NdArray>) spec.options().getOrDefault(OPTION, Map.of());
    }

    /** Refuses, before any propagation, a shot axis that is not the survey's shots and the tasks that cannot take one. */
    static void check(PipelineSpec spec) {
        Map<String, NdArray> perShot = of(spec);
        if (perShot.isEmpty()) {
            return;
        }
        String name = perShot.keySet().iterator().next();
        int shots = spec.survey().shots();
        if (perShot.get(name).dim(0) != shots) {
            throw new SeicheException("model.parameters." + name + ": leading (shot) axis " + perShot.get(name).dim(0)
                    + " but the survey has " + shots + (shots == 1 ? " shot" : " shots") + " (a model per shot needs one model each)");
        }
        if (spec.task() == Task.INVERT || spec.inversion() != null) {
            throw new SeicheException("model.parameters." + name + ": a model per shot works with tasks forward, gradient"
                    + " and hessian (without an inversion block), not " + (spec.task() == Task.INVERT ? "invert" : "with inversion:"));
        }
    }

    /** The model shot s propagates in: base with every per-shot parameter at s. */
    static Model forShot(Model base, Map<String, NdArray> perShot, int s) {
        Map<String, NdArray> at = new LinkedHashMap<>();
        perShot.forEach((k, a) -> at.put(k, shot(a, s)));
        return base.with(at);
    }

    /**
     * The settings every shot runs with: max_vel as given, else the largest the propagator
     * gives over the shots' models (as Deepwave takes max |v| over the whole batched
     * model), so that all shots take the same time step and PML.
     */
    static PropagatorSettings settings(PropagatorSettings s, Propagator propagator, Model base, Map<String, NdArray> perShot,
                                       int shots) {
        if (!Double.isNaN(s.maxVel())) {
            return s;
        }
        double max = 0;
        for (int shot = 0; shot < shots; shot++) {
            double v = propagator.maxVelocity(forShot(base, perShot, shot));
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
