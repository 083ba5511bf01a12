package org.seiche.inversion.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FirstStepTest {
    @Test
    void theStepMovesTheLargestComponentByAFractionOfTheLargestValue() {
        double[] d = {-2, 4};
        // raw velocities: 2 % of 1500 m/s on the largest component
        assertEquals(0.02 * 1500 / 4, FirstStep.length(new double[] {1500, 1200}, d, 0.02));
        // a relative model at its start, exactly zero or at a float32 prior's rounding: 2 % as of 1
        assertEquals(0.02 / 4, FirstStep.length(new double[] {0, 0}, d, 0.02));
        assertEquals(0.02 / 4, FirstStep.length(new double[] {3e-8, -6e-8}, d, 0.02));
        // a small parameter still sets its own scale
        assertEquals(0.02 * 5e-4 / 4, FirstStep.length(new double[] {5e-4, 1e-4}, d, 0.02), 1e-20);
        assertEquals(0, FirstStep.length(new double[] {1, 1}, new double[2], 0.02));
    }
}
