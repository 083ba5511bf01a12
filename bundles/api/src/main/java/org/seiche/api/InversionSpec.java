package org.seiche.api;

import java.util.List;
import java.util.Map;

/**
 * The inversion block of a pipeline: which parameters are inverted, for how many
 * iterations, in which shot batches and mode, through which mapping chain, by which
 * optimiser, and how often a checkpoint is written.
 */
public record InversionSpec(List<String> parameters, int iterations, int shotsPerBatch, String mode,
                            List<MappingUse> mappings, Named<Optimiser> optimiser, Map<String, Object> optimiserConfig,
                            int checkpointEvery) {
    public InversionSpec {
        parameters = List.copyOf(parameters);
        mappings = List.copyOf(mappings);
        optimiserConfig = Map.copyOf(optimiserConfig);
    }

    /** One mapping of the chain with its configuration. */
    public record MappingUse(Named<Mapping> mapping, Map<String, Object> config) {
        public MappingUse {
            config = Map.copyOf(config);
        }
    }
}
