package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;
import org.seiche.testing.TestDevice;

/**
 * A 3-D shot split into bands of lines over the threads steps every cell as one thread does:
 * the same receiver data and gradients to the bit on 1, 2 and 3 threads, in both precisions.
 * And the portable line loops (no Vector API) give what the vector loops give, to rounding.
 */
class VolumeThreadCountTest {
    private static final Set<String> GRADIENTS = Set.of("vp", "vs", "rho", Simulation.SOURCE_AMPLITUDES);

    private static Simulation prepare(int threads, Precision precision) {
        int[] shape = {9, 10, 11};
        Survey survey = Cases.survey(0.0005, 40, List.of("z", "p"),
                List.of(VolumeCases.locations(2, 3, new int[] {1, 4, 3}), VolumeCases.locations(2, 1, new int[] {5, 2, 7})),
                List.of("x"), List.of(VolumeCases.locations(2, 0, new int[] {0, 6, 2}, new int[] {7, 1, 9})));
        return VolumeCases.prepare(VolumeCases.velocityModel(shape, 4), 5, survey,
                VolumeCases.fixedSettings(4, 0, 3, 3, 3, 3, 3), precision, new TestDevice(threads));
    }

    private static Map<String, NdArray> run(Simulation sim) {
        try (ForwardRun run = sim.forward(Cases.allShots(sim), GRADIENTS)) {
            Map<String, NdArray> out = new HashMap<>(run.adjoint(run.receiverData()));
            out.put("data", run.receiverData().get(0));
            return out;
        }
    }

    private static Map<String, NdArray> run(int threads, Precision precision) {
        try (Simulation sim = prepare(threads, precision)) {
            return run(sim);
        }
    }

    /** Later runs store into the history arrays earlier ones gave back, with or without their adjoint. */
    @Test
    void reusedHistoryArraysChangeNoBit() {
        try (Simulation sim = prepare(2, Precision.FLOAT32)) {
            Map<String, NdArray> first = run(sim);
            try (ForwardRun unused = sim.forward(new int[] {1}, GRADIENTS)) {
                assertTrue(Cases.dot(unused.receiverData().get(0).data(), unused.receiverData().get(0).data()) > 0);
            }
            for (int again = 0; again < 2; again++) {
                Map<String, NdArray> later = run(sim);
                for (String p : first.keySet()) {
                    assertArrayEquals(first.get(p).data(), later.get(p).data(), p + " on run " + (again + 2));
                }
            }
        }
    }

    @Test
    void portableLoopsAgreeWithVectorLoops() {
        Map<String, NdArray> vectors = run(2, Precision.FLOAT64);
        Map<String, NdArray> portable;
        System.setProperty("seiche.vector", "false");
        try {
            portable = run(2, Precision.FLOAT64);
        } finally {
            System.clearProperty("seiche.vector");
        }
        boolean rounded = false;
        for (String p : vectors.keySet()) {
            double e = ReferenceCaseTest.relL2(portable.get(p).data(), vectors.get(p).data());
            assertTrue(e < 1e-12, p + ": portable and vector loops differ by " + e);
            rounded |= e > 0;
        }
        // they sum in other orders: identical bits would mean one path ran twice
        assertTrue(rounded, "the portable loops did not run");
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void theThreadsDoNotChangeABit(Precision precision) {
        Map<String, NdArray> one = run(1, precision);
        for (String p : List.of("data", "vs", Simulation.SOURCE_AMPLITUDES)) {
            assertTrue(Cases.dot(one.get(p).data(), one.get(p).data()) > 0, p + " is zero: nothing to compare");
        }
        for (int threads : new int[] {2, 3}) {
            Map<String, NdArray> many = run(threads, precision);
            for (String p : one.keySet()) {
                assertArrayEquals(one.get(p).data(), many.get(p).data(), p + " on " + threads + " threads");
            }
        }
    }
}
