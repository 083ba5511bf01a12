package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seiche.api.NdArray;
import org.seiche.api.Pipeline;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.io.Npy;
import org.seiche.losses.MeanSquaredError;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.scalar.cpu.CpuScalarKernel;

/**
 * propagator.storage through the pipeline: the keys are checked where they stand, a budget
 * alone picks the mode and says so (stderr and summary.json), and a gradient is the same to
 * the bit in every mode.
 */
class StorageTest {
    @TempDir
    Path dir;

    private static PipelineService runtime() {
        PipelineService p = new PipelineService();
        p.addPropagator(new ScalarPropagator(new CpuScalarKernel()), Map.of());
        p.addDevice(new CpuDevice(2), Map.of());
        p.addLoss(new MeanSquaredError(), Map.of());
        return p;
    }

    private PipelineSpec read(String propagator) throws IOException {
        NdArray v = NdArray.filled(1800, 20, 30);
        for (int i = 10 * 30; i < v.size(); i++) {
            v.data()[i] = 2200;
        }
        Npy.write(dir.resolve("v.npy"), v, Precision.FLOAT64);
        double[] obs = new double[2 * 3 * 80];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = 1e-3 * Math.sin(i * 0.3);
        }
        Npy.write(dir.resolve("observed.npy"), new NdArray(new int[] {2, 3, 80}, obs), Precision.FLOAT64);
        String yaml = """
                task: gradient
                precision: float32
                gradient_wrt: [v]
                model: {spacing: 5.0, parameters: {v: {file: v.npy}}}
                propagator: %s
                survey:
                  dt: 0.001
                  nt: 80
                  sources:
                    locations: [[[3, 8]], [[3, 16]]]
                    wavelet: {type: ricker, freq: 25.0, peak_time: 0.04}
                  receivers:
                    locations: [[[4, 4], [4, 12], [4, 20]], [[4, 6], [4, 14], [4, 22]]]
                observed: {file: observed.npy}
                device: cpu
                """.formatted(propagator);
        Path p = dir.resolve("pipeline.yaml");
        Files.writeString(p, yaml);
        return runtime().read(p).toBuilder().output(null).build();
    }

    private Pipeline.Result run(String storage) throws IOException {
        return runtime().run(read("{name: scalar, accuracy: 4, pml_width: 6" + storage + "}"));
    }

    private static NdArray gradient(Pipeline.Result r) {
        return r.arrays().get("gradient_v");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> storage(Pipeline.Result r) {
        return (Map<String, Object>) r.summary().get("storage");
    }

    @Test
    void everyModeGivesTheGradientOfMemoryModeAndSaysItsPlan() throws IOException {
        Pipeline.Result memory = run("");
        assertEquals(Map.of("mode", "memory", "compression", "none", "snapshots", 0, "recomputed_steps", 0L), storage(memory));
        long memoryEstimate = ((Number) memory.summary().get("memory_estimate_bytes")).longValue();

        Path steps = dir.resolve("steps");
        Pipeline.Result disk = run(", storage: {mode: disk, directory: " + steps + "}");
        assertArrayEquals(gradient(memory).data(), gradient(disk).data(), "disk");
        assertEquals("disk", storage(disk).get("mode"));
        try (Stream<Path> left = Files.list(steps)) {
            assertEquals(0, left.count(), "disk mode leaves no file");
        }

        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Pipeline.Result checkpoint;
        try {
            System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
            // about a padded grid of (20 + 2 x 8) x (30 + 2 x 8) cells: 2 shots of 11 field arrays and 7 snapshots of 6
            checkpoint = run(", storage: {memory: " + 2 * (11 + 7 * 6) * 36 * 46 * 4 + " B}");
        } finally {
            System.setErr(err);
        }
        assertArrayEquals(gradient(memory).data(), gradient(checkpoint).data(), "checkpoint");
        Map<String, Object> plan = storage(checkpoint);
        assertEquals("checkpoint", plan.get("mode"));
        int snapshots = (Integer) plan.get("snapshots");
        assertTrue(snapshots > 2 && snapshots < 80, plan.toString());
        assertTrue(((Number) plan.get("recomputed_steps")).longValue() > 80, plan.toString());
        assertTrue(said.toString(StandardCharsets.UTF_8).startsWith("storage: checkpoint (" + snapshots + " snapshots, "),
                said.toString());
        assertTrue(((Number) checkpoint.summary().get("memory_estimate_bytes")).longValue() < memoryEstimate,
                "checkpointing plans less memory");

        Pipeline.Result chosen = run(", storage: {memory: 1 GB}");
        assertEquals("memory", storage(chosen).get("mode"), "a budget that holds every step keeps them in memory");
        assertArrayEquals(gradient(memory).data(), gradient(chosen).data());
    }

    @Test
    void compressedStepsGiveACloseGradient() throws IOException {
        NdArray exact = gradient(run(""));
        for (String c : new String[] {"bf16", "int8"}) {
            for (String mode : new String[] {"memory", "disk"}) {
                Pipeline.Result r = run(", storage: {mode: " + mode + ", compression: " + c + "}");
                double rel = relativeL2(gradient(r), exact);
                assertTrue(rel > 0 && rel < (c.equals("bf16") ? 5e-3 : 3e-2), c + " " + mode + ": rel-L2 " + rel);
                assertEquals(c, storage(r).get("compression"));
            }
        }
    }

    static double relativeL2(NdArray a, NdArray b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.size(); i++) {
            num += (a.data()[i] - b.data()[i]) * (a.data()[i] - b.data()[i]);
            den += b.data()[i] * b.data()[i];
        }
        return Math.sqrt(num / den);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {mode: tape}                          | propagator.storage.mode: unknown value 'tape' (known: memory, disk, checkpoint, none)
            {memory: lots}                        | propagator.storage.memory: expected a size such as 2 GB or 500 MB, got 'lots'
            {compression: int8}                   | propagator.storage: give mode (memory, disk, checkpoint or none) or memory (a budget such as 2 GB) to choose one by
            {mode: checkpoint}                    | propagator.storage.memory: checkpoint mode needs a budget to choose its snapshots by
            {mode: checkpoint, memory: 1 GB, compression: int8} | propagator.storage.compression: applies to modes memory and disk, not checkpoint
            {mode: memory, directory: /tmp}       | propagator.storage.directory: applies to mode disk, not memory
            {mode: none}                          | propagator.storage.mode: none keeps nothing for an adjoint; the gradient task needs memory, disk or checkpoint
            {mode: checkpoint, memory: 10 kB}     | propagator.storage.memory: checkpointing needs at least
            {mode: memory, memory: 100 kB}        | propagator.storage.memory: memory mode stores
            """)
    void badStorageIsRefusedNamingTheKey(String storage, String message) {
        SeicheException e = assertThrows(SeicheException.class, () -> run(", storage: " + storage));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aPropagatorThatKeepsItsStepsInMemoryRefusesOtherModes() throws IOException {
        Path p = PipelineTestSupport.pipeline(dir, "task: gradient\ngradient_wrt: [v]\n" + PipelineTestSupport.SURVEY.replace(
                "propagator: {name: linear}", "propagator: {name: linear, storage: {mode: disk}}"));
        PipelineService runtime = PipelineTestSupport.runtime();
        PipelineSpec spec = runtime.read(p).toBuilder().output(null).build();
        SeicheException e = assertThrows(SeicheException.class, () -> runtime.run(spec));
        assertTrue(e.getMessage().startsWith("propagator.storage: the linear propagator on device cpu does not give mode disk "
                + "for this model (it keeps its stored steps in memory, uncompressed)"), e.getMessage());
    }
}
