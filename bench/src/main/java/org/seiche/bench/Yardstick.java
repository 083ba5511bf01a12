package org.seiche.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How fast this machine runs at a given moment, measured by a hand-written plain C stencil
 * (accuracy 4, float32, no PML; compiled here with gcc and OpenMP). Deepwave's recorded
 * figures ({@link DeepwaveFigures}) carry this loop's speed measured beside them; the ratio
 * of now to then scales them to the machine as it is now (a shared or throttled machine runs
 * everything slower). The bench runs it beside every timed run, since this machine's speed
 * moves within minutes.
 */
final class Yardstick implements AutoCloseable {
    /** Time steps of one measurement, as when Deepwave's figures were recorded. */
    static final int STEPS = 1000;

    private final Path dir;
    private final String binary;
    private final String problem;

    private Yardstick(Path dir, String binary, String problem) {
        this.dir = dir;
        this.binary = binary;
        this.problem = problem;
    }

    /** Compiles the stencil; never fails, says why instead. */
    static Yardstick compile() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("seiche-yardstick");
            Path source = dir.resolve("plain-stencil.c");
            try (InputStream in = Yardstick.class.getResourceAsStream("plain-stencil.c")) {
                Files.copy(in, source);
            }
            Path binary = dir.resolve("plain-stencil");
            if (run(List.of("gcc", "-O3", "-march=native", "-fopenmp", "-o", binary.toString(), source.toString()), 1) == null) {
                return new Yardstick(dir, null, "no yardstick: gcc with OpenMP did not compile it");
            }
            return new Yardstick(dir, binary.toString(), null);
        } catch (IOException | RuntimeException e) {
            return new Yardstick(dir, null, "no yardstick: " + e.getMessage());
        }
    }

    /**
     * The stencil's Mcells/s now on a grid of cells x cells and this many threads, one run of
     * {@link #STEPS} steps as when the figures were recorded; NaN when it cannot run.
     */
    double measure(int cells, int threads) {
        if (binary == null) {
            return Double.NaN;
        }
        try {
            String out = run(List.of(binary, Integer.toString(cells), Integer.toString(STEPS), "1"), threads);
            return out == null ? Double.NaN : Double.parseDouble(out.strip());
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Why there is no yardstick, or null. */
    String problem() {
        return problem;
    }

    /** Runs a command with OMP_NUM_THREADS set; its stdout, or null when it failed. */
    private static String run(List<String> cmd, int threads) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return null;
        }
    }

    /** Deletes a temporary folder and what it holds, quietly. */
    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }

    @Override
    public void close() {
        delete(dir);
    }
}
