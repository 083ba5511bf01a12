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
 * C/OpenMP backend measured on this 2-core machine (figures of the issues).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks forward and forward+gradient runs of the propagators (Mcell-updates/s, ratio to Deepwave).")
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

    private static final int PML = 20;

    /** Deepwave's Mcells/s here: {forward 1 shot, forward 4 shots, gradient 1 shot, gradient 4 shots}. */
    private static final Map<String, double[]> DEEPWAVE = Map.of(
            "scalar", new double[] {2000, 3600, 248, 394},
            "born", new double[] {1000, 1000, 200, 200},
            "elastic", new double[] {575, 575, 47, 47});

    @Override
    public Integer call() {
        try (SeicheFramework fw = main.framework()) {
            fw.pipeline();
            Device device = service(fw, Device.class, "device.name", "cpu");
            if (threads != null) {
                device = device.withThreads(threads);
            }
            List<String> names = propagators.isEmpty() ? List.of("scalar", "born", "elastic") : propagators;
            System.out.printf("%-8s %-5s %-16s %6s %10s %12s %10s %8s%n", "prop", "shots", "run", "cells", "seconds",
                    "Mcells/s", "deepwave", "ratio");
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
            return 0;
        }
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
        try (Simulation sim = p.prepare(new SimulationSetup(model, survey, settings, device, Precision.parse(precision)))) {
            for (int r = 0; r <= repeats; r++) {
                long t0 = System.nanoTime();
                try (ForwardRun run = sim.forward(all, wrt)) {
                    if (gradient) {
                        List<NdArray> adj = new ArrayList<>();
                        for (NdArray d : run.receiverData()) {
                            adj.add(d);
                        }
                        run.adjoint(adj);
                    }
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
        System.out.printf("%-8s %-5d %-16s %6s %10.3f %12.0f %10.0f %8.2f%n", p.name(), shotCount,
                gradient ? "forward+gradient" : "forward", n + "^2", best, mcells, ref, mcells / ref);
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
