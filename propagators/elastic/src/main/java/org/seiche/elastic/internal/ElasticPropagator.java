package org.seiche.elastic.internal;

import java.util.List;
import java.util.Set;

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
import org.seiche.elastic.ElasticKernel;
import org.seiche.elastic.ElasticTap;
import org.seiche.elastic.cpu.CpuElasticKernel;

/**
 * The 2-D isotropic elastic propagator (velocity-stress, staggered grid, C-PML) of
 * docs/elastic.md. Cells whose properties are zero are vacuum: a free surface, flat or with
 * topography, is made by the improved vacuum method, with zero-property cells above it. A
 * side of PML width 0 reflects (v normal to it and the shear stress vanish beyond it), as in
 * Deepwave since 0.0.23, which also asks for vacuum cells to make a free surface. Its kernel
 * is the registered {@link ElasticKernel} for the run's device, or the built-in CPU kernel.
 */
@Component(service = Propagator.class, property = "propagator.name=elastic")
public final class ElasticPropagator implements Propagator {
    private static final ElasticKernel BUILT_IN = new CpuElasticKernel();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ElasticKernel> kernels = List.of();

    @Override
    public String name() {
        return "elastic";
    }

    @Override
    public Set<String> parameterNames() {
        return ParameterSet.allNames();
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
        ElasticKernel kernel = kernels.stream().filter(k -> k.deviceName().equals(device)).findFirst().orElse(BUILT_IN);
        if (setup.snapshots() != null) {
            setup.snapshots().check(name(), ElasticTap.fieldNames(), setup.survey().shots());
            if (!(kernel instanceof CpuElasticKernel)) {
                throw new SeicheException("snapshots: the elastic kernel of device " + device + " takes none (use device cpu)");
            }
        }
        return new ElasticSimulation(setup, kernel);
    }
}
