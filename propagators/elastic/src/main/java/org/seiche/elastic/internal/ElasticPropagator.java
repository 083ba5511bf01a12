package org.seiche.elastic.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.seiche.api.Model;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.elastic.spi.ElasticKernel;
import org.seiche.elastic.spi.ElasticTap;

/**
 * The 1-D, 2-D and 3-D isotropic elastic propagator (velocity-stress, staggered grid, C-PML) of
 * docs/elastic.md. Cells whose properties are zero are vacuum: a free surface, flat or with
 * topography, is made by the improved vacuum method, with zero-property cells above it. A
 * side of PML width 0 reflects (v normal to it and the shear stress vanish beyond it), as in
 * Deepwave since 0.0.23, which also asks for vacuum cells to make a free surface. Its kernel
 * is the registered {@link ElasticKernel} for the run's device; a device it has none for is
 * refused, naming both. 1-D and 3-D models run on the CPU volume kernel (VolumeSimulation).
 */
@Component(service = Propagator.class, property = "propagator.name=elastic")
public final class ElasticPropagator implements Propagator {
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ElasticKernel> kernels = List.of();

    /** For Declarative Services: kernels arrive as services. */
    public ElasticPropagator() {
    }

    /** For plain Java use: the given kernels. */
    public ElasticPropagator(ElasticKernel... kernels) {
        this.kernels = List.of(kernels);
    }

    @Override
    public String name() {
        return "elastic";
    }

    @Override
    public Set<String> parameterNames() {
        return ParameterSet.allNames();
    }

    @Override
    public Set<String> kernelDevices() {
        return kernels.stream().map(ElasticKernel::deviceName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public double maxVelocity(Model model) {
        ParameterSet set = ParameterSet.ofModel(model.parameters().keySet());
        ModelCheck.check(model, set);
        return Materials.of(model, set).maxVelocity();
    }

    @Override
    public Simulation prepare(SimulationSetup setup) {
        String device = setup.device().name();
        int ndim = setup.model().shape().length;
        if (ndim != 2) {
            return prepareVolume(setup, ndim);
        }
        ElasticKernel kernel = kernels.stream().filter(k -> k.deviceName().equals(device)).findFirst()
                .orElseThrow(() -> new SeicheException("device: the elastic propagator has no kernel for device '" + device
                        + "' (kernels for: " + String.join(", ", kernelDevices()) + ")"));
        if (setup.snapshots() != null) {
            setup.snapshots().check(name(), ElasticTap.fieldNames(), setup.survey().shots());
            if (!kernel.takesSnapshots()) {
                throw new SeicheException("snapshots: the elastic kernel of device " + device + " takes none (use device cpu)");
            }
        }
        return new ElasticSimulation(setup, kernel);
    }

    /** A 1-D or 3-D model: the CPU volume kernel (no kernel service, no snapshots yet). */
    private Simulation prepareVolume(SimulationSetup setup, int ndim) {
        String device = setup.device().name();
        if (!device.equals("cpu")) {
            throw new SeicheException("device: the elastic propagator runs " + ndim + "-D models on device 'cpu' only, not '"
                    + device + "'");
        }
        if (setup.snapshots() != null) {
            throw new SeicheException("snapshots: the elastic propagator takes snapshots of 2-D models only, this one is "
                    + ndim + "-D");
        }
        return new VolumeSimulation(setup);
    }
}
