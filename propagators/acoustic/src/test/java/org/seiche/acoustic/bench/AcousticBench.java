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
 * -Dtest=AcousticBench -Dsurefire.excludes=none -Dbench.n=300 -Dbench.steps=500 -Dbench.threads=1
 * (-Dbench.ndim=3: an n^3 model; -Dbench.wrt=v: the gradient of v alone; -Dbench.switch=P:
 * the repeats alternate the boolean system property P between false and true).
 * Beside wall time it prints Mcells per CPU-second: the CPU time of every thread of the JVM
 * (ThreadMXBean; the shot runs on the device's pool), what the kernel got whatever the load,
 * and the bytes the JVM's threads allocated meanwhile.
 */
class AcousticBench {
    @Test
    void forwardAndGradient() {
        int n = Integer.getInteger("bench.n", 300);
        int steps = Integer.getInteger("bench.steps", 500);
        int threads = Integer.getInteger("bench.threads", 1);
        int ndim = Integer.getInteger("bench.ndim", 2);
        Set<String> wrt = Set.of(System.getProperty("bench.wrt", "v,rho").split(","));
        String toggled = System.getProperty("bench.switch");
        int[] shape = new int[ndim];
        int[] centre = new int[ndim];
        int[] receiver = new int[ndim];
        double[] spacing = new double[ndim];
        double cells = steps;
        for (int d = 0; d < ndim; d++) {
            shape[d] = n;
            centre[d] = n / 2;
            receiver[d] = d == 0 ? 1 : n / 3;
            spacing[d] = 5;
            cells *= n + 40.0;
        }
        int size = (int) NdArray.size(shape);
        double[] v = new double[size];
        double[] rho = new double[size];
        java.util.Arrays.fill(v, 2000);
        java.util.Arrays.fill(rho, 2000);
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("v", new NdArray(shape, v));
        m.put("rho", new NdArray(shape, rho));
        Survey survey = new Survey(0.0005, steps, List.of(new SourceGroup("p", new Locations(1, 1, ndim, centre),
                new NdArray(new int[] {1, 1, steps}, Wavelets.ricker(20, steps, 0.0005, 0.05)))),
                List.of(new ReceiverGroup("p", new Locations(1, 1, ndim, receiver))));
        AcousticPropagator p = new AcousticPropagator(new CpuAcousticKernel());
        PropagatorSettings s = new PropagatorSettings(4, new int[] {20}, 25, Double.NaN, 1, Map.of());
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 4; rep++) {
            String label = "";
            if (toggled != null) {
                System.setProperty(toggled, Boolean.toString(rep % 2 == 1));
                label = toggled + "=" + (rep % 2 == 1) + " ";
            }
            try (Simulation sim = p.prepare(new SimulationSetup(new Model(spacing, m), survey, s,
                    new TestDevice(threads), Precision.FLOAT32))) {
                long t0 = System.nanoTime();
                long c0 = cpuTime(clock);
                long a0 = allocated(clock);
                try (ForwardRun run = sim.forward(new int[] {0}, Set.of())) {
                    report(label + "forward", cells, t0, c0, a0, clock);
                }
                t0 = System.nanoTime();
                c0 = cpuTime(clock);
                a0 = allocated(clock);
                try (ForwardRun run = sim.forward(new int[] {0}, wrt)) {
                    run.adjoint(run.receiverData());
                    report(label + "forward+gradient", cells, t0, c0, a0, clock);
                }
            }
        }
    }

    private static void report(String what, double cells, long t0, long c0, long a0, ThreadMXBean clock) {
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuTime(clock) - c0) / 1e9;
        double mb = (allocated(clock) - a0) / 1e6;
        System.out.printf("%s %.3f s wall, %.3f s CPU, %.0f Mcells per CPU-second (under load), %.0f MB allocated (%.0f MB/s)%n",
                what, wall, cpu, cells / cpu / 1e6, mb, mb / wall);
    }

    /** Bytes allocated so far by every live thread (HotSpot's count; threads that ended are not in it). */
    private static long allocated(ThreadMXBean clock) {
        long sum = 0;
        for (long id : clock.getAllThreadIds()) {
            sum += Math.max(0, ((com.sun.management.ThreadMXBean) clock).getThreadAllocatedBytes(id));
        }
        return sum;
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
