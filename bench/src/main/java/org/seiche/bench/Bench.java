package org.seiche.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.seiche.api.Device;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Pipeline;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Speed of the propagators through the same services a pipeline uses, in Mcell-updates/s
 * ((model + PML) cells x time steps x shots / second), side by side with Deepwave's
 * C/OpenMP backend as recorded on a machine of this kind ({@link DeepwaveFigures}), and with
 * those figures scaled to the machine as it runs at that moment by a plain C stencil
 * ({@link Yardstick}) run before each timed run on the grid and threads Deepwave's figure
 * was recorded beside: the best of each, so both see the same machine. Then the full
 * Hessian of the perf case {@code hessian_example} on Deepwave's thread count. With
 * {@code --cold}, {@code ./fwi run} processes of the perf cases instead ({@link ColdBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks forward and forward+gradient runs of the propagators (Mcell-updates/s, ratio to Deepwave), "
                + "and the full Hessian of a 20 x 30 model; with --cold, ./fwi run processes of the perf cases as a user runs them (served by the daemon unless "
                + "SEICHE_DAEMON=off).")
public final class Bench implements Callable<Integer> {
    @CommandLine.ParentCommand
    BenchHost host;

    @Option(names = "--propagator", split = ",", description = "propagators to measure (default: scalar, born, elastic, "
            + "acoustic that are present, and scalar3d: the scalar propagator on the 3-D perf cases scalar3d_*)")
    List<String> propagators = new ArrayList<>();

    @Option(names = "--size", description = "model cells per side (default: 500 scalar/born, 300 elastic, 100 scalar3d)")
    Integer size;

    @Option(names = "--steps", description = "time steps (default ${DEFAULT-VALUE})")
    int steps = 1000;

    @Option(names = "--shots", split = ",", description = "shot counts (default ${DEFAULT-VALUE})")
    List<Integer> shots = List.of(1, 4);

    @Option(names = "--repeats", description = "timed runs: the best counts warm, the median cold (default: 2 warm, 3 cold)")
    Integer repeats;

    @Option(names = "--precision", description = "float32 or float64 (default ${DEFAULT-VALUE})")
    String precision = "float32";

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--no-yardstick", description = "show Deepwave's figures only as recorded (no C stencil compiled)")
    boolean noYardstick;

    @Option(names = "--no-hessian", description = "skip the full-Hessian timing")
    boolean noHessian;

    @Option(names = "--figures", paramLabel = "FILE",
            description = "Deepwave's recorded figures (default: ../shared/perf/deepwave-figures.json next to the project); "
                    + "the perf cases are the folder cases/ beside it")
    Path figuresFile;

    @Option(names = "--cold", description = "time ./fwi run processes of the perf cases (wall and summary.json seconds; the daemon "
            + "serves them unless SEICHE_DAEMON=off, --variant fresh:SEICHE_DAEMON=off runs both)")
    boolean cold;

    @Option(names = "--cases", split = ",", paramLabel = "NAME", description = "perf cases for --cold (default: "
            + "the forward, gradient, Hessian and examples/fwi rows Deepwave was recorded on)")
    List<String> cases = new ArrayList<>();

    @Option(names = "--variant", paramLabel = "NAME:KEY=VALUE[;KEY=VALUE]", description = "with --cold: also run every case "
            + "with these environment variables, alternated with the others (e.g. nowarmup:SEICHE_JAVA_OPTS=-Dseiche.warmup=false)")
    List<String> variants = new ArrayList<>();

    private static final int PML = 20;
    /** The 3-D rows (the perf cases scalar3d_*): 100^3 cells + PML 20, 300 steps, 10 m, v 2500 m/s, max_vel 3000. */
    private static final String SCALAR_3D = "scalar3d";
    private static final int SIZE_3D = 100;
    private static final int STEPS_3D = 300;
    private static final String HESSIAN_CASE = "hessian_example";

    private Yardstick yardstick;

    @Override
    public Integer call() {
        DeepwaveFigures figures = DeepwaveFigures.read(figuresFile != null ? figuresFile
                : host.home().getParent().resolve("shared/perf/deepwave-figures.json"));
        if (cold) {
            return new ColdBench(host.home(), figures, cases, repeats != null ? repeats : 3, noYardstick,
                    ColdBench.variants(variants)).call();
        }
        int runs = repeats != null ? repeats : 2;
        try (BenchHost.Running fw = host.framework()) {
            Pipeline pipeline = fw.pipeline();
            yardstick = noYardstick ? null : Yardstick.compile();
            Device device = service(fw, Device.class, "device.name", "cpu");
            if (threads != null) {
                device = device.withThreads(threads);
            }
            List<String> names = propagators.isEmpty() ? List.of("scalar", "born", "elastic", "acoustic", SCALAR_3D) : propagators;
            System.out.printf("%d threads, %s; Deepwave: %s, %s (%s)%n%s%n", device.threads(), precision, figures.recorded(),
                    figures.file(), DeepwaveFigures.LABEL, yardstickNote());
            System.out.printf("%-8s %-5s %-16s %6s %9s %10s %9s %8s %9s %7s %9s%n", "prop", "shots", "run", "cells", "seconds",
                    "Mcells/s", "deepwave", "stencil", "dw now", "ratio", "peak MB");
            for (String name : names) {
                boolean three = name.equals(SCALAR_3D);
                Propagator p = findPropagator(fw, three ? "scalar" : name);
                if (p == null) {
                    if (!propagators.isEmpty()) {
                        throw new SeicheException("--propagator: no propagator named '" + name + "'");
                    }
                    continue;
                }
                int n = size != null ? size : three ? SIZE_3D : name.equals("elastic") ? 300 : 500;
                for (int s : shots) {
                    Row row = three ? row3d(n, s) : row2d(p.name(), n, s);
                    measure(p, name, row, device, s, false, runs, figures);
                    // 4 shots' stored 3-D wavefields take 13 GB, and Deepwave has no figure for them
                    if (!three || s == 1) {
                        measure(p, name, row, device, s, true, runs, figures);
                    }
                }
            }
            if (!noHessian && names.contains("scalar") && findPropagator(fw, "scalar") != null) {
                hessian(pipeline, figures, runs);
            }
            return 0;
        } finally {
            if (yardstick != null) {
                yardstick.close();
            }
        }
    }

    private String yardstickNote() {
        if (yardstick == null || yardstick.problem() != null) {
            return (yardstick == null ? "no yardstick" : yardstick.problem()) + "; Deepwave's figures are shown as recorded";
        }
        return "'stencil': a plain C stencil (Mcells/s on the grid and threads Deepwave's figure was recorded beside) run before "
                + "each timed run; 'dw now' = Deepwave x stencil now / stencil then";
    }

    /** The best of best and the yardstick now for this figure; NaN while it has not run. */
    private double stencil(double best, DeepwaveFigures.Figure figure) {
        double now = yardstick == null || figure == null ? Double.NaN : yardstick.measure(figure.yardstickCells(),
                figure.yardstickThreads());
        return Double.isNaN(best) ? now : Double.isNaN(now) ? best : Math.max(best, now);
    }

    /** The recorded case this row repeats: accuracy 4, PML 20, forward or gradient, 1 or more shots. */
    private static String caseName(String propagator, int shotCount, boolean gradient) {
        return propagator + (gradient ? "_grad" : "_fwd") + "_a4" + (shotCount > 1 ? "_" + shotCount + "shots" : "");
    }

    /** What a row propagates: model, survey, settings, the cells per shot (model + PML) and a label of the size. */
    private record Row(Model model, Survey survey, PropagatorSettings settings, long cells, int steps, String size) {
    }

    /** The 2-D rows: n x n, 4 m, PML 20, two layers, the largest stable step (no sub-stepping). */
    private Row row2d(String propagator, int n, int shotCount) {
        // the largest stable step for 2000 m/s on a 4 m grid: no sub-stepping
        double dt = 0.6 / (2000 * Math.sqrt(2) / 4) * 0.99;
        return new Row(model(propagator, n), survey(n, shotCount, dt, propagator.equals("elastic") ? "y" : ""),
                new PropagatorSettings(4, new int[] {PML}, 25, Double.NaN, 1, Map.of()), (long) (n + 2 * PML) * (n + 2 * PML),
                steps, n + "^2");
    }

    /**
     * The 3-D rows as the perf cases scalar3d_*: n^3 at 10 m, v 2500 m/s, max_vel 3000, PML 20
     * tuned for 15 Hz, 300 steps of 1 ms, a 15 Hz Ricker at depth cell 2, 100 receivers on a
     * 10 x 10 grid at depth cell 2 (the cases' own locations for n = 100).
     */
    private static Row row3d(int n, int shotCount) {
        int[][] at = shotCount == 1 ? new int[][] {{n / 2, n / 2}}
                : new int[][] {{n / 4, n / 4}, {n / 4, 3 * n / 4}, {3 * n / 4, n / 4}, {3 * n / 4, 3 * n / 4}};
        int[] src = new int[shotCount * 3];
        int[] rec = new int[shotCount * 100 * 3];
        double[] amp = new double[shotCount * STEPS_3D];
        double dt = 0.001;
        for (int s = 0; s < shotCount; s++) {
            src[3 * s] = 2;
            src[3 * s + 1] = at[s % at.length][0];
            src[3 * s + 2] = at[s % at.length][1];
            for (int r = 0; r < 100; r++) {
                rec[3 * (s * 100 + r)] = 2;
                rec[3 * (s * 100 + r) + 1] = (n / 20 + n / 10 * (r / 10)) % n;
                rec[3 * (s * 100 + r) + 2] = (n / 20 + n / 10 * (r % 10)) % n;
            }
            for (int t = 0; t < STEPS_3D; t++) {
                double x = Math.PI * Math.PI * 15 * 15 * Math.pow(t * dt - 0.08, 2);
                amp[s * STEPS_3D + t] = (1 - 2 * x) * Math.exp(-x);
            }
        }
        Survey survey = new Survey(dt, STEPS_3D,
                List.of(new SourceGroup("", new Locations(shotCount, 1, 3, src), new NdArray(new int[] {shotCount, 1, STEPS_3D}, amp))),
                List.of(new ReceiverGroup("", new Locations(shotCount, 100, 3, rec))));
        Model model = new Model(new double[] {10, 10, 10}, Map.of("v", NdArray.filled(2500, n, n, n)));
        long side = n + 2 * PML;
        return new Row(model, survey, new PropagatorSettings(4, new int[] {PML}, 15, 3000, 1, Map.of()), side * side * side,
                STEPS_3D, n + "^3");
    }

    private void measure(Propagator p, String name, Row row, Device device, int shotCount, boolean gradient, int runs,
                         DeepwaveFigures figures) {
        Model model = row.model();
        Survey survey = row.survey();
        PropagatorSettings settings = row.settings();
        Set<String> wrt = gradient ? Set.of(p.name().equals("born") ? "scatter" : model.parameters().keySet().iterator().next())
                : Set.of();
        int[] all = new int[shotCount];
        for (int i = 0; i < shotCount; i++) {
            all[i] = i;
        }
        DeepwaveFigures.Figure figure = figures.get(caseName(name, shotCount, gradient));
        double best = Double.MAX_VALUE;
        double stencil = Double.NaN;
        long peak = 0;
        try (Simulation sim = p.prepare(new SimulationSetup(model, survey, settings, device, Precision.parse(precision)))) {
            for (int r = 0; r <= runs; r++) {
                if (r > 0) {
                    stencil = stencil(stencil, figure);
                }
                long t0 = System.nanoTime();
                try (ForwardRun run = sim.forward(all, wrt)) {
                    if (gradient) {
                        List<NdArray> adj = new ArrayList<>();
                        for (NdArray d : run.receiverData()) {
                            adj.add(d);
                        }
                        run.adjoint(adj);
                    }
                    peak = Math.max(peak, run.peakMemoryBytes());
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                if (r > 0) { // the first run warms the JIT up
                    best = Math.min(best, secs);
                }
            }
        }
        double mcells = row.cells() * (double) row.steps() * shotCount / best / 1e6;
        Double ref = figure == null ? null : figure.mcellsPerSecond();
        // a speed scales as the yardstick: Deepwave x now / then
        double now = ref == null ? Double.NaN : Double.isNaN(stencil) ? ref : ref * stencil / figure.yardstickMcells();
        System.out.printf("%-8s %-5d %-16s %6s %9.3f %10.0f %9s %8s %9s %7s %9.0f%n", name, shotCount,
                gradient ? "forward+gradient" : "forward", row.size(), best, mcells, ref == null ? "-" : String.format("%.0f", ref),
                Double.isNaN(stencil) ? "-" : String.format("%.0f", stencil), Double.isNaN(now) ? "-" : String.format("%.0f", now),
                Double.isNaN(now) ? "-" : String.format("%.2f", mcells / now), peak / 1e6);
    }

    /**
     * The perf case {@code hessian_example} (seed 002's 600-cell full Hessian, the inputs
     * Deepwave was timed on) through the pipeline, on Deepwave's thread count for it, so
     * that the yardstick that scales Deepwave's seconds runs on the same threads as Seiche:
     * the best of the runs after a first one that warms the JIT up.
     */
    private void hessian(Pipeline pipeline, DeepwaveFigures figures, int runs) {
        DeepwaveFigures.Figure figure = figures.get(HESSIAN_CASE);
        Path file = figures.casesDir().resolve(HESSIAN_CASE).resolve("pipeline.yaml");
        if (figure == null || !Files.isRegularFile(file)) {
            System.out.printf("full Hessian: skipped (no %s)%n", figure == null ? "figure for " + HESSIAN_CASE + " in "
                    + figures.file() : file);
            return;
        }
        int hessianThreads = figure.yardstickThreads();
        PipelineSpec spec = pipeline.read(file).toBuilder().threads(hessianThreads).output(null).quiet(true)
                .precision(Precision.parse(precision)).build();
        double best = Double.MAX_VALUE;
        double stencil = Double.NaN;
        for (int r = 0; r <= Math.max(1, runs - 1); r++) {
            if (r > 0) {
                stencil = stencil(stencil, figure);
            }
            double secs = ((Number) pipeline.run(spec).summary().get("seconds")).doubleValue();
            if (r > 0) {
                best = Math.min(best, secs);
            }
        }
        double now = figure.secondsNow(figure.seconds(), stencil);
        System.out.printf("scalar   1     full Hessian     20x30  %8.2f s  for 600 columns on %d thread(s), Deepwave's threads; "
                + "Deepwave %.1f s (%s), now %.1f s; ratio %.2f%n", best, hessianThreads, figure.seconds(), DeepwaveFigures.LABEL,
                now, now / best);
    }

    private static Model model(String propagator, int n) {
        Map<String, NdArray> params = new LinkedHashMap<>();
        if (propagator.equals("elastic")) {
            params.put("vp", NdArray.filled(2000, n, n));
            params.put("vs", NdArray.filled(1000, n, n));
            params.put("rho", NdArray.filled(2000, n, n));
        } else {
            NdArray v = NdArray.filled(1500, n, n);
            for (int i = n / 2; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    v.data()[i * n + j] = 2000;
                }
            }
            params.put("v", v);
            if (propagator.equals("acoustic")) {
                params.put("rho", NdArray.filled(2000, n, n));
            }
            if (propagator.equals("born")) {
                NdArray scatter = NdArray.zeros(n, n);
                scatter.data()[(n / 2) * n + n / 2] = 100;
                params.put("scatter", scatter);
            }
        }
        return new Model(new double[] {4, 4}, params);
    }

    private Survey survey(int n, int shotCount, double dt, String component) {
        int receivers = Math.min(100, n);
        int[] src = new int[shotCount * 2];
        int[] rec = new int[shotCount * receivers * 2];
        for (int s = 0; s < shotCount; s++) {
            src[2 * s] = 1;
            src[2 * s + 1] = (s + 1) * n / (shotCount + 1);
            for (int r = 0; r < receivers; r++) {
                rec[2 * (s * receivers + r)] = 1;
                rec[2 * (s * receivers + r) + 1] = r * (n - 1) / Math.max(1, receivers - 1);
            }
        }
        double[] amp = new double[shotCount * steps];
        for (int s = 0; s < shotCount; s++) {
            for (int t = 0; t < steps; t++) {
                double tau = t * dt - 0.06;
                double x = Math.PI * Math.PI * 25 * 25 * tau * tau;
                amp[s * steps + t] = (1 - 2 * x) * Math.exp(-x);
            }
        }
        return new Survey(dt, steps,
                List.of(new SourceGroup(component, new Locations(shotCount, 1, 2, src), new NdArray(new int[] {shotCount, 1, steps}, amp))),
                List.of(new ReceiverGroup(component, new Locations(shotCount, receivers, 2, rec))));
    }

    private static Propagator findPropagator(BenchHost.Running fw, String name) {
        try {
            return service(fw, Propagator.class, "propagator.name", name);
        } catch (SeicheException e) {
            return null;
        }
    }

    private static <T> T service(BenchHost.Running fw, Class<T> type, String key, String name) {
        try {
            for (ServiceReference<T> r : fw.context().getServiceReferences(type, "(" + key + "=" + name + ")")) {
                return fw.context().getService(r);
            }
        } catch (InvalidSyntaxException e) {
            throw new SeicheException(key + ": bad name '" + name + "'");
        }
        throw new SeicheException(key + ": no service named '" + name + "'");
    }
}
