package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.Pipeline;
import org.seiche.api.PipelineSpec;
import org.seiche.io.Npy;
import org.seiche.pipeline.inversion.InversionTestSupport;

/** Inversions run through the pipeline runtime with the inversion loop plugged in. */
class InversionRunTest {
    @TempDir
    Path dir;

    @Test
    void resumedInversionEndsWhereAnUninterruptedOneDoes() throws IOException {
        Pipeline runtime = InversionTestSupport.runtime();
        String inversion = """
                task: invert
                precision: float64
                inversion:
                  parameters: [v]
                  iterations: 4
                  mappings:
                    - {name: scale, factor: 2.0}
                  optimiser: {name: descent, lr: 0.5}
                checkpoint: every 1
                """;
        Path p = PipelineTestSupport.pipeline(dir, inversion + PipelineTestSupport.SURVEY);
        PipelineSpec spec = runtime.read(p);
        runtime.run(spec.toBuilder().output(dir.resolve("whole")).build());
        runtime.run(spec.toBuilder().output(dir.resolve("cut")).inversion(withIterations(spec, 2)).build());
        // as a run killed between putting its last checkpoint in place and removing the one before leaves it
        Path old = Files.createDirectories(dir.resolve("cut/checkpoint.old"));
        Files.copy(dir.resolve("cut/checkpoint/state.bin"), old.resolve("state.bin"));
        runtime.run(spec.toBuilder().output(dir.resolve("cut")).resume(true).build());
        assertFalse(Files.exists(old), "the leftover checkpoint is gone");
        NdArray whole = Npy.read(dir.resolve("whole/model_v.npy"));
        NdArray resumed = Npy.read(dir.resolve("cut/model_v.npy"));
        assertArrayEquals(whole.data(), resumed.data());
        assertTrue(Files.exists(dir.resolve("whole/iterations/model_v_0004.npy")));
        String history = Files.readString(dir.resolve("whole/history.json"));
        assertTrue(history.contains("\"gradient_norm\""), history);
        NdArray start = Npy.read(dir.resolve("v.npy"));
        assertFalse(java.util.Arrays.equals(start.data(), whole.data()), "the model moved");
    }

    @Test
    void inversionHistoryCountsEvaluationsAndTheModelErrorAndPicturesAreWritten() throws IOException {
        Pipeline runtime = InversionTestSupport.runtime();
        // observed data of a true model, so that the inversion can approach it
        Path truth = dir.resolve("truth");
        Path f = PipelineTestSupport.pipeline(dir, "task: forward\nprecision: float64\noutput: truth\n"
                + PipelineTestSupport.SURVEY.replace("{file: v.npy}", "{constant: 1.5, shape: [3, 3]}"));
        runtime.run(runtime.read(f));
        Files.copy(truth.resolve("receiver_data.npy"), dir.resolve("observed.npy"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("invert.yaml"), """
                task: invert
                precision: float64
                inversion:
                  iterations: 3
                  optimiser: {name: descent, lr: 0.05}
                  true_model: {v: {constant: 1.5, shape: [3, 3]}}
                gradient_wrt: [v]
                """ + PipelineTestSupport.SURVEY);
        Pipeline.Result r = runtime.run(runtime.read(dir.resolve("invert.yaml")));
        Path out = dir.resolve("out");
        var history = Results.JSON.readTree(out.resolve("history.json").toFile()).get("iterations");
        assertEquals(3, history.size());
        double previous = 1;
        int iteration = 0;
        for (var h : history) {
            // the point kept is evaluated (to check it lowers the loss) and the next iteration starts there
            assertEquals(iteration++ == 0 ? 2 : 1, h.get("evaluations").asInt(), "evaluations: " + history);
            double error = h.get("model_error").asDouble();
            assertTrue(error < previous, "the model error falls: " + history);
            previous = error;
        }
        assertEquals(previous, (double) r.summary().get("model_error"), 0);
        for (String file : List.of("loss.png", "model_v.png", "model_v.npy", "iterations/gradient_v_0003.png",
                "iterations/model_v_0003.png", "iterations/residual_0003.png")) {
            assertTrue(Files.exists(out.resolve(file)), file);
        }
    }

    @Test
    void gradientWithAnInversionBlockAlsoWritesTheMappedGradient() throws IOException {
        Pipeline runtime = InversionTestSupport.runtime();
        Path p = PipelineTestSupport.pipeline(dir, "task: gradient\nprecision: float64\ngradient_wrt: [v]\n"
                + "inversion: {mappings: [{name: scale, factor: 3.0}]}\n" + PipelineTestSupport.SURVEY);
        runtime.run(runtime.read(p));
        NdArray g = Npy.read(dir.resolve("out/gradient_v.npy"));
        NdArray mapped = Npy.read(dir.resolve("out/mapped_gradient_v.npy"));
        for (int i = 0; i < g.size(); i++) {
            assertEquals(3 * g.data()[i], mapped.data()[i], 1e-12 * Math.abs(g.data()[i]));
        }
        assertTrue(Files.exists(dir.resolve("out/mapped_gradient_v.png")));
        assertTrue(Files.exists(dir.resolve("out/gradient_v.png")));
        assertTrue(Files.exists(dir.resolve("out/receiver_data.png")));
    }

    private static org.seiche.api.InversionSpec withIterations(PipelineSpec spec, int n) {
        var i = spec.inversion();
        return new org.seiche.api.InversionSpec(i.parameters(), n, i.shotsPerBatch(), i.mode(), i.mappings(), i.optimiser(),
                i.optimiserConfig(), i.checkpointEvery());
    }
}
