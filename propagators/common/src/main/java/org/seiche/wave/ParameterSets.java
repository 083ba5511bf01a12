package org.seiche.wave;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.seiche.api.Model;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;

/**
 * The two parameter sets a propagator's model may be given in (say velocities and density,
 * or moduli and buoyancy): which set a model or a gradient request uses, and the checks every
 * propagator makes on the model's values, with messages naming the field and cell.
 */
public final class ParameterSets {
    private final String propagator;
    private final String hint;
    private final List<String> first;
    private final List<String> second;
    private final Set<String> all;

    /**
     * @param propagator the propagator's name in messages ("acoustic")
     * @param hint how to give a model, for messages ("give v and rho, or k and buoyancy")
     */
    public ParameterSets(String propagator, String hint, List<String> first, List<String> second) {
        this.propagator = propagator;
        this.hint = hint;
        this.first = List.copyOf(first);
        this.second = List.copyOf(second);
        Set<String> names = new LinkedHashSet<>(first);
        names.addAll(second);
        this.all = Collections.unmodifiableSet(names);
    }

    /** The names of set 0 or set 1. */
    public List<String> names(int set) {
        return set == 0 ? first : second;
    }

    /** Every parameter name, the first set's first. */
    public Set<String> allNames() {
        return all;
    }

    /** The set (0 or 1) a model's parameters form exactly. */
    public int ofModel(Set<String> given) {
        if (given.isEmpty()) {
            throw new SeicheException("model.parameters: none given; " + hint);
        }
        for (String n : given) {
            if (!all.contains(n)) {
                throw new SeicheException("model.parameters: '" + n + "' is not an " + propagator + " parameter; " + hint);
            }
        }
        int set = of(given, "model.parameters");
        for (String n : names(set)) {
            if (!given.contains(n)) {
                throw new SeicheException("model.parameters: '" + n + "' is missing; " + hint);
            }
        }
        return set;
    }

    /** The one set (0 or 1) all the known names belong to; -1 for no names. */
    public int of(Collection<String> names, String field) {
        int found = -1;
        for (String n : names) {
            int set = first.contains(n) ? 0 : 1;
            if (found >= 0 && found != set) {
                throw new SeicheException(field + ": mixes " + String.join(", ", first) + " with "
                        + String.join(", ", second) + "; use one set");
            }
            found = set;
        }
        return found;
    }

    /** What gradient_wrt asks for: model parameters of one set and/or the source amplitudes. */
    public record Gradients(Set<String> parameters, boolean sourceAmplitudes) {
        public boolean any() {
            return sourceAmplitudes || !parameters.isEmpty();
        }
    }

    /** Reads gradient_wrt: parameters of one set (either, whatever the model was given in) and/or sources. */
    public Gradients gradients(Set<String> wrt) {
        Set<String> parameters = new LinkedHashSet<>();
        boolean sources = false;
        for (String name : wrt) {
            if (name.equals(Simulation.SOURCE_AMPLITUDES) || name.startsWith(Simulation.SOURCE_AMPLITUDES + "_")) {
                sources = true;
            } else if (all.contains(name)) {
                parameters.add(name);
            } else {
                throw new SeicheException("gradient_wrt: '" + name + "' is not a gradient the " + propagator
                        + " propagator gives (" + String.join(", ", all) + ", " + Simulation.SOURCE_AMPLITUDES + ")");
            }
        }
        of(parameters, "gradient_wrt");
        return new Gradients(Set.copyOf(parameters), sources);
    }

    /** Refuses a model of more than 3 dimensions, a bad spacing, or a non-finite or negative value of a named parameter. */
    public void checkModel(Model model, List<String> names) {
        int[] shape = model.shape();
        if (shape.length < 1 || shape.length > 3) {
            throw new SeicheException("model: the " + propagator + " propagator is 1-D, 2-D or 3-D, got a " + shape.length
                    + "-D model");
        }
        for (double h : model.spacing()) {
            if (!(h > 0) || Double.isInfinite(h)) {
                throw new SeicheException("model.spacing: must be positive, got " + h);
            }
        }
        for (String name : names) {
            double[] v = model.parameter(name).data();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new SeicheException("model.parameters." + name + ": " + v[i] + " at cell " + cell(i, shape));
                }
                if (v[i] < 0) {
                    throw new SeicheException("model.parameters." + name + ": negative value " + v[i] + " at cell "
                            + cell(i, shape));
                }
            }
        }
    }

    /** A flat (row-major) index as its cell, "[z, x]". */
    public static String cell(int flat, int[] shape) {
        int[] at = new int[shape.length];
        for (int d = shape.length - 1, rest = flat; d >= 0; d--) {
            at[d] = rest % shape[d];
            rest /= shape[d];
        }
        return Arrays.toString(at);
    }
}
