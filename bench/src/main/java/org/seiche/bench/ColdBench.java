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
 * What a user's single run costs: {@code ./fwi run} processes of the perf cases (the
 * inputs Deepwave was timed on) as a user runs them, served by the daemon the first one
 * starts (a daemon of the bench's own, stopped at its end) unless the environment says
 * SEICHE_DAEMON=off; the process wall measured here and the compute seconds from
 * {@code summary.json}, each run between two runs of the yardstick on the grid and threads
 * of the case's Deepwave figure, so that the figure can be scaled to the machine as it was
 * during that run. Repeats go round all cases in turn; the medians count. Each row says
 * which process served its runs, and the run that started the daemon is named (first use).
 */
final class ColdBench implements Callable<Integer> {
    /** The rows Deepwave was recorded on that issues 16, 18 (scalar 3-D) and 21 (acoustic) set targets for. */
    static final List<String> DEFAULT_CASES = List.of("scalar_fwd_a4", "scalar_fwd_a4_4shots", "scalar_grad_a4",
            "scalar_grad_a4_4shots", "born_fwd_a4", "born_grad_a4", "elastic_fwd_a4", "elastic_grad_a4", "hessian_example",
            "fwi_example_grad", "scalar3d_fwd_a4", "scalar3d_fwd_a4_4shots", "scalar3d_grad_a4", "acoustic_fwd_a4",
            "acoustic_grad_a4", "acoustic3d_fwd_a4");

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

    /** One ./fwi run of one case; servedBy: fresh or daemon (summary.json), daemonRun: the daemon's how-manieth (1: it started for it). */
    record Run(double seconds, double wall, double yardstick, long peakRss, String servedBy, int daemonRun) {
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
        Path daemonDir;
        try {
            out = Files.createTempDirectory("seiche-cold-bench");
            // a daemon of the bench's own (rwx------), so that its start is the first run's and it stops with the bench
            daemonDir = Files.createTempDirectory("seiche-cold-daemon");
        } catch (IOException e) {
            throw new SeicheException("cannot create a temporary folder for the runs' outputs: " + e.getMessage());
        }
        try (Yardstick yardstick = noYardstick ? null : Yardstick.compile()) {
            System.out.printf("./fwi run processes as a user's (served by a daemon started by the first, unless SEICHE_DAEMON=off), "
                    + "%d repeats round the cases, medians; Deepwave: %s, %s (%s)%n", repeats,
                    figures.recorded(), figures.file(), DeepwaveFigures.LABEL);
            System.out.println(yardstick == null || yardstick.problem() != null
                    ? (yardstick == null ? "no yardstick" : yardstick.problem()) + ": Deepwave's figures as recorded"
                    : "yardstick: the plain C stencil on the case's recorded grid and threads, before and after each run; "
                    + "'dw now' = Deepwave x stencil then / stencil now (seconds); ratio = Seiche / dw now (below 1: Seiche faster)");
            Map<String, List<Run>> runs = new LinkedHashMap<>();
            List<String> firstUse = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                for (Map.Entry<String, Path> c : files.entrySet()) {
                    for (Map.Entry<String, Map<String, String>> v : variants.entrySet()) {
                        String row = v.getKey().isEmpty() ? c.getKey() : c.getKey() + " " + v.getKey();
                        Map<String, String> env = new LinkedHashMap<>(v.getValue());
                        env.putIfAbsent("SEICHE_DAEMON_DIR", daemonDir.toString());
                        Run one = run(c.getValue(), out.resolve(c.getKey()), yardstick, figures.get(c.getKey()), env);
                        runs.computeIfAbsent(row, k -> new ArrayList<>()).add(one);
                        if (one.daemonRun() == 1) {
                            firstUse.add(String.format("first use: %s started the daemon, served as its first run: wall %.2f s, "
                                    + "seconds %.3f", row, one.wall(), one.seconds()));
                        }
                        // each run as it ends, so that a long bench shows where it is and a stopped one what it had
                        System.err.printf("repeat %d %-30s seconds %.3f wall %.2f stencil %.0f rss %.0f MB %s%n", r + 1, row,
                                one.seconds(), one.wall(), one.yardstick(), one.peakRss() / 1e6,
                                one.daemonRun() > 0 ? "daemon run " + one.daemonRun() : one.servedBy());
                    }
                }
            }
            System.out.printf("%-30s %8s %8s %8s %7s | %8s %8s %8s %7s | %8s %7s %s%n", "case", "seiche s", "dw s", "dw now",
                    "ratio", "wall s", "dw wall", "dw now", "ratio", "stencil", "rss MB", "served");
            for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
                print(e.getKey(), figures.get(e.getKey().split(" ")[0]), e.getValue());
            }
            firstUse.forEach(System.out::println);
            return 0;
        } finally {
            stopDaemon(daemonDir);
            Yardstick.delete(out);
            Yardstick.delete(daemonDir);
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
        String served = runs.stream().map(Run::servedBy).distinct().count() == 1 ? runs.get(0).servedBy() : "mixed";
        System.out.printf("%-30s %8.3f %8.3f %8.3f %7.2f | %8.2f %8s %8s %7s | %8s %7s %s%n", name, median(seconds), f.seconds(),
                f.secondsNow(f.seconds(), stencil), median(ratios), median(walls), f.processWall() == null ? "-"
                        : String.format("%.2f", f.processWall()), f.processWall() == null ? "-"
                        : String.format("%.2f", f.secondsNow(f.processWall(), stencil)),
                f.processWall() == null ? "-" : String.format("%.2f", median(wallRatios)),
                Double.isNaN(stencil) ? "-" : String.format("%.0f", stencil), rss[0] < 0 ? "-" : String.format("%.0f", median(rss)),
                served);
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
                summary.path("process_peak_rss_bytes").asLong(-1), summary.path("served_by").asText("?"),
                summary.path("daemon_runs").asInt(0));
    }

    /** Stops the bench's daemon, if a run started one. */
    private void stopDaemon(Path daemonDir) {
        try {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("fwi").toString(), "daemon", "stop")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("SEICHE_DAEMON_DIR", daemonDir.toString());
            pb.start().waitFor();
        } catch (IOException e) {
            System.err.println("warning: the bench's daemon (" + daemonDir + ") was not stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
