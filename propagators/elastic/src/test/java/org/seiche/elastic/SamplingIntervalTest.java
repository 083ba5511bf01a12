package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;

/**
 * gradient_sampling_interval s stores the forward wavefield every s steps: the history
 * takes about 1/s of the memory and the gradient stays close to the exact one (s = 1), which
 * it equals only for s = 1; the receiver data do not depend on s.
 */
class SamplingIntervalTest {
    private record Result(List<NdArray> data, Map<String, NdArray> gradient, long bytes) {
    }

    private static Result run(int interval) {
        Survey survey = Cases.survey(0.0005, 200, List.of("y"), List.of(Cases.locations(1, 0, new int[] {3, 12})),
                List.of("p"), List.of(Cases.locations(1, 0, new int[] {2, 4}, new int[] {2, 20}, new int[] {14, 12})));
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {0, 6, 6, 6}, 25, Double.NaN, interval, Map.of());
        try (Simulation sim = Cases.prepare(Cases.velocityModel(20, 25, 2), 5, survey, settings, Precision.FLOAT64);
             ForwardRun run = sim.forward(new int[] {0}, Set.of("vp", "vs", "rho"))) {
            Random r = new Random(1);
            List<NdArray> residual = new ArrayList<>();
            for (NdArray d : run.receiverData()) {
                residual.add(Cases.random(d.shape(), r));
            }
            return new Result(run.receiverData(), run.adjoint(residual), sim.bytesPerShot(true));
        }
    }

    @Test
    void sparserStorageGivesAnApproximateGradientInLessMemory() {
        Result exact = run(1);
        Result sparse = run(2);
        assertEquals(0, ReferenceCaseTest.relL2(sparse.data().get(0).data(), exact.data().get(0).data()));
        for (String p : List.of("vp", "vs", "rho")) {
            double e = ReferenceCaseTest.relL2(sparse.gradient().get(p).data(), exact.gradient().get(p).data());
            System.out.printf("sampling interval 2, %s: rel-L2 to the exact gradient %.2e%n", p, e);
            assertTrue(e > 0 && e < 0.2, p + ": " + e);
        }
        assertTrue(sparse.bytes() < 0.6 * exact.bytes(), sparse.bytes() + " vs " + exact.bytes());
    }
}
