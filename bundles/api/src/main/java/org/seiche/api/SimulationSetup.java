package org.seiche.api;

/**
 * Everything a propagator needs to prepare a simulation; {@code steps} hears of its time
 * steps (progress), {@link StepListener#NONE} when nobody listens; {@code snapshots} asks
 * for wavefields every few steps, null for none.
 */
public record SimulationSetup(Model model, Survey survey, PropagatorSettings settings, Device device, Precision precision,
                              StepListener steps, Snapshots snapshots) {
    public SimulationSetup {
        steps = steps == null ? StepListener.NONE : steps;
    }

    public SimulationSetup(Model model, Survey survey, PropagatorSettings settings, Device device, Precision precision,
                           StepListener steps) {
        this(model, survey, settings, device, precision, steps, null);
    }

    public SimulationSetup(Model model, Survey survey, PropagatorSettings settings, Device device, Precision precision) {
        this(model, survey, settings, device, precision, StepListener.NONE);
    }

    /** This setup asking for the given snapshots (null for none). */
    public SimulationSetup withSnapshots(Snapshots s) {
        return new SimulationSetup(model, survey, settings, device, precision, steps, s);
    }
}
