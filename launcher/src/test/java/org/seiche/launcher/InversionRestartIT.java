package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.io.Npy;

/**
 * An inversion killed mid-run and resumed ends on the very model (float64, to the bit) an
 * uninterrupted run gives, and that model does not depend on the number of threads.
 */
class InversionRestartIT {
    @TempDir
    static Path tmp;

    private static final String OBSERVED = """
            task: forward
            precision: float64
            model:
              spacing: 10.0
              parameters:
                v: {synthetic: {shape: [30, 60], layers: [{top: 0, value: 1600}, {top: 150, value: 2000}],
                                lens: {centre: [100, 300], radii: [30, 100], add: -150}}}
            propagator: {name: scalar, accuracy: 4, pml_width: [0, 10, 10, 10]}
            survey:
              dt: 0.002
              nt: 200
              sources:
                locations: {regular: {shots: 4, first: [1, 6], shot_step: [0, 16]}}
                wavelet: {type: ricker, freq: 12.0}
              receivers:
                locations: {regular: {shots: 4, per_shot: 30, first: [1, 0], step: [0, 2]}}
            output: observed
            """;

    private static final String INVERSION = """
            extends: observed.yaml
            task: invert
            model:
              parameters:
                v: {smooth: 60}
            observed: {file: observed/receiver_data.npy}
            inversion:
              parameters: [v]
              iterations: 10
              optimiser: {name: lbfgs}
            checkpoint: every 1
            output: out
            """;

    /** The data, and the uninterrupted inversion on two threads both tests compare with. */
    @BeforeAll
    static void dataAndTheUninterruptedRun() throws IOException {
        Files.writeString(tmp.resolve("observed.yaml"), OBSERVED);
        Files.writeString(tmp.resolve("invert.yaml"), INVERSION);
        Fwi.Outcome o = Fwi.runIn(tmp, "run", "observed.yaml", "--quiet");
        assertEquals(0, o.exit(), o.err());
        invert("whole", "--threads", "2");
    }

    private static Path invert(String out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "invert.yaml", "--out", out, "--quiet"));
        args.addAll(List.of(extra));
        Fwi.Outcome o = Fwi.runIn(tmp, args.toArray(String[]::new));
        assertEquals(0, o.exit(), o.err());
        return tmp.resolve(out);
    }

    private static double[] model(Path out) {
        return Npy.read(out.resolve("model_v.npy")).data();
    }

    @Test
    void aKilledInversionResumesToTheSameModel() throws IOException, InterruptedException {
        Path whole = tmp.resolve("whole");
        // a random moment after the first checkpoint, mid-iteration, mid-save, anywhere, but
        // well before the end: within half of what the rest took in the uninterrupted run
        // (a fixed bound fails once the kernels get fast enough to finish within it)
        double rest = iterationSeconds(whole).stream().skip(1).mapToDouble(Double::doubleValue).sum();
        Random random = new Random();
        for (int attempt = 0; ; attempt++) {
            String name = "cut" + attempt;
            long delay = (long) (random.nextDouble() * rest * 1000 / (2 << attempt));
            if (killAfterFirstCheckpoint(name, delay)) {
                System.out.println("killed " + delay + " ms after the first checkpoint");
                Path cut = invert(name, "--resume", "--threads", "2");
                assertArrayEquals(model(whole), model(cut), "killed " + delay + " ms after the first checkpoint");
                assertEquals(history(whole), history(cut));
                assertFalse(Files.exists(cut.resolve("checkpoint.old")), "no leftover checkpoint");
                return;
            }
            if (attempt == 2) {
                fail("the run finished within " + delay + " ms of its first checkpoint three times, before it was killed");
            }
        }
    }

    /** Starts the inversion into out and kills it delay ms after its first checkpoint; false when it finished first. */
    private static boolean killAfterFirstCheckpoint(String out, long delay) throws IOException, InterruptedException {
        Path cut = tmp.resolve(out);
        Path log = tmp.resolve(out + ".log");
        Process p = Fwi.start(tmp, log, "run", "invert.yaml", "--out", out, "--quiet", "--threads", "2");
        Path state = cut.resolve("checkpoint/state.bin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(state) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(Files.exists(state), "no checkpoint within 120 s: " + Files.readString(log));
        Thread.sleep(delay);
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        for (ProcessHandle h : tree) {
            h.onExit().join();
        }
        p.waitFor();
        return !Files.exists(cut.resolve("model_v.npy"));
    }

    /** The seconds of each iteration in history.json. */
    private static List<Double> iterationSeconds(Path out) throws IOException {
        Matcher m = Pattern.compile("\"seconds\"\\s*:\\s*([0-9.eE+-]+)").matcher(Files.readString(out.resolve("history.json")));
        List<Double> seconds = new java.util.ArrayList<>();
        while (m.find()) {
            seconds.add(Double.parseDouble(m.group(1)));
        }
        assertEquals(10, seconds.size(), "the seconds of the 10 iterations in history.json");
        return seconds;
    }

    @Test
    void theModelDoesNotDependOnTheNumberOfThreads() {
        assertArrayEquals(model(tmp.resolve("whole")), model(invert("one", "--threads", "1")));
    }

    /** The losses of history.json, which the resumed run carries over from the checkpoint. */
    private static String history(Path out) throws IOException {
        String h = Files.readString(out.resolve("history.json"));
        return h.substring(h.indexOf("\"loss\""), h.indexOf("]"));
    }
}
