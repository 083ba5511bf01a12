package org.seiche.scalar.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Model;
import org.seiche.api.Propagator;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.scalar.spi.ScalarKernel;
import org.seiche.scalar.spi.SnapshotTap;

/**
 * The constant-density acoustic wave equation (docs/scalar.md), parameter v. Runs on whichever
 * {@link ScalarKernel} serves the setup's device.
 */
@Component(service = Propagator.class, property = Propagator.PROPERTY + "=" + ScalarPropagator.NAME)
public final class ScalarPropagator extends ScalarFamilyPropagator {
    public static final String NAME = "scalar";
    public static final String VELOCITY = "v";

    /** For Declarative Services: kernels arrive as services. */
    public ScalarPropagator() {
        super(NAME);
    }

    /** For plain Java use: the given kernels. */
    public ScalarPropagator(ScalarKernel... kernels) {
        super(NAME, kernels);
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(VELOCITY);
    }

    @Override
    void checkOtherParameters(Model model) {
        // v is the only parameter
    }

    @Override
    Set<String> snapshotTaps() {
        return Set.of(SnapshotTap.WAVEFIELD);
    }

    @Override
    Simulation simulation(ScalarProblem problem, SimulationSetup setup) {
        return new ScalarSimulation(problem);
    }
}
