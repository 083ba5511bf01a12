package org.seiche.pipeline.inversion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.Optimiser;
import org.seiche.api.Pipeline;
import org.seiche.io.Npy;
import org.seiche.pipeline.PipelineTestSupport;
import org.seiche.pipeline.PipelineService;

/**
 * No model with a higher loss than the iteration started from is kept, whatever the optimiser
 * returns: the run ends there, with the reason in history.json and summary.json, and says
 * whether it had converged (a zero gradient or loss, or a tiny one relative to the first).
 */
class StopTest {
    @TempDir
    Path dir;

    /** Steps by -lr g, as far as asked, without looking at the loss (a third-party optimiser could). */
    private static final class Blind implements Optimiser {
        @Override
        public String name() {
            return "blind";
        }

        @Override
        public java.util.Set<String> options() {
            return java.util.Set.of("lr");
        }

        @Override
        public Run start(Map<String, Object> config, int size) {
            double lr = ((Number) config.get("lr")).doubleValue();
            return (PipelineTestSupport.Stateless) (x, atX, objective) -> {
                double[] next = x.clone();
                for (int i = 0; i < x.length; i++) {
                    next[i] -= lr * atX.gradient()[i];
                }
                return next;
            };
        }
    }

    private Pipeline.Result invert(double lr, int iterations) throws IOException {
        if (!Files.exists(dir.resolve("v.npy"))) {
            PipelineTestSupport.writeInputs(dir);
        }
        PipelineService runtime = InversionTestSupport.runtime();
        runtime.addOptimiser(new Blind(), Map.of());
        Files.writeString(dir.resolve("invert.yaml"), "task: invert\nprecision: float64\ninversion:\n  iterations: "
                + iterations + "\n  optimiser: {name: blind, lr: " + lr + "}\ngradient_wrt: [v]\n" + PipelineTestSupport.SURVEY);
        return runtime.run(runtime.read(dir.resolve("invert.yaml")));
    }

    @Test
    void aStepThatRaisesTheLossIsNotKeptAndEndsTheRunUnconverged() throws IOException {
        // a step of 100 times the gradient overshoots the stand-in's minimum by far
        Pipeline.Result r = invert(100, 4);
        Map<?, ?> stopped = (Map<?, ?>) r.summary().get("stopped");
        assertEquals(1, stopped.get("iteration"));
        assertEquals(false, stopped.get("converged"));
        assertTrue(((String) stopped.get("reason")).startsWith("iteration 1: blind returned a model whose loss "),
                (String) stopped.get("reason"));
        assertArrayEquals(Npy.read(dir.resolve("v.npy")).data(), Npy.read(dir.resolve("out/model_v.npy")).data(),
                "the start model, the best seen, is kept");
        var history = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("out/history.json").toFile());
        assertEquals(0, history.get("iterations").size(), "no iteration kept a model");
        assertEquals(1, history.get("stopped").get("iteration").asInt());
        assertEquals(0, r.summary().get("iterations_done"));
    }

    @Test
    void aRunAtTheMinimumStopsConvergedAtOnce() throws IOException {
        // observed data of the start model itself: loss and gradient are zero, no step lowers the loss, and that is success
        PipelineTestSupport.writeInputs(dir);
        PipelineService runtime = InversionTestSupport.runtime();
        Files.writeString(dir.resolve("start.yaml"), "task: forward\nprecision: float64\noutput: start\n"
                + PipelineTestSupport.SURVEY);
        runtime.run(runtime.read(dir.resolve("start.yaml")));
        Files.copy(dir.resolve("start/receiver_data.npy"), dir.resolve("observed.npy"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Pipeline.Result r = invert(0.2, 5);
        Map<?, ?> stopped = (Map<?, ?>) r.summary().get("stopped");
        assertEquals(true, stopped.get("converged"), stopped.toString());
        assertEquals("iteration 1: blind found no step that lowers the loss below 0.000000e+00; converged: the loss is zero",
                stopped.get("reason"));
        assertEquals(0.0, r.summary().get("loss"));
    }
}
