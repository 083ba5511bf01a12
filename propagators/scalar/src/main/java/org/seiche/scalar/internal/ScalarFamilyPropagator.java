package org.seiche.scalar.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Propagator;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.scalar.spi.ScalarKernel;

/**
 * What the propagators on the scalar kernels share: the kernels they bind (bnd reads the
 * {@link Reference} here through -dsannotations-options: inherit), the velocity check and
 * the {@link ScalarProblem} each prepared simulation runs on.
 */
abstract class ScalarFamilyPropagator implements Propagator {
    private final String name;
    private final List<ScalarKernel> kernels = new CopyOnWriteArrayList<>();

    ScalarFamilyPropagator(String name, ScalarKernel... kernels) {
        this.name = name;
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
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> kernelDevices() {
        return kernels.stream().map(ScalarKernel::deviceName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public final double maxVelocity(Model model) {
        return ScalarProblem.maxVelocity(model.parameter(ScalarPropagator.VELOCITY));
    }

    @Override
    public final Simulation prepare(SimulationSetup setup) {
        NdArray v = setup.model().parameter(ScalarPropagator.VELOCITY);
        SetupCheck.positive(ScalarPropagator.VELOCITY, v);
        checkOtherParameters(setup.model());
        if (setup.snapshots() != null) {
            setup.snapshots().check(name, snapshotTaps(), setup.survey().shots());
        }
        return simulation(ScalarProblem.of(setup, v, kernels, name), setup);
    }

    /** Checks the parameters besides the velocity, before any snapshot check. */
    abstract void checkOtherParameters(Model model);

    /** The snapshot taps this propagator offers. */
    abstract Set<String> snapshotTaps();

    abstract Simulation simulation(ScalarProblem problem, SimulationSetup setup);
}
