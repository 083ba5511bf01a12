package org.seiche.launcher;

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
 * C/OpenMP backend as the issues measured it on this machine, and with those figures scaled
 * to the machine as it runs at that moment by a plain C stencil ({@link Yardstick}) run
 * before each timed run: the best of each, so both see the same machine.
 * Then the full Hessian of seed 002's case next to one gradient.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks forward and forward+gradient runs of the propagators (Mcell-updates/s, ratio to Deepwave), "
                + "and the full Hessian of a 20 x 30 model.")
final class Bench implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main main;

    @Option(names = "--propagator", split = ",", description = "propagators to measure (default: scalar, born, elastic that are present)")
    List<String> propagators = new ArrayList<>();

    @Option(names = "--size", description = "model cells per side (default: 500 scalar/born, 300 elastic)")
    Integer size;

    @Option(names = "--steps", description = "time steps (default ${DEFAULT-VALUE})")
    int steps = 1000;

    @Option(names = "--shots", split = ",", description = "shot counts (default ${DEFAULT-VALUE})")
    List<Integer> shots = List.of(1, 4);

    @Option(names = "--repeats", description = "timed runs, the best counts (default ${DEFAULT-VALUE})")
    int repeats = 2;

    @Option(names = "--precision", description = "float32 or float64 (default ${DEFAULT-VALUE})")
    String precision = "float32";

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--no-yardstick", description = "show Deepwave's figures only as measured (no C stencil compiled)")
    boolean noYardstick;

    @Option(names = "--no-hessian", description = "skip the full-Hessian timing")
    boolean noHessian;

    private static final int PML = 20;

    /**
     * Deepwave's Mcells/s on this machine (the issues): {forward 1 shot, forward 4 shots,
     * gradient 1 shot, gradient 4 shots}; one shot runs on one core, four on two.
     */
    private static final Map<String, double[]> DEEPWAVE = Map.of(
            "scalar", new double[] {2000, 3600, 248, 394},
            "born", new double[] {1000, 1000, 200, 200},
            "elastic", new double[] {575, 575, 47, 47});
    /** Deepwave's full Hessian of seed 002's case (double backpropagation), seconds, one shot. */
    private static final double DEEPWAVE_HESSIAN_SECONDS = 13;

    private Yardstick yardstick;

    @Override
    public Integer call() {
        try (SeicheFramework fw = main.framework()) {
            fw.pipeline();
            int cells = (size != null ? size : 500) + 2 * PML;
            yardstick = noYardstick ? null : Yardstick.compile(cells);
            Device device = service(fw, Device.class, "device.name", "cpu");
            if (threads != null) {
                device = device.withThreads(threads);
            }
            List<String> names = propagators.isEmpty() ? List.of("scalar", "born", "elastic") : propagators;
            System.out.printf("%d threads, %s; %s%n", device.threads(), precision, yardstickNote());
            System.out.printf("%-8s %-5s %-16s %6s %9s %10s %9s %8s %9s %7s %9s%n", "prop", "shots", "run", "cells", "seconds",
                    "Mcells/s", "deepwave", "stencil", "dw now", "ratio", "peak MB");
            for (String name : names) {
                Propagator p = findPropagator(fw, name);
                if (p == null) {
                    if (!propagators.isEmpty()) {
                        throw new SeicheException("--propagator: no propagator named '" + name + "'");
                    }
                    continue;
                }
                int n = size != null ? size : name.equals("elastic") ? 300 : 500;
                for (int s : shots) {
                    measure(p, device, n, s, false);
                    measure(p, device, n, s, true);
                }
            }
            Propagator scalar = findPropagator(fw, "scalar");
            if (!noHessian && scalar != null && names.contains("scalar")) {
                hessian(scalar, device);
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
            return (yardstick == null ? "no yardstick" : yardstick.problem()) + "; Deepwave's figures are shown as measured";
        }
        return String.format("'stencil': a plain C stencil (Mcells/s on Deepwave's threads: 1 for one shot, 2 for more) run before "
                + "each timed run for as many cell updates, %.0f and %.0f when Deepwave was measured; 'dw now' = Deepwave x stencil / then",
                Yardstick.THEN_ONE_THREAD, Yardstick.THEN_TWO_THREADS);
    }

    /**
     * The best of best and the yardstick now on this many threads for steps x shots steps;
     * NaN while it has not run (Deepwave's figures then stand as measured).
     */
    private double stencil(double best, int threads, int shots) {
        double now = yardstick == null ? Double.NaN : yardstick.measure(threads, steps * shots);
        return Double.isNaN(best) ? now : Double.isNaN(now) ? best : Math.max(best, now);
    }

    /** Deepwave's figure scaled to the machine as the yardstick found it (as measured without one). */
    private static double scaled(double deepwave, double stencil, int threads) {
        return Double.isNaN(stencil) ? deepwave : deepwave * stencil / Yardstick.then(threads);
    }

    private void measure(Propagator p, Device device, int n, int shotCount, boolean gradient) {
        Model model = model(p.name(), n);
        // the largest stable step for 2000 m/s on a 4 m grid: no sub-stepping
        double dt = 0.6 / (2000 * Math.sqrt(2) / 4) * 0.99;
        Survey survey = survey(n, shotCount, dt, p.name().equals("elastic") ? "y" : "");
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {PML}, 25, Double.NaN, 1, Map.of());
        Set<String> wrt = gradient ? Set.of(p.name().equals("born") ? "scatter" : model.parameters().keySet().iterator().next())
                : Set.of();
        int[] all = new int[shotCount];
        for (int i = 0; i < shotCount; i++) {
            all[i] = i;
        }
        double best = Double.MAX_VALUE;
        double stencil = Double.NaN;
        int deepwaveThreads = shotCount > 1 ? 2 : 1;
        long peak = 0;
        try (Simulation sim = p.prepare(new SimulationSetup(model, survey, settings, device, Precision.parse(precision)))) {
            for (int r = 0; r <= repeats; r++) {
                if (r > 0) {
                    stencil = stencil(stencil, deepwaveThreads, shotCount);
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
        long cells = (long) (n + 2 * PML) * (n + 2 * PML);
        double mcells = cells * (double) steps * shotCount / best / 1e6;
        double[] dw = DEEPWAVE.get(p.name());
        double ref = dw == null ? Double.NaN : dw[(gradient ? 2 : 0) + (shotCount > 1 ? 1 : 0)];
        double now = scaled(ref, stencil, deepwaveThreads);
        System.out.printf("%-8s %-5d %-16s %6s %9.3f %10.0f %9.0f %8s %9.0f %7.2f %9.0f%n", p.name(), shotCount,
                gradient ? "forward+gradient" : "forward", n + "^2", best, mcells, ref,
                Double.isNaN(stencil) ? "-" : String.format("%.0f", stencil), now, mcells / now, peak / 1e6);
    }

    /**
     * Seed 002's case: a 20 x 30 two-layer model (free-surface top, PML 20 elsewhere, 4 m,
     * max_vel 2000), one shot at (0, 15), receivers along the top, 25 Hz Ricker, 4 ms x 100
     * samples; the full Hessian (600 exact columns, in parallel), and one gradient.
     */
    private void hessian(Propagator p, Device device) {
        int ny = 20;
        int nx = 30;
        int nt = 100;
        double dt = 0.004;
        NdArray v = NdArray.filled(1500, ny, nx);
        for (int i = ny / 2 * nx; i < v.size(); i++) {
            v.data()[i] = 1700;
        }
        int[] rec = new int[2 * nx];
        for (int x = 0; x < nx; x++) {
            rec[2 * x + 1] = x;
        }
        double[] wavelet = new double[nt];
        for (int t = 0; t < nt; t++) {
            double x = Math.PI * Math.PI * 25 * 25 * (t * dt - 0.06) * (t * dt - 0.06);
            wavelet[t] = (1 - 2 * x) * Math.exp(-x);
        }
        Survey survey = new Survey(dt, nt, List.of(new SourceGroup("", new Locations(1, 1, 2, new int[] {0, 15}),
                new NdArray(new int[] {1, 1, nt}, wavelet))), List.of(new ReceiverGroup("", new Locations(1, nx, 2, rec))));
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {0, PML, PML, PML}, 25, 2000, 1, Map.of());
        int cells = v.size();
        double gradient = Double.MAX_VALUE;
        double hessian = Double.MAX_VALUE;
        double stencil = Double.NaN;
        try (Simulation sim = p.prepare(new SimulationSetup(new Model(new double[] {4, 4}, Map.of("v", v)), survey, settings,
                device, Precision.parse(precision)))) {
            for (int r = 0; r <= Math.max(1, repeats - 1); r++) {
                if (r > 0) {
                    stencil = stencil(stencil, 1, 1);
                }
                long t0 = System.nanoTime();
                try (ForwardRun run = sim.forward(new int[] {0}, Set.of("v"))) {
                    // the adjoint source of a misfit against zero data; the curvature of mse up to its factor
                    List<NdArray> adjoint = run.receiverData();
                    run.adjoint(adjoint);
                    long t1 = System.nanoTime();
                    // as task hessian takes it: the propagator's full Hessian
                    run.hessian("v", adjoint, d -> d);
                    long t2 = System.nanoTime();
                    if (r > 0) {
                        gradient = Math.min(gradient, (t1 - t0) / 1e9);
                        hessian = Math.min(hessian, (t2 - t1) / 1e9);
                    }
                }
            }
        }
        // seconds scale as the inverse of speed
        double now = Double.isNaN(stencil) ? DEEPWAVE_HESSIAN_SECONDS : DEEPWAVE_HESSIAN_SECONDS * Yardstick.then(1) / stencil;
        System.out.printf("scalar   1     full Hessian     20x30  %8.2f s  for %d columns; one gradient %.3f s, "
                + "one column %.1f gradients; Deepwave %.0f s (now %.1f s), ratio %.2f%n", hessian, cells, gradient,
                hessian * device.threads() / cells / gradient, DEEPWAVE_HESSIAN_SECONDS, now, now / hessian);
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

    private static Propagator findPropagator(SeicheFramework fw, String name) {
        try {
            return service(fw, Propagator.class, "propagator.name", name);
        } catch (SeicheException e) {
            return null;
        }
    }

    private static <T> T service(SeicheFramework fw, Class<T> type, String key, String name) {
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
