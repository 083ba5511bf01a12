package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.Pipeline;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.io.Npy;
import org.seiche.wave.FlushToZero;

class PipelineServiceTest {
    @TempDir
    Path dir;

    @Test
    void gradientWritesEveryFileAndTheSummary() throws IOException {
        Pipeline runtime = PipelineTestSupport.runtime();
        Path p = PipelineTestSupport.pipeline(dir, "task: gradient\nprecision: float64\ngradient_wrt: [v]\n" + PipelineTestSupport.SURVEY);
        Pipeline.Result r = runtime.run(runtime.read(p));
        Path out = dir.resolve("out");
        assertTrue(Files.exists(out.resolve("receiver_data.npy")));
        assertTrue(Files.exists(out.resolve("gradient_v.npy")));
        String summary = Files.readString(out.resolve("summary.json"));
        for (String key : List.of("loss", "task", "propagator", "device", "threads", "subnormals", "seconds", "peak_memory_bytes")) {
            assertTrue(summary.contains("\"" + key + "\""), key + " in " + summary);
        }
        assertEquals(FlushToZero.SUBNORMALS, r.summary().get("subnormals"));
        NdArray data = Npy.read(out.resolve("receiver_data.npy"));
        assertArrayEquals(new int[] {3, 2, 8}, data.shape());
        // the loss reported and written is the mse of the data written against the observed data
        NdArray observed = Npy.read(dir.resolve("observed.npy"));
        double mse = 0;
        for (int i = 0; i < data.size(); i++) {
            mse += (data.data()[i] - observed.data()[i]) * (data.data()[i] - observed.data()[i]);
        }
        mse /= data.size();
        assertTrue(mse > 0, "the data differ from the observed data");
        assertEquals(mse, (double) r.summary().get("loss"), 1e-12 * mse);
        assertEquals(mse, Results.JSON.readTree(out.resolve("summary.json").toFile()).get("loss").asDouble(), 1e-12 * mse);
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(f -> f.getFileName().toString().contains("partial")), "no staging folder left");
        }
    }

    @Test
    void batchedGradientsEqualTheAllShotsGradient() throws IOException {
        Pipeline runtime = PipelineTestSupport.runtime();
        Path p = PipelineTestSupport.pipeline(dir, "task: gradient\nprecision: float64\ngradient_wrt: [v]\n" + PipelineTestSupport.SURVEY);
        PipelineSpec spec = runtime.read(p).toBuilder().output(null).build();
        Pipeline.Result all = runtime.run(spec);
        Pipeline.Result batched = runtime.run(spec.toBuilder().shotsPerBatch(1).build());
        NdArray a = all.arrays().get("gradient_v");
        NdArray b = batched.arrays().get("gradient_v");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.data()[i], b.data()[i], 1e-12 * Math.abs(a.data()[i]) + 1e-300);
        }
        assertEquals((double) all.summary().get("loss"), (double) batched.summary().get("loss"), 1e-15);
        assertEquals(3, batched.summary().get("batches"));
    }

    @Test
    void badFieldsAreNamed() throws IOException {
        Pipeline runtime = PipelineTestSupport.runtime();
        Path p = PipelineTestSupport.pipeline(dir, "task: gradient\ngradient_wrt: [w]\n" + PipelineTestSupport.SURVEY);
        SeicheException e = assertThrows(SeicheException.class, () -> runtime.run(runtime.read(p)));
        assertTrue(e.getMessage().startsWith("gradient_wrt: 'w'"), e.getMessage());
        Path q = PipelineTestSupport.pipeline(dir, "task: forward\n" + PipelineTestSupport.SURVEY.replace("dt: 0.01", "dt: -1"));
        e = assertThrows(SeicheException.class, () -> runtime.read(q));
        assertTrue(e.getMessage().startsWith("survey.dt: must be positive"), e.getMessage());
        Path r = PipelineTestSupport.pipeline(dir, "task: fly\n" + PipelineTestSupport.SURVEY);
        e = assertThrows(SeicheException.class, () -> runtime.read(r));
        assertTrue(e.getMessage().startsWith("task: 'fly'"), e.getMessage());
        Path s = PipelineTestSupport.pipeline(dir, "task: forward\n" + PipelineTestSupport.SURVEY.replace("receivers:\n", "receivers:\n    component: y\n")
                .replace("locations: [[[1, 0], [2, 2]], [[1, 1], [2, 1]], [[1, 2], [2, 0]]]", "locations: [[[1, 0]], [[1, 1], [2, 1]]]"));
        e = assertThrows(SeicheException.class, () -> runtime.read(s));
        assertTrue(e.getMessage().contains("ragged"), e.getMessage());
    }

    @Test
    void modelTaskWritesTheModelAsReadWithItsPicture() throws IOException {
        Pipeline runtime = PipelineTestSupport.runtime();
        Path p = PipelineTestSupport.pipeline(dir, """
                task: model
                precision: float64
                model:
                  spacing: 10.0
                  parameters:
                    v: {synthetic: {shape: [4, 6], layers: [{top: 0, value: 1500}, {top: 20, value: 2500}]}}
                output: generated
                """);
        Pipeline.Result r = runtime.run(runtime.read(p));
        NdArray v = Npy.read(dir.resolve("generated/model_v.npy"));
        assertArrayEquals(new int[] {4, 6}, v.shape());
        assertEquals(2500, v.data()[23]);
        assertTrue(Files.exists(dir.resolve("generated/model_v.png")));
        assertEquals(java.util.Map.of("min", 1500.0, "max", 2500.0),
                ((java.util.Map<?, ?>) r.summary().get("parameters")).get("v"));
    }

    @Test
    void codeBuiltPipelinesTakeServiceInstances() throws IOException {
        PipelineService runtime = new PipelineService();
        runtime.addDevice(new org.seiche.device.cpu.CpuDevice(1), java.util.Map.of());
        Path p = PipelineTestSupport.pipeline(dir, "task: forward\n" + PipelineTestSupport.SURVEY);
        PipelineSpec spec = runtime.read(p).toBuilder().propagator(new LinearPropagator()).output(null)
                .precision(Precision.FLOAT64).build();
        Pipeline.Result r = runtime.run(spec);
        assertArrayEquals(new int[] {3, 2, 8}, r.arrays().get("receiver_data").shape());
    }
}
