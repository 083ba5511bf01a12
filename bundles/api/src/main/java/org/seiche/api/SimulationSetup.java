package org.seiche.api;

/**
 * Everything a propagator needs to prepare a simulation; {@code steps} hears of its time
 * steps (progress), {@link StepListener#NONE} when nobody listens.
 */
public record SimulationSetup(Model model, Survey survey, PropagatorSettings settings, Device device, Precision precision,
                              StepListener steps) {
    public SimulationSetup {
        steps = steps == null ? StepListener.NONE : steps;
    }

    public SimulationSetup(Model model, Survey survey, PropagatorSettings settings, Device device, Precision precision) {
        this(model, survey, settings, device, precision, StepListener.NONE);
    }
}
