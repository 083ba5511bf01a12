package org.seiche.api;

/** Everything a propagator needs to prepare a simulation. */
public record SimulationSetup(Model model, Survey survey, PropagatorSettings settings, Device device, Precision precision) {
}
