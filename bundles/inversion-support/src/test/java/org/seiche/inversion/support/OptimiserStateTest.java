package org.seiche.inversion.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seiche.api.SeicheException;

class OptimiserStateTest {
    @Test
    void roundTripsCopiesAndRefusesAnotherOptimisersState() {
        double[] m = {1, 2};
        Map<String, Object> saved = OptimiserState.of("adam").put("t", 3).put("m", m).put("none", (double[]) null)
                .put("pairs", List.of(new double[] {4, 5})).values();
        m[0] = 9;
        OptimiserState s = OptimiserState.read("adam", saved);
        assertEquals(3, s.integer("t"));
        assertArrayEquals(new double[] {1, 2}, s.vector("m", 2));
        assertNull(s.vector("none", 2));
        assertArrayEquals(new double[] {4, 5}, s.vectors("pairs", 2).get(0));
        assertTrue(assertThrows(SeicheException.class, () -> s.vector("m", 3)).getMessage()
                .startsWith("checkpoint: the state of optimiser 'adam' lacks 'm' as a vector of 3 values"));
        assertTrue(assertThrows(SeicheException.class, () -> OptimiserState.read("sgd", saved)).getMessage()
                .startsWith("checkpoint: the optimiser state was saved by 'adam', this run uses 'sgd'"));
    }

    @Test
    void firstStepMovesTheLargestComponentByTheFraction() {
        double[] x = {1500, -2000};
        double[] d = {1e-8, -3e-8};
        assertEquals(0.02 * 2000, FirstStep.length(x, d, 0.02) * 3e-8, 1e-9);
        assertEquals(0.5 / 3e-8, FirstStep.length(new double[2], d, 0.5), 1e-3);
        assertEquals(0, FirstStep.length(x, new double[2], 0.5));
    }
}
