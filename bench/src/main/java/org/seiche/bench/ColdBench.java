package org.seiche.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.seiche.api.SeicheException;

/**
 * What a user's single run costs: fresh {@code ./fwi run} processes of the perf cases (the
 * inputs Deepwave was timed on), the process wall measured here and the compute seconds
 * from {@code summary.json}, each run between two runs of the yardstick on the grid and
 * threads of the case's Deepwave figure, so that the figure can be scaled to the machine
 * as it was during that run. Repeats go round all cases in turn; the medians count.
 */
final class ColdBench implements Callable<Integer> {
    /** The rows Deepwave was recorded on that issues 16 and 18 (the 3-D ones) set targets for. */
    static final List<String> DEFAULT_CASES = List.of("scalar_fwd_a4", "scalar_fwd_a4_4shots", "scalar_grad_a4",
            "scalar_grad_a4_4shots", "born_fwd_a4", "born_grad_a4", "elastic_fwd_a4", "elastic_grad_a4", "hessian_example",
            "fwi_example_grad", "scalar3d_fwd_a4", "scalar3d_fwd_a4_4shots", "scalar3d_grad_a4");

    private final Path home;
    private final DeepwaveFigures figures;
    private final List<String> cases;
    private final int repeats;
    private final boolean noYardstick;
    private final Map<String, Map<String, String>> variants;

    /**
     * variants: named environments (SEICHE_JAVA_OPTS=..., SEICHE_CDS=off) each case runs
     * under in turn within every repeat, to compare ways of running on the same machine
     * phases; empty is one run as the user's environment gives it.
     */
    ColdBench(Path home, DeepwaveFigures figures, List<String> cases, int repeats, boolean noYardstick,
              Map<String, Map<String, String>> variants) {
        this.home = home;
        this.figures = figures;
        this.cases = cases.isEmpty() ? DEFAULT_CASES : cases;
        this.repeats = repeats;
        this.noYardstick = noYardstick;
        this.variants = variants.isEmpty() ? Map.of("", Map.of()) : variants;
    }

    /**
     * Parses --variant NAME:KEY=VALUE[;KEY=VALUE...] options into named environments.
     */
    static Map<String, Map<String, String>> variants(List<String> specs) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            if (colon < 1) {
                throw new SeicheException("--variant: '" + spec + "' is not NAME:KEY=VALUE[;KEY=VALUE...]");
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (String kv : spec.substring(colon + 1).split(";")) {
                int eq = kv.indexOf('=');
                if (kv.isBlank()) {
                    continue;
                }
                if (eq < 1) {
                    throw new SeicheException("--variant: '" + kv + "' in '" + spec + "' is not KEY=VALUE");
                }
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            out.put(spec.substring(0, colon), env);
        }
        return out;
    }

    /** One fresh process of one case. */
    record Run(double seconds, double wall, double yardstick, long peakRss) {
    }

    @Override
    public Integer call() {
        if (repeats < 1) {
            throw new SeicheException("--repeats: must be at least 1, got " + repeats);
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String name : cases) {
            Path file = figures.casesDir().resolve(name).resolve("pipeline.yaml");
            if (!Files.isRegularFile(file)) {
                throw new SeicheException("--cases: no perf case '" + name + "' (" + file + " does not exist)");
            }
            if (figures.get(name) == null) {
                throw new SeicheException("--cases: " + figures.file() + " holds no Deepwave figure for '" + name + "'");
            }
            files.put(name, file);
        }
        Path out;
        try {
            out = Files.createTempDirectory("seiche-cold-bench");
        } catch (IOException e) {
            throw new SeicheException("cannot create a temporary folder for the runs' outputs: " + e.getMessage());
        }
        try (Yardstick yardstick = noYardstick ? null : Yardstick.compile()) {
            System.out.printf("fresh ./fwi run processes, %d repeats round the cases, medians; Deepwave: %s, %s (%s)%n", repeats,
                    figures.recorded(), figures.file(), DeepwaveFigures.LABEL);
            System.out.println(yardstick == null || yardstick.problem() != null
                    ? (yardstick == null ? "no yardstick" : yardstick.problem()) + ": Deepwave's figures as recorded"
                    : "yardstick: the plain C stencil on the case's recorded grid and threads, before and after each run; "
                    + "'dw now' = Deepwave x stencil then / stencil now (seconds); ratio = Seiche / dw now (below 1: Seiche faster)");
            Map<String, List<Run>> runs = new LinkedHashMap<>();
            for (int r = 0; r < repeats; r++) {
                for (Map.Entry<String, Path> c : files.entrySet()) {
                    for (Map.Entry<String, Map<String, String>> v : variants.entrySet()) {
                        String row = v.getKey().isEmpty() ? c.getKey() : c.getKey() + " " + v.getKey();
                        Run one = run(c.getValue(), out.resolve(c.getKey()), yardstick, figures.get(c.getKey()), v.getValue());
                        runs.computeIfAbsent(row, k -> new ArrayList<>()).add(one);
                        // each run as it ends, so that a long bench shows where it is and a stopped one what it had
                        System.err.printf("repeat %d %-30s seconds %.3f wall %.2f stencil %.0f rss %.0f MB%n", r + 1, row,
                                one.seconds(), one.wall(), one.yardstick(), one.peakRss() / 1e6);
                    }
                }
            }
            System.out.printf("%-30s %8s %8s %8s %7s | %8s %8s %8s %7s | %8s %7s%n", "case", "seiche s", "dw s", "dw now",
                    "ratio", "wall s", "dw wall", "dw now", "ratio", "stencil", "rss MB");
            for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
                print(e.getKey(), figures.get(e.getKey().split(" ")[0]), e.getValue());
            }
            return 0;
        } finally {
            Yardstick.delete(out);
        }
    }

    private static void print(String name, DeepwaveFigures.Figure f, List<Run> runs) {
        double[] seconds = new double[runs.size()];
        double[] walls = new double[runs.size()];
        double[] ratios = new double[runs.size()];
        double[] wallRatios = new double[runs.size()];
        double[] stencils = new double[runs.size()];
        double[] rss = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            seconds[i] = r.seconds();
            walls[i] = r.wall();
            stencils[i] = r.yardstick();
            ratios[i] = r.seconds() / f.secondsNow(f.seconds(), r.yardstick());
            wallRatios[i] = f.processWall() == null ? Double.NaN : r.wall() / f.secondsNow(f.processWall(), r.yardstick());
            rss[i] = r.peakRss() / 1e6;
        }
        double stencil = median(stencils);
        System.out.printf("%-30s %8.3f %8.3f %8.3f %7.2f | %8.2f %8s %8s %7s | %8s %7s%n", name, median(seconds), f.seconds(),
                f.secondsNow(f.seconds(), stencil), median(ratios), median(walls), f.processWall() == null ? "-"
                        : String.format("%.2f", f.processWall()), f.processWall() == null ? "-"
                        : String.format("%.2f", f.secondsNow(f.processWall(), stencil)),
                f.processWall() == null ? "-" : String.format("%.2f", median(wallRatios)),
                Double.isNaN(stencil) ? "-" : String.format("%.0f", stencil), rss[0] < 0 ? "-" : String.format("%.0f", median(rss)));
    }

    /** A fresh ./fwi run of the case between two yardstick runs; a failed run stops the bench with its message. */
    private Run run(Path pipeline, Path out, Yardstick yardstick, DeepwaveFigures.Figure f, Map<String, String> env) {
        double before = yardstick == null ? Double.NaN : yardstick.measure(f.yardstickCells(), f.yardstickThreads());
        List<String> cmd = List.of(home.resolve("fwi").toString(), "run", pipeline.toString(), "--out", out.toString(), "--quiet");
        long t0 = System.nanoTime();
        String err;
        int exit;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(env);
            Process p = pb.start();
            err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = p.waitFor();
        } catch (IOException e) {
            throw new SeicheException("cannot start " + cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeicheException("interrupted");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (exit != 0) {
            throw new SeicheException(pipeline + ": ./fwi run exited " + exit + ": " + err.strip());
        }
        double after = yardstick == null ? Double.NaN : yardstick.measure(f.yardstickCells(), f.yardstickThreads());
        JsonNode summary;
        try {
            summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        } catch (IOException e) {
            throw new SeicheException(out.resolve("summary.json") + ": cannot be read: " + e.getMessage());
        }
        return new Run(summary.path("seconds").asDouble(Double.NaN), wall, mean(before, after),
                summary.path("process_peak_rss_bytes").asLong(-1));
    }

    /** The mean of the two, or the one that ran. */
    private static double mean(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : (a + b) / 2;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
