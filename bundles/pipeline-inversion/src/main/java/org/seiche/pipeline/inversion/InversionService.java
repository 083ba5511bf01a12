package org.seiche.pipeline.inversion;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Mapping;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.ShotExecutor;
import org.seiche.pipeline.InversionLoop;
import org.seiche.pipeline.Runner;
import org.seiche.pipeline.file.ShotModels;

/** The inversion loop as the pipeline runtime finds it: task invert, and the start point of an inversion block. */
@Component(service = InversionLoop.class)
public final class InversionService implements InversionLoop {
    @Override
    public Runner.Outcome invert(PipelineSpec spec, Runner.Prepared prepared, ShotExecutor.Session shots) {
        return new Inversion(spec, prepared, shots).run();
    }

    @Override
    public StartPoint start(PipelineSpec spec, List<Mapping> mappings) {
        Chains chains = new Chains(spec, mappings);
        double[] x0 = chains.start();
        ShotModels.Split model = chains.toModel(x0);
        return new StartPoint() {
            @Override
            public ShotModels.Split model() {
                return model;
            }

            @Override
            public Map<String, NdArray> mapped(Map<String, NdArray> gradients) {
                double[] g = chains.toInversionGradient(x0, gradients);
                Map<String, NdArray> out = new java.util.LinkedHashMap<>();
                for (int k = 0; k < chains.parameters().size(); k++) {
                    out.put(chains.parameters().get(k), chains.slice(g, k));
                }
                return out;
            }
        };
    }
}
