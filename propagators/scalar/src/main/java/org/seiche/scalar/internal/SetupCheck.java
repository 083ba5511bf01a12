package org.seiche.scalar.internal;

import java.util.Arrays;
import java.util.List;

import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Survey;

/**
 * The checks a scalar-type simulation makes before any propagation; each failure is one
 * line naming the field and what is wrong.
 */
public final class SetupCheck {
    private SetupCheck() {
    }

    /** A model parameter that must be positive and finite everywhere (a velocity). */
    public static void positive(String name, NdArray values) {
        double[] v = values.data();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || Double.isInfinite(v[i])) {
                throw new SeicheException("model.parameters." + name + ": must be positive and finite, got " + v[i]
                        + " at cell " + Arrays.toString(unravel(i, values.shape())));
            }
        }
    }

    /** A model parameter that must be finite everywhere. */
    public static void finite(String name, NdArray values) {
        double[] v = values.data();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new SeicheException("model.parameters." + name + ": must be finite, got " + v[i] + " at cell "
                        + Arrays.toString(unravel(i, values.shape())));
            }
        }
    }

    /** Spacing, survey length, and one source and one receiver group without component, inside the model. */
    public static void survey(SimulationSetup setup, String propagator) {
        int[] shape = setup.model().shape();
        for (double h : setup.model().spacing()) {
            if (!(h > 0) || Double.isInfinite(h)) {
                throw new SeicheException("model.spacing: must be positive, got " + h);
            }
        }
        Survey survey = setup.survey();
        if (survey.nt() < 1) {
            throw new SeicheException("survey.nt: must be at least 1, got " + survey.nt());
        }
        single("survey.sources", survey.sources().size(), propagator);
        single("survey.receivers", survey.receivers().size(), propagator);
        noComponent("survey.sources.component", survey.sources().get(0).component(), propagator);
        noComponent("survey.receivers.component", survey.receivers().get(0).component(), propagator);
        inside("survey.sources.locations", "source", survey.sources().get(0).locations(), shape);
        inside("survey.receivers.locations", "receiver", survey.receivers().get(0).locations(), shape);
        finiteAmplitudes(survey.sources().get(0).amplitudes());
    }

    private static void single(String field, int groups, String propagator) {
        if (groups != 1) {
            throw new SeicheException(field + ": the " + propagator + " propagator takes exactly one group, got " + groups);
        }
    }

    private static void noComponent(String field, String component, String propagator) {
        if (component != null && !component.isEmpty()) {
            throw new SeicheException(field + ": the " + propagator + " propagator has no components, got '" + component
                    + "'");
        }
    }

    /** Every used location has the model's dimension and lies inside it; all -1 = unused. */
    public static void inside(String field, String what, Locations locations, int[] shape) {
        if (locations.ndim() != shape.length) {
            throw new SeicheException(field + ": " + locations.ndim() + " coordinates per location, the model is "
                    + shape.length + "-D");
        }
        int[] cell = new int[shape.length];
        for (int s = 0; s < locations.shots(); s++) {
            for (int r = 0; r < locations.perShot(); r++) {
                if (locations.unused(s, r)) {
                    continue;
                }
                boolean outside = false;
                for (int d = 0; d < shape.length; d++) {
                    cell[d] = locations.coordinate(s, r, d);
                    outside |= cell[d] < 0 || cell[d] >= shape[d];
                }
                if (outside) {
                    throw new SeicheException(field + ": shot " + s + " " + what + " " + r + " at "
                            + Arrays.toString(cell) + " is outside the model " + Arrays.toString(shape));
                }
            }
        }
    }

    private static void finiteAmplitudes(NdArray amplitudes) {
        double[] a = amplitudes.data();
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                int[] at = unravel(i, amplitudes.shape());
                throw new SeicheException("survey.sources.amplitudes: " + a[i] + " at shot " + at[0] + " source " + at[1]
                        + " sample " + at[2]);
            }
        }
    }

    /** The names asked for must be among the allowed ones. */
    public static void gradientNames(java.util.Set<String> asked, List<String> allowed) {
        for (String name : asked) {
            if (!allowed.contains(name)) {
                throw new SeicheException("gradient_wrt: '" + name + "' is not one of " + allowed);
            }
        }
    }

    private static int[] unravel(int index, int[] shape) {
        int[] out = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            out[d] = index % shape[d];
            index /= shape[d];
        }
        return out;
    }
}
