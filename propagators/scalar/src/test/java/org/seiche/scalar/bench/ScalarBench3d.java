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
 * The 3-D bench case run by hand (not a test): 100^3 + a 20-cell PML, accuracy 4, like
 * ../shared/perf/cases/scalar3d_*, without the framework. Prints Mcell-updates/s and per
 * second of this process's CPU time (steadier on a shared machine).
 * Arguments: [threads] [repeats] [precision] [steps] [shots] [forward | gradient].
 */
public final class ScalarBench3d {
    private static final int N = 100;
    private static final int PML = 20;

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Precision precision = args.length > 2 ? Precision.parse(args[2]) : Precision.FLOAT32;
        int nt = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int shots = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        boolean gradient = args.length > 5 && args[5].equals("gradient");
        Device device = new TestDevice(threads);
        ScalarPropagator propagator = new ScalarPropagator(new CpuScalarKernel());
        try (Simulation sim = propagator.prepare(setup(shots, nt, device, precision))) {
            double best = Double.MAX_VALUE;
            double bestCpu = Double.MAX_VALUE;
            long peak = 0;
            for (int r = 0; r < repeats + 1; r++) {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                try (ForwardRun run = sim.forward(IntStream.range(0, shots).toArray(), gradient ? Set.of("v") : Set.of())) {
                    if (gradient) {
                        run.adjoint(List.of(run.receiverData().get(0)));
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
            double cells = Math.pow(N + 2 * PML, 3) * nt * shots;
            System.out.printf("3-D %d shot(s) %s %s, %d steps, %d threads: %.3f s  %.0f Mcells/s  (%.0f per CPU-second)  peak %.2f GB%n",
                    shots, gradient ? "forward+gradient" : "forward", precision.label(), nt, threads, best,
                    cells / best / 1e6, cells / bestCpu / 1e6, peak / 1e9);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static SimulationSetup setup(int shots, int nt, Device device, Precision precision) {
        NdArray v = NdArray.filled(2500, N, N, N);
        int receivers = 100;
        int[] src = new int[shots * 3];
        int[] rec = new int[shots * receivers * 3];
        for (int s = 0; s < shots; s++) {
            src[3 * s] = 2;
            src[3 * s + 1] = 50;
            src[3 * s + 2] = 20 + 20 * s;
            for (int r = 0; r < receivers; r++) {
                rec[(s * receivers + r) * 3] = 2;
                rec[(s * receivers + r) * 3 + 1] = 10 + 8 * (r / 10);
                rec[(s * receivers + r) * 3 + 2] = 10 + 8 * (r % 10);
            }
        }
        double dt = 0.001;
        double[] w = Wavelets.ricker(15, nt, dt, 0.08);
        NdArray amplitudes = NdArray.zeros(shots, 1, nt);
        for (int s = 0; s < shots; s++) {
            System.arraycopy(w, 0, amplitudes.data(), s * nt, nt);
        }
        Survey survey = new Survey(dt, nt, List.of(new SourceGroup("", new Locations(shots, 1, 3, src), amplitudes)),
                List.of(new ReceiverGroup("", new Locations(shots, receivers, 3, rec))));
        return new SimulationSetup(new Model(new double[] {10, 10, 10}, Map.of("v", v)), survey,
                new PropagatorSettings(4, new int[] {PML}, 15, 3000, 1, Map.of()), device, precision);
    }
}
