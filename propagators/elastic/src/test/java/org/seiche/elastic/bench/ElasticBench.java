package org.seiche.elastic.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

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
 * The benchmark, run by hand (not a test): a 300 x 300 model (vp 2000, vs 1000,
 * rho 2000, 4 m cells) with a 20-cell PML, 1000 steps, accuracy 4; per shot one y force
 * and 300 v_y receivers; forward, and forward + gradient (vp, vs, rho), for 1 and 4 shots.
 * Prints Mcell-updates/s = (model + PML cells) x steps x shots / seconds, best of the
 * repeats after a warm-up run, and per second of this process's CPU time (steadier when
 * other work shares the machine). 4 shots with a gradient hold about 10 GB of history in
 * float32. Arguments: [threads] [repeats] [float32|float64] [pml width] [cases] [accuracy],
 * cases a comma list of shots and f (forward) or g (forward + gradient), default
 * 1f,1g,4f,4g; -Dbench.n sets the model's size (300).
 */
public final class ElasticBench {
    private static final int N = Integer.getInteger("bench.n", 300);
    private static final int NT = 1000;

    private ElasticBench() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Precision precision = args.length > 2 ? Precision.parse(args[2]) : Precision.FLOAT32;
        int pml = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        String[] cases = (args.length > 4 ? args[4] : "1f,1g,4f,4g").split(",");
        int accuracy = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        TestDevice device = new TestDevice(threads);
        System.out.printf("elastic %dx%d + %d PML, %d steps, accuracy %d, %s, %d threads%n", N, N, pml, NT,
                accuracy, precision.label(), threads);
        for (String c : cases) {
            int shots = Integer.parseInt(c.substring(0, c.length() - 1));
            boolean gradient = c.endsWith("g");
            try (Simulation sim = new ElasticPropagator(new CpuElasticKernel()).prepare(setup(shots, pml, accuracy, device, precision))) {
                if (sim.stepRatio() != 1) {
                    throw new IllegalStateException("the benchmark's dt needs sub-steps: " + sim.stepRatio());
                }
                double best = Double.MAX_VALUE;
                double bestCpu = Double.MAX_VALUE;
                double bestAdjointCpu = Double.MAX_VALUE;
                long peak = 0;
                for (int r = 0; r < repeats + 1; r++) {
                    long t0 = System.nanoTime();
                    long c0 = cpuNanos();
                    try (ForwardRun run = sim.forward(IntStream.range(0, shots).toArray(),
                            gradient ? Set.of("vp", "vs", "rho") : Set.of())) {
                        long a0 = cpuNanos();
                        if (gradient) {
                            run.adjoint(run.receiverData());
                        }
                        if (r > 0) {
                            bestAdjointCpu = Math.min(bestAdjointCpu, (cpuNanos() - a0) / 1e9);
                        }
                        peak = run.peakMemoryBytes();
                    }
                    double s = (System.nanoTime() - t0) / 1e9;
                    double cpu = (cpuNanos() - c0) / 1e9;
                    if (r > 0) {
                        best = Math.min(best, s);
                        bestCpu = Math.min(bestCpu, cpu);
                    }
                }
                double cells = (double) (N + 2 * pml) * (N + 2 * pml) * NT * shots;
                System.out.printf("%d shot(s) %-17s %7.3f s  %6.0f Mcells/s  (%5.0f per CPU-second)  peak %.2f GB%s%n",
                        shots, gradient ? "forward+gradient" : "forward", best, cells / best / 1e6,
                        cells / bestCpu / 1e6, peak / 1e9,
                        gradient ? String.format("  (adjoint %.3f CPU-s)", bestAdjointCpu) : "");
            }
        }
        System.exit(0);
    }

    /** CPU time of this process: less disturbed than wall time when other work shares the machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static SimulationSetup setup(int shots, int pml, int accuracy, TestDevice device, Precision precision) {
        int[] src = new int[shots * 2];
        int[] rec = new int[shots * N * 2];
        for (int s = 0; s < shots; s++) {
            src[2 * s] = 5;
            src[2 * s + 1] = 50 + 50 * s;
            for (int r = 0; r < N; r++) {
                rec[(s * N + r) * 2] = 2;
                rec[(s * N + r) * 2 + 1] = r;
            }
        }
        double dt = 0.0008;
        double[] w = Wavelets.ricker(15, NT, dt, 1.2 / 15);
        NdArray amplitudes = NdArray.zeros(shots, 1, NT);
        for (int s = 0; s < shots; s++) {
            System.arraycopy(w, 0, amplitudes.data(), s * NT, NT);
        }
        Survey survey = new Survey(dt, NT, List.of(new SourceGroup("y", new Locations(shots, 1, 2, src), amplitudes)),
                List.of(new ReceiverGroup("y", new Locations(shots, N, 2, rec))));
        Map<String, NdArray> model = Map.of("vp", NdArray.filled(2000, N, N), "vs", NdArray.filled(1000, N, N),
                "rho", NdArray.filled(2000, N, N));
        return new SimulationSetup(new Model(new double[] {4, 4}, model), survey,
                new PropagatorSettings(accuracy, new int[] {pml}, 15, Double.NaN, 1, Map.of()), device, precision);
    }
}
