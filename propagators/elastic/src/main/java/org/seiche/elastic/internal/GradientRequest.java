package org.seiche.elastic.internal;

import java.util.Set;

import org.seiche.elastic.spi.Coefficient;

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

    Set<Coefficient> coefficients() {
        return Materials.coefficientsFor(parameters);
    }
}
