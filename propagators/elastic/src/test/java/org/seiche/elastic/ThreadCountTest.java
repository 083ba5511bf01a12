package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;
import org.seiche.testing.TestDevice;

/**
 * Gradients of a batch of shots are summed in shot order: the same bits on 1, 2 or 3 threads.
 * And a shot whose rows are split over the threads (fewer shots than threads) steps every
 * cell as the one-thread run does: the same data and gradients to the bit.
 */
class ThreadCountTest {
    private static Map<String, NdArray> gradients(int threads) {
        return gradients(threads, 5);
    }

    private static Map<String, NdArray> gradients(int threads, int shots) {
        Survey survey = Cases.survey(0.001, 80, List.of("y"), List.of(Cases.locations(shots, 2, new int[] {3, 4})),
                List.of("y"), List.of(Cases.locations(shots, 2, new int[] {2, 14})));
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {0, 6, 6, 6}, 25, Double.NaN, 1, Map.of());
        try (Simulation sim = Cases.prepare(Cases.velocityModel(18, 24, 4), 5, survey, settings, Precision.FLOAT64,
                new TestDevice(threads));
             ForwardRun run = sim.forward(Cases.allShots(sim), Set.of("vp", "vs", "rho"))) {
            Map<String, NdArray> out = new java.util.HashMap<>(run.adjoint(run.receiverData()));
            out.put("data", run.receiverData().get(0));
            return out;
        }
    }

    @Test
    void aShotSplitOverTheThreadsStepsAsOnOne() {
        Map<String, NdArray> one = gradients(1, 1);
        for (int threads : new int[] {2, 3}) {
            Map<String, NdArray> split = gradients(threads, 1);
            for (String p : one.keySet()) {
                assertArrayEquals(one.get(p).data(), split.get(p).data(), p + " of one shot on " + threads + " threads");
            }
        }
    }

    @Test
    void gradientsDoNotDependOnTheNumberOfThreads() {
        Map<String, NdArray> one = gradients(1);
        for (int threads : new int[] {2, 3}) {
            Map<String, NdArray> many = gradients(threads);
            for (String p : one.keySet()) {
                assertArrayEquals(one.get(p).data(), many.get(p).data(), p + " on " + threads + " threads");
            }
        }
    }
}
