package org.seiche.elastic.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.elastic.cpu.CpuElasticKernel;
import org.seiche.elastic.internal.ElasticPropagator;
import org.seiche.testing.TestDevice;
import org.seiche.wave.Wavelets;

/**
 * The 3-D benchmark of the perf cases elastic3d_fwd_a4 / elastic3d_grad_a4, run by hand (not
 * a test): a 60^3 model (vp 2500, vs 1450, rho 2000, 10 m) with a 20-cell PML, accuracy 4,
 * dt 1 ms, one z force and 60 v_z receivers; forward or forward + gradient (vp, vs, rho).
 * Prints Mcell-updates/s = (model + PML cells) x steps / seconds, best of the repeats after a
 * warm-up run, and per second of this process's CPU time. Arguments: [threads] [repeats]
 * [f|g] [steps] [float32|float64].
 */
public final class VolumeBench {
    private static final int N = Integer.getInteger("bench.n", 60);
    private static final int PML = 20;

    private VolumeBench() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean gradient = args.length > 2 && args[2].equals("g");
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : gradient ? 120 : 300;
        Precision precision = args.length > 4 ? Precision.parse(args[4]) : Precision.FLOAT32;
        try (Simulation sim = new ElasticPropagator(new CpuElasticKernel()).prepare(setup(steps, new TestDevice(threads),
                precision))) {
            double best = Double.MAX_VALUE;
            double bestCpu = Double.MAX_VALUE;
            long peak = 0;
            for (int r = 0; r < repeats + 1; r++) {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                try (ForwardRun run = sim.forward(new int[] {0}, gradient ? Set.of("vp", "vs", "rho") : Set.of())) {
                    if (gradient) {
                        System.out.printf("  forward %.3f CPU-s%n", (cpuNanos() - c0) / 1e9);
                        run.adjoint(run.receiverData());
                    }
                    peak = run.peakMemoryBytes();
                }
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (cpuNanos() - c0) / 1e9;
                System.out.printf("  run %d: %.3f s, %.3f CPU-s%n", r, s, cpu);
                if (r > 0) {
                    best = Math.min(best, s);
                    bestCpu = Math.min(bestCpu, cpu);
                }
            }
            double cells = Math.pow(N + 2 * PML, 3) * steps;
            System.out.printf("elastic 3-D %d^3 + %d PML, %d steps, %s, %d threads, %s: %.3f s  %.1f Mcells/s  (%.1f per "
                    + "CPU-second)  peak %.2f GB%n", N, PML, steps, precision.label(), threads,
                    gradient ? "forward+gradient" : "forward", best, cells / best / 1e6, cells / bestCpu / 1e6, peak / 1e9);
        }
        System.exit(0);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static SimulationSetup setup(int steps, TestDevice device, Precision precision) {
        int[] rec = new int[N * 3];
        for (int r = 0; r < N; r++) {
            rec[3 * r] = 2;
            rec[3 * r + 1] = N / 2;
            rec[3 * r + 2] = r;
        }
        double dt = 0.001;
        Survey survey = new Survey(dt, steps, List.of(new SourceGroup("z", new Locations(1, 1, 3, new int[] {2, N / 2, N / 2}),
                new NdArray(new int[] {1, 1, steps}, Wavelets.ricker(15, steps, dt, 0.08)))),
                List.of(new ReceiverGroup("z", new Locations(1, N, 3, rec))));
        Map<String, NdArray> model = Map.of("vp", NdArray.filled(2500, N, N, N), "vs", NdArray.filled(1450, N, N, N),
                "rho", NdArray.filled(2000, N, N, N));
        return new SimulationSetup(new Model(new double[] {10, 10, 10}, model), survey,
                new PropagatorSettings(4, new int[] {PML}, 15, 3000, 1, Map.of()), device, precision);
    }
}
