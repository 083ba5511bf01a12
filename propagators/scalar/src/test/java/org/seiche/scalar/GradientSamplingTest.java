package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.wave.Wavelets;

/**
 * Storing every k-th forward step approximates the exact gradient and holds about k times
 * less memory; the store is reused across runs; batches of shots add up to all shots.
 */
class GradientSamplingTest {
    private static SimulationSetup setup(int interval) {
        NdArray v = NdArray.filled(2000, 40, 50);
        for (int i = 20 * 50; i < v.size(); i++) {
            v.data()[i] = 2300;
        }
        double[] w = Wavelets.ricker(20, 300, 0.001, 0.06);
        NdArray amplitudes = NdArray.zeros(3, 1, 300);
        for (int s = 0; s < 3; s++) {
            System.arraycopy(w, 0, amplitudes.data(), s * 300, 300);
        }
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {10}, 20, Double.NaN, interval, Map.of());
        return Setups.setup(v, new double[] {5, 5}, settings, 0.001, amplitudes, Setups.locations(3, 1, 1, 5, 1, 25, 1, 45),
                Setups.locations(3, 2, 2, 0, 2, 49, 2, 10, 2, 40, 2, 20, 2, 30), Precision.FLOAT64);
    }

    private static NdArray gradient(Simulation sim, int[] shots) {
        try (ForwardRun run = sim.forward(shots, Set.of("v"))) {
            NdArray d = run.receiverData().get(0);
            return run.adjoint(List.of(d)).get("v");
        }
    }

    @Test
    void sampledGradientIsCloseAndSmaller() {
        try (Simulation exact = Setups.PROPAGATOR.prepare(setup(1));
             Simulation sampled = Setups.PROPAGATOR.prepare(setup(4))) {
            NdArray g1 = gradient(exact, new int[] {0, 1, 2});
            NdArray g4 = gradient(sampled, new int[] {0, 1, 2});
            double rel = Setups.relativeL2(g4, g1);
            System.out.printf("gradient sampling interval 4 vs 1: rel-L2 %.3e, bytes per shot %d vs %d%n", rel,
                    sampled.bytesPerShot(true), exact.bytesPerShot(true));
            assertTrue(rel < 0.05, "interval 4 gradient off by " + rel);
            assertTrue(sampled.bytesPerShot(true) < exact.bytesPerShot(true) / 2);
        }
    }

    @Test
    void batchesAddUpAndRepeatExactly() {
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup(1))) {
            NdArray all = gradient(sim, new int[] {0, 1, 2});
            NdArray again = gradient(sim, new int[] {0, 1, 2});
            NdArray sum = gradient(sim, new int[] {2});
            NdArray first = gradient(sim, new int[] {0, 1});
            for (int i = 0; i < sum.size(); i++) {
                sum.data()[i] += first.data()[i];
            }
            assertEquals(0, Setups.relativeL2(again, all), "a repeated run (reused store) gives the same gradient");
            assertTrue(Setups.relativeL2(sum, all) < 1e-12, "batches add up to the whole");
        }
    }
}
