package org.seiche.scalar.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.seiche.api.Device;
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
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.testing.TestDevice;
import org.seiche.wave.Wavelets;

/**
 * The benchmark, run by hand (not a test): a 500 x 500 model with a 20-cell PML,
 * 1000 steps, accuracy 4, float32; 1 and 4 shots; forward, and forward + gradient.
 * Prints Mcell-updates/s = (model + PML cells) x steps x shots / seconds, and per second
 * of this process's CPU time (steadier when other work shares the machine).
 * Arguments: [threads] [repeats] [precision] [pml width, or widths top,bottom,left,right]
 * [forward: forward runs only].
 */
public final class ScalarBench {
    private static final int N = 500;
    /** PML widths: one for every side, or top, bottom, left, right. */
    private static int[] pml = {20};
    private static final int NT = 1000;

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Precision precision = args.length > 2 ? Precision.parse(args[2]) : Precision.FLOAT32;
        if (args.length > 3) {
            pml = java.util.Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        }
        int[] w = pml.length == 1 ? new int[] {pml[0], pml[0], pml[0], pml[0]} : pml;
        boolean[] runs = args.length > 4 && args[4].equals("forward") ? new boolean[] {false} : new boolean[] {false, true};
        Device device = new TestDevice(threads);
        ScalarPropagator propagator = new ScalarPropagator(new CpuScalarKernel());
        System.out.printf("scalar %dx%d + PML %s, %d steps, accuracy 4, %s, %d threads%n", N, N, java.util.Arrays.toString(w), NT,
                precision.label(), threads);
        for (int shots : new int[] {1, 4}) {
            for (boolean gradient : runs) {
                try (Simulation sim = propagator.prepare(setup(shots, device, precision))) {
                    double best = Double.MAX_VALUE;
                    double bestCpu = Double.MAX_VALUE;
                    long peak = 0;
                    for (int r = 0; r < repeats + 1; r++) {
                        long t0 = System.nanoTime();
                        long c0 = cpuNanos();
                        try (ForwardRun run = sim.forward(IntStream.range(0, shots).toArray(),
                                gradient ? Set.of("v") : Set.of())) {
                            if (gradient) {
                                NdArray d = run.receiverData().get(0);
                                run.adjoint(List.of(d));
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
                    double cells = (double) (N + w[0] + w[1]) * (N + w[2] + w[3]) * NT * shots;
                    System.out.printf("%d shot(s) %-17s %7.3f s  %6.0f Mcells/s  (%5.0f per CPU-second)  peak %.2f GB%n",
                            shots, gradient ? "forward+gradient" : "forward", best, cells / best / 1e6,
                            cells / bestCpu / 1e6, peak / 1e9);
                }
            }
        }
    }

    /** CPU time of this process: less disturbed than wall time when other work shares the machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static SimulationSetup setup(int shots, Device device, Precision precision) {
        NdArray v = NdArray.filled(1500, N, N);
        int receivers = 100;
        int[] src = new int[shots * 2];
        int[] rec = new int[shots * receivers * 2];
        for (int s = 0; s < shots; s++) {
            src[2 * s] = 2;
            src[2 * s + 1] = 50 + 100 * s;
            for (int r = 0; r < receivers; r++) {
                rec[(s * receivers + r) * 2] = 2;
                rec[(s * receivers + r) * 2 + 1] = 5 * r;
            }
        }
        double dt = 0.001;
        double[] w = Wavelets.ricker(25, NT, dt, 0.06);
        NdArray amplitudes = NdArray.zeros(shots, 1, NT);
        for (int s = 0; s < shots; s++) {
            System.arraycopy(w, 0, amplitudes.data(), s * NT, NT);
        }
        Survey survey = new Survey(dt, NT, List.of(new SourceGroup("", new Locations(shots, 1, 2, src), amplitudes)),
                List.of(new ReceiverGroup("", new Locations(shots, receivers, 2, rec))));
        return new SimulationSetup(new Model(new double[] {4, 4}, Map.of("v", v)), survey,
                new PropagatorSettings(4, pml, 25, Double.NaN, 1, Map.of()), device, precision);
    }
}
