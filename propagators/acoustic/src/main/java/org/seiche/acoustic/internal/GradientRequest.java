package org.seiche.acoustic.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;

/**
 * What a forward run must make its adjoint give: gradients of model parameters of one set
 * (either set, whatever the model was given in) and/or of the source amplitudes.
 */
record GradientRequest(Set<String> parameters, boolean sourceAmplitudes) {
    static GradientRequest of(Set<String> wrt) {
        Set<String> parameters = new LinkedHashSet<>();
        boolean sources = false;
        for (String name : wrt) {
            if (name.equals(Simulation.SOURCE_AMPLITUDES) || name.startsWith(Simulation.SOURCE_AMPLITUDES + "_")) {
                sources = true;
            } else if (ParameterSet.allNames().contains(name)) {
                parameters.add(name);
            } else {
                throw new SeicheException("gradient_wrt: '" + name + "' is not a gradient the acoustic propagator gives ("
                        + String.join(", ", ParameterSet.allNames()) + ", " + Simulation.SOURCE_AMPLITUDES + ")");
            }
        }
        ParameterSet.of(parameters, "gradient_wrt");
        return new GradientRequest(Set.copyOf(parameters), sources);
    }

    boolean any() {
        return sourceAmplitudes || !parameters.isEmpty();
    }

    /** Whether K's gradient is needed (v, rho and k all depend on it). */
    boolean k() {
        return parameters.contains("v") || parameters.contains("rho") || parameters.contains("k");
    }

    /** Whether the buoyancies' gradients are needed. */
    boolean buoyancy() {
        return parameters.contains("rho") || parameters.contains("buoyancy");
    }
}
