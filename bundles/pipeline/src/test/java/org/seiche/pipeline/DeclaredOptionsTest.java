package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.InversionSpec;
import org.seiche.api.Named;
import org.seiche.api.PipelineSpec;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.SeicheException;
import org.seiche.pipeline.file.PipelineKeysTest;
import org.seiche.pipeline.file.Services;

/** The runner holds a pipeline built in code to the options its services declare, as the reader holds a file. */
class DeclaredOptionsTest {
    @TempDir
    Path dir;

    /** The runtime with every built-in service, as ./fwi has it. */
    private static PipelineService runtime() {
        PipelineService p = new PipelineService();
        Services all = PipelineKeysTest.services();
        all.propagators.values().forEach(x -> p.addPropagator(x, Map.of()));
        all.devices.values().forEach(x -> p.addDevice(x, Map.of()));
        all.losses.values().forEach(x -> p.addLoss(x, Map.of()));
        all.mappings.values().forEach(x -> p.addMapping(x, Map.of()));
        all.optimisers.values().forEach(x -> p.addOptimiser(x, Map.of()));
        return p;
    }

    private Path write(String yaml) throws IOException {
        Path p = dir.resolve("pipeline.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    /** A pipeline built in code is held to the options its services declare, before any propagation. */
    @Test
    void aSpecBuiltInCodeIsHeldToTheDeclaredOptions() throws IOException {
        PipelineService runtime = runtime();
        PipelineSpec spec = runtime.read(write(PipelineKeysTest.CONTRACT_FORWARD.replace("task: forward", "task: gradient")
                + "observed: {constant: 0.0, shape: [1, 1, 20]}\ngradient_wrt: [v]\n")).toBuilder().output(null).build();
        SeicheException e = assertThrows(SeicheException.class, () -> runtime.run(spec.toBuilder()
                .settings(new PropagatorSettings(4, new int[] {5}, 25, Double.NaN, 1, Map.of("backgrund_data", "true")))
                .build()));
        assertEquals("propagator.backgrund_data: unknown key (known for propagator scalar: accuracy, "
                + "gradient_sampling_interval, max_vel, name, pml_freq, pml_width, storage)", e.getMessage());
        InversionSpec bounds = new InversionSpec(List.of("v"), 1, 0, "accumulate",
                List.of(new InversionSpec.MappingUse(Named.of("bounds"), Map.of("min", 1000.0, "maxx", 3000.0))),
                Named.of("lbfgs"), Map.of(), 1);
        e = assertThrows(SeicheException.class, () -> runtime.run(spec.toBuilder().task("invert").inversion(bounds).build()));
        assertEquals("inversion.mappings[0].maxx: unknown key, did you mean max? (known for mapping bounds: max, min, name, "
                + "parameter)", e.getMessage());
        InversionSpec sgd = new InversionSpec(List.of("v"), 1, 0, "accumulate", List.of(), Named.of("sgd"),
                Map.of("lr", 1.0, "momentun", 0.9), 1);
        e = assertThrows(SeicheException.class, () -> runtime.run(spec.toBuilder().task("invert").inversion(sgd).build()));
        assertEquals("inversion.optimiser.momentun: unknown key, did you mean momentum? (known for optimiser sgd: lr, "
                + "momentum, name)", e.getMessage());
    }
}
