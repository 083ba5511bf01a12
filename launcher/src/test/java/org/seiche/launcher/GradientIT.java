package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.io.Npy;

/** Gradients through ./fwi: independent of batching and of the number of threads. */
class GradientIT {
    @TempDir
    Path tmp;

    private static final String PIPELINE = """
            task: gradient
            precision: float64
            model:
              spacing: 5.0
              parameters:
                v: {constant: 1800.0, shape: [30, 40]}
            propagator: {name: scalar, accuracy: 4, pml_width: [0, 10, 10, 10]}
            survey:
              dt: 0.001
              nt: 120
              sources:
                locations: [[[0, 5]], [[0, 15]], [[0, 25]], [[0, 35]]]
                wavelet: {type: ricker, freq: 25.0}
              receivers:
                locations: [[[0, 10], [0, 30]], [[0, 12], [0, 32]], [[0, 14], [0, 34]], [[0, 16], [0, 36]]]
            observed: {constant: 0.001, shape: [4, 2, 120]}
            gradient_wrt: [v, source_amplitudes]
            """;

    private Path run(String name, String extra, String... args) throws IOException {
        return runPipeline(name, PIPELINE, extra, args);
    }

    private Path runPipeline(String name, String pipeline, String extra, String... args) throws IOException {
        Path p = tmp.resolve(name + ".yaml");
        Files.writeString(p, pipeline + extra);
        Path out = tmp.resolve(name);
        String[] all = new String[args.length + 5];
        all[0] = "run";
        all[1] = p.toString();
        all[2] = "--out";
        all[3] = out.toString();
        all[4] = "--quiet";
        System.arraycopy(args, 0, all, 5, args.length);
        Fwi.Outcome o = Fwi.run(all);
        assertEquals(0, o.exit(), o.err());
        return out;
    }

    @Test
    void batchedGradientEqualsTheAllShotsGradient() throws IOException {
        Path all = run("all", "");
        Path batched = run("batched", "shots_per_batch: 1\n");
        for (String f : new String[] {"gradient_v.npy", "gradient_source_amplitudes.npy", "receiver_data.npy"}) {
            NdArray a = Npy.read(all.resolve(f));
            NdArray b = Npy.read(batched.resolve(f));
            double rel = ReferenceCasesIT.relativeL2(b.data(), a.data());
            assertTrue(rel < 1e-6, f + " rel " + rel);
        }
        assertTrue(Files.readString(batched.resolve("summary.json")).contains("\"batches\" : 4"));
        assertTrue(peakBytes(batched) < peakBytes(all), "peak memory falls with the batch size: " + peakBytes(batched)
                + " batched vs " + peakBytes(all));
    }

    /** Born (the RTM image and the velocity gradient) accumulates over batches as exactly as scalar. */
    @Test
    void batchedBornGradientEqualsTheAllShotsGradient() throws IOException {
        String born = PIPELINE.replace("v: {constant: 1800.0, shape: [30, 40]}",
                        "v: {constant: 1800.0, shape: [30, 40]}\n    scatter: {constant: 20.0, shape: [30, 40]}")
                .replace("name: scalar", "name: born").replace("gradient_wrt: [v, source_amplitudes]", "gradient_wrt: [scatter, v]");
        Path all = runPipeline("born-all", born, "");
        Path batched = runPipeline("born-batched", born, "batches: 2\n");
        for (String f : new String[] {"gradient_scatter.npy", "gradient_v.npy", "receiver_data.npy"}) {
            double rel = ReferenceCasesIT.relativeL2(Npy.read(batched.resolve(f)).data(), Npy.read(all.resolve(f)).data());
            assertTrue(rel < 1e-6, f + " rel " + rel);
        }
        assertTrue(peakBytes(batched) < peakBytes(all), "peak memory falls with the batch size");
    }

    /** propagator option background_data: Born also writes receiver_data_background.npy, the scalar data of v. */
    @Test
    void bornWritesTheBackgroundDataWhenAsked() throws IOException {
        String forward = PIPELINE.replace("task: gradient", "task: forward");
        Path scalar = runPipeline("scalar-forward", forward, "");
        String born = forward.replace("v: {constant: 1800.0, shape: [30, 40]}",
                        "v: {constant: 1800.0, shape: [30, 40]}\n    scatter: {constant: 20.0, shape: [30, 40]}")
                .replace("name: scalar,", "name: born, background_data: true,");
        Path out = runPipeline("born-background", born, "");
        NdArray background = Npy.read(out.resolve("receiver_data_background.npy"));
        NdArray expected = Npy.read(scalar.resolve("receiver_data.npy"));
        assertEquals(expected.shapeString(), background.shapeString());
        assertTrue(ReferenceCasesIT.relativeL2(background.data(), expected.data()) < 1e-12, "background = scalar data");
    }

    private static long peakBytes(Path out) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"peak_memory_bytes\" : (\\d+)")
                .matcher(Files.readString(out.resolve("summary.json")));
        assertTrue(m.find(), "peak_memory_bytes in summary.json");
        return Long.parseLong(m.group(1));
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws IOException {
        Path one = run("one", "", "--threads", "1");
        Path two = run("two", "", "--threads", "2");
        for (String f : new String[] {"gradient_v.npy", "gradient_source_amplitudes.npy", "receiver_data.npy"}) {
            assertArrayEquals(Npy.read(one.resolve(f)).data(), Npy.read(two.resolve(f)).data(), f);
        }
    }
}
