package org.seiche.scalar.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Model;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.scalar.spi.ScalarKernel;
import org.seiche.scalar.spi.SnapshotTap;

/**
 * Born modelling (docs/born.md): receiver data of the field scattered by the velocity
 * perturbation {@code scatter} in the background {@code v}, to first order. Runs on the
 * scalar kernels; max_vel defaults to max |v| of the background alone.
 */
@Component(service = Propagator.class, property = Propagator.PROPERTY + "=" + BornPropagator.NAME)
public final class BornPropagator extends ScalarFamilyPropagator {
    public static final String NAME = "born";
    public static final String VELOCITY = ScalarPropagator.VELOCITY;
    public static final String SCATTER = BornRun.SCATTER;
    /** Propagator option: also give the background field's receiver data (receiver_data_background). */
    public static final String BACKGROUND_DATA = "background_data";

    /** For Declarative Services: kernels arrive as services. */
    public BornPropagator() {
        super(NAME);
    }

    /** For plain Java use: the given kernels. */
    public BornPropagator(ScalarKernel... kernels) {
        super(NAME, kernels);
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(VELOCITY, SCATTER);
    }

    @Override
    public Set<String> options() {
        return Set.of(BACKGROUND_DATA);
    }

    @Override
    void checkOtherParameters(Model model) {
        SetupCheck.finite(SCATTER, model.parameter(SCATTER));
    }

    @Override
    Set<String> snapshotTaps() {
        return Set.of(SnapshotTap.WAVEFIELD, SnapshotTap.SCATTERED);
    }

    @Override
    Simulation simulation(ScalarProblem problem, SimulationSetup setup) {
        return new BornSimulation(problem, setup.model().parameter(SCATTER), backgroundData(setup));
    }

    /** The option {@value #BACKGROUND_DATA}: true or false (default). */
    private static boolean backgroundData(SimulationSetup setup) {
        Object value = setup.settings().options().getOrDefault(BACKGROUND_DATA, "false");
        String text = String.valueOf(value);
        if (!text.equals("true") && !text.equals("false")) {
            throw new SeicheException("propagator." + BACKGROUND_DATA + ": must be true or false, got " + text);
        }
        return text.equals("true");
    }
}
