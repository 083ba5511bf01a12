package org.seiche.scalar.internal;

import org.seiche.api.Simulation;

/** What the simulations on a {@link ScalarProblem} share: its shots, step ratio and closing its operator. */
abstract class ScalarFamilySimulation implements Simulation {
    final ScalarProblem problem;

    ScalarFamilySimulation(ScalarProblem problem) {
        this.problem = problem;
    }

    @Override
    public final int shots() {
        return problem.sources().shots();
    }

    @Override
    public final int stepRatio() {
        return problem.steps().ratio();
    }

    @Override
    public final void close() {
        problem.operator().close();
    }
}
