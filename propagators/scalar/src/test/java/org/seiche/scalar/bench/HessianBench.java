package org.seiche.scalar.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
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
import org.seiche.scalar.ScalarPropagator;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.wave.Wavelets;

/**
 * Issue 5's timing, run by hand: the full Hessian of a 20 x 30 two-layer model (600 cells,
 * free-surface top, one shot, 4 m, 4 ms, 100 samples, accuracy 4, float32) as 600
 * Hessian-vector products in parallel, next to the time of one gradient.
 * Argument: [threads].
 */
public final class HessianBench {
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        ForkJoinPool pool = new ForkJoinPool(threads);
        ScalarPropagator propagator = new ScalarPropagator(new CpuScalarKernel());
        int ny = 20;
        int nx = 30;
        int nt = 100;
        NdArray v = NdArray.filled(1500, ny, nx);
        for (int i = 10 * nx; i < v.size(); i++) {
            v.data()[i] = 1700;
        }
        int[] rec = new int[2 * nx];
        for (int x = 0; x < nx; x++) {
            rec[2 * x] = 0;
            rec[2 * x + 1] = x;
        }
        double dt = 0.004;
        Survey survey = new Survey(dt, nt, List.of(new SourceGroup("", new Locations(1, 1, 2, new int[] {0, 15}),
                new NdArray(new int[] {1, 1, nt}, Wavelets.ricker(25, nt, dt, 0.06)))),
                List.of(new ReceiverGroup("", new Locations(1, nx, 2, rec))));
        SimulationSetup setup = new SimulationSetup(new Model(new double[] {4, 4}, Map.of("v", v)), survey,
                new PropagatorSettings(4, new int[] {0, 20, 20, 20}, 25, 2000, 1, Map.of()),
                new ScalarBench.PoolDevice(pool), Precision.FLOAT32);
        try (Simulation sim = propagator.prepare(setup)) {
            for (int repeat = 0; repeat < 3; repeat++) {
                long t0 = System.nanoTime();
                NdArray a;
                try (ForwardRun run = sim.forward(new int[] {0}, Set.of("v"))) {
                    NdArray d = run.receiverData().get(0);
                    a = d.copy();
                    run.adjoint(List.of(a));
                }
                double gradient = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                int n = v.size();
                try (ForwardRun run = sim.forward(new int[] {0}, Set.of())) {
                    pool.submit(() -> IntStream.range(0, n).parallel().forEach(c -> {
                        NdArray e = NdArray.zeros(ny, nx);
                        e.data()[c] = 1;
                        run.hessianVector(Map.of("v", e), List.of(a), t -> List.of(t.get(0)));
                    })).join();
                }
                double hessian = (System.nanoTime() - t0) / 1e9;
                System.out.printf("step ratio %d, %d threads: one gradient %.3f s, full %d-cell Hessian %.2f s (%.1f gradients per product)%n",
                        sim.stepRatio(), threads, gradient, n, hessian, hessian * threads / n / gradient);
            }
        }
    }
}
