package org.seiche.acoustic.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.seiche.acoustic.spi.AcousticKernel;
import org.seiche.api.Model;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;

/**
 * The variable-density acoustic propagator (velocity-pressure, staggered grid, C-PML) of
 * the bundle's README, in 1, 2 or 3 dimensions, following Deepwave's acoustic. Its kernel is
 * the registered {@link AcousticKernel} for the run's device; a device it has none for is
 * refused, naming both.
 */
@Component(service = Propagator.class, property = "propagator.name=acoustic")
public final class AcousticPropagator implements Propagator {
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<AcousticKernel> kernels = List.of();

    /** For Declarative Services: kernels arrive as services. */
    public AcousticPropagator() {
    }

    /** For plain Java use: the given kernels. */
    public AcousticPropagator(AcousticKernel... kernels) {
        this.kernels = List.of(kernels);
    }

    @Override
    public String name() {
        return "acoustic";
    }

    @Override
    public Set<String> parameterNames() {
        return ParameterSet.allNames();
    }

    @Override
    public Set<String> kernelDevices() {
        return kernels.stream().map(AcousticKernel::deviceName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public double maxVelocity(Model model) {
        ParameterSet set = ParameterSet.ofModel(model.parameters().keySet());
        set.check(model);
        return Medium.maxVelocity(model, set);
    }

    @Override
    public Simulation prepare(SimulationSetup setup) {
        String device = setup.device().name();
        AcousticKernel kernel = kernels.stream().filter(k -> k.deviceName().equals(device)).findFirst()
                .orElseThrow(() -> new SeicheException("device: the acoustic propagator has no kernel for device '" + device
                        + "' (kernels for: " + String.join(", ", kernelDevices()) + ")"));
        if (setup.snapshots() != null) {
            throw new SeicheException("snapshots: the acoustic propagator takes none yet");
        }
        return new AcousticSimulation(setup, kernel);
    }
}
