package org.seiche.acoustic.internal;

import java.util.Set;

/**
 * What a forward run must make its adjoint give: gradients of model parameters of one set
 * (either set, whatever the model was given in) and/or of the source amplitudes.
 */
record GradientRequest(Set<String> parameters, boolean sourceAmplitudes) {
    static GradientRequest of(Set<String> wrt) {
        var asked = ParameterSet.SETS.gradients(wrt);
        return new GradientRequest(asked.parameters(), asked.sourceAmplitudes());
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
