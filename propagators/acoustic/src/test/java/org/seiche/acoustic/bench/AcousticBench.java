package org.seiche.acoustic.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.acoustic.cpu.CpuAcousticKernel;
import org.seiche.acoustic.internal.AcousticPropagator;
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
import org.seiche.testing.TestDevice;
import org.seiche.wave.Wavelets;

/**
 * Kernel speed by hand (excluded from the test run): mvn -pl propagators/acoustic test
 * -Dtest=AcousticBench -Dsurefire.excludes=none -Dbench.n=300 -Dbench.steps=500 -Dbench.threads=1.
 * Beside wall time it prints Mcells per CPU-second: the CPU time of every thread of the JVM
 * (ThreadMXBean; the shot runs on the device's pool), what the kernel got whatever the load.
 */
class AcousticBench {
    @Test
    void forwardAndGradient() {
        int n = Integer.getInteger("bench.n", 300);
        int steps = Integer.getInteger("bench.steps", 500);
        int threads = Integer.getInteger("bench.threads", 1);
        double[] v = new double[n * n];
        double[] rho = new double[n * n];
        java.util.Arrays.fill(v, 2000);
        java.util.Arrays.fill(rho, 2000);
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("v", new NdArray(new int[] {n, n}, v));
        m.put("rho", new NdArray(new int[] {n, n}, rho));
        Survey survey = new Survey(0.0005, steps, List.of(new SourceGroup("p", new Locations(1, 1, 2, new int[] {n / 2, n / 2}),
                new NdArray(new int[] {1, 1, steps}, Wavelets.ricker(20, steps, 0.0005, 0.05)))),
                List.of(new ReceiverGroup("p", new Locations(1, 1, 2, new int[] {1, n / 3}))));
        AcousticPropagator p = new AcousticPropagator(new CpuAcousticKernel());
        PropagatorSettings s = new PropagatorSettings(4, new int[] {20}, 25, Double.NaN, 1, Map.of());
        double cells = (n + 40.0) * (n + 40.0) * steps;
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 4; rep++) {
            try (Simulation sim = p.prepare(new SimulationSetup(new Model(new double[] {5, 5}, m), survey, s,
                    new TestDevice(threads), Precision.FLOAT32))) {
                long t0 = System.nanoTime();
                long c0 = cpuTime(clock);
                try (ForwardRun run = sim.forward(new int[] {0}, Set.of())) {
                    report("forward", cells, t0, c0, clock);
                }
                t0 = System.nanoTime();
                c0 = cpuTime(clock);
                try (ForwardRun run = sim.forward(new int[] {0}, Set.of("v", "rho"))) {
                    run.adjoint(run.receiverData());
                    report("forward+gradient", cells, t0, c0, clock);
                }
            }
        }
    }

    private static void report(String what, double cells, long t0, long c0, ThreadMXBean clock) {
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuTime(clock) - c0) / 1e9;
        System.out.printf("%s %.3f s wall, %.3f s CPU, %.0f Mcells per CPU-second (under load)%n", what, wall,
                cpu, cells / cpu / 1e6);
    }

    /** CPU nanoseconds of every live thread. */
    private static long cpuTime(ThreadMXBean clock) {
        long sum = 0;
        for (long id : clock.getAllThreadIds()) {
            sum += Math.max(0, clock.getThreadCpuTime(id));
        }
        return sum;
    }
}
