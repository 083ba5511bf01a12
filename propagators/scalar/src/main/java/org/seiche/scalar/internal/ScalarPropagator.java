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
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.scalar.spi.ScalarKernel;
import org.seiche.scalar.spi.SnapshotTap;

/**
 * The constant-density acoustic wave equation (docs/scalar.md), parameter v. Runs on whichever
 * {@link ScalarKernel} serves the setup's device.
 */
@Component(service = Propagator.class, property = Propagator.PROPERTY + "=" + ScalarPropagator.NAME)
public final class ScalarPropagator implements Propagator {
    public static final String NAME = "scalar";
    public static final String VELOCITY = "v";

    private final List<ScalarKernel> kernels = new CopyOnWriteArrayList<>();

    /** For Declarative Services: kernels arrive as services. */
    public ScalarPropagator() {
    }

    /** For plain Java use: the given kernels. */
    public ScalarPropagator(ScalarKernel... kernels) {
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
        return Set.of(VELOCITY);
    }

    @Override
    public double maxVelocity(Model model) {
        return ScalarProblem.maxVelocity(model.parameter(VELOCITY));
    }

    @Override
    public Simulation prepare(SimulationSetup setup) {
        NdArray v = setup.model().parameter(VELOCITY);
        SetupCheck.positive(VELOCITY, v);
        if (setup.snapshots() != null) {
            setup.snapshots().check(NAME, Set.of(SnapshotTap.WAVEFIELD), setup.survey().shots());
        }
        return new ScalarSimulation(ScalarProblem.of(setup, v, kernels, NAME));
    }
}
