package org.seiche.scalar.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
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
public final class BornPropagator implements Propagator {
    public static final String NAME = "born";
    public static final String VELOCITY = ScalarPropagator.VELOCITY;
    public static final String SCATTER = BornRun.SCATTER;
    /** Propagator option: also give the background field's receiver data (receiver_data_background). */
    public static final String BACKGROUND_DATA = "background_data";

    private final List<ScalarKernel> kernels = new CopyOnWriteArrayList<>();

    /** For Declarative Services: kernels arrive as services. */
    public BornPropagator() {
    }

    /** For plain Java use: the given kernels. */
    public BornPropagator(ScalarKernel... kernels) {
        this.kernels.addAll(List.of(kernels));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addKernel(ScalarKernel kernel) {
        kernels.add(kernel);
    }

    void removeKernel(ScalarKernel kernel) {
        kernels.remove(kernel);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> kernelDevices() {
        return kernels.stream().map(ScalarKernel::deviceName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(VELOCITY, SCATTER);
    }

    @Override
    public double maxVelocity(Model model) {
        return ScalarProblem.maxVelocity(model.parameter(VELOCITY));
    }

    @Override
    public Set<String> options() {
        return Set.of(BACKGROUND_DATA);
    }

    @Override
    public Simulation prepare(SimulationSetup setup) {
        NdArray v = setup.model().parameter(VELOCITY);
        NdArray scatter = setup.model().parameter(SCATTER);
        SetupCheck.positive(VELOCITY, v);
        SetupCheck.finite(SCATTER, scatter);
        if (setup.snapshots() != null) {
            setup.snapshots().check(NAME, Set.of(SnapshotTap.WAVEFIELD, SnapshotTap.SCATTERED), setup.survey().shots());
        }
        return new BornSimulation(ScalarProblem.of(setup, v, kernels, NAME), scatter, backgroundData(setup));
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
