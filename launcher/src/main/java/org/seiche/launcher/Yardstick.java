package org.seiche.launcher;

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
 * How fast this machine runs today, measured by a hand-written plain C stencil (accuracy 4,
 * float32, the benchmark's padded grid; compiled here with gcc and OpenMP). The issues
 * measured Deepwave next to this same kind of loop when it ran at {@link #THEN_ONE_THREAD}
 * and {@link #THEN_TWO_THREADS} Mcells/s; the ratio of now to then scales their figures to
 * the machine as it is now (a shared or throttled machine runs everything slower).
 */
final class Yardstick {
    static final double THEN_ONE_THREAD = 3350;
    static final double THEN_TWO_THREADS = 5900;

    private final double oneThread;
    private final double twoThreads;
    private final String problem;

    private Yardstick(double oneThread, double twoThreads, String problem) {
        this.oneThread = oneThread;
        this.twoThreads = twoThreads;
        this.problem = problem;
    }

    /** Compiles and runs the stencil on a grid of cells x cells for steps steps; never fails, says why instead. */
    static Yardstick measure(int cells, int steps) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("seiche-yardstick");
            Path source = dir.resolve("plain-stencil.c");
            try (InputStream in = Yardstick.class.getResourceAsStream("plain-stencil.c")) {
                Files.copy(in, source);
            }
            Path binary = dir.resolve("plain-stencil");
            String compiled = run(List.of("gcc", "-O3", "-march=native", "-fopenmp", "-o", binary.toString(), source.toString()), 1);
            if (compiled == null) {
                return new Yardstick(Double.NaN, Double.NaN, "no yardstick: gcc with OpenMP did not compile it");
            }
            List<String> cmd = List.of(binary.toString(), Integer.toString(cells), Integer.toString(steps));
            double one = Double.parseDouble(run(cmd, 1).strip());
            double two = Double.parseDouble(run(cmd, 2).strip());
            return new Yardstick(one, two, null);
        } catch (IOException | RuntimeException e) {
            return new Yardstick(Double.NaN, Double.NaN, "no yardstick: " + e.getMessage());
        } finally {
            delete(dir);
        }
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

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }

    /** Today's speed over the speed then, for a figure measured with this many threads (NaN without a yardstick). */
    double scale(int threads) {
        return threads <= 1 ? oneThread / THEN_ONE_THREAD : twoThreads / THEN_TWO_THREADS;
    }

    String describe() {
        if (problem != null) {
            return problem + "; Deepwave's figures are shown as measured";
        }
        return String.format("yardstick (plain C stencil): %.0f Mcells/s on 1 thread, %.0f on 2 (when Deepwave was measured: "
                + "%.0f, %.0f); Deepwave's figures scaled by %.2f and %.2f to today", oneThread, twoThreads, THEN_ONE_THREAD,
                THEN_TWO_THREADS, scale(1), scale(2));
    }
}
