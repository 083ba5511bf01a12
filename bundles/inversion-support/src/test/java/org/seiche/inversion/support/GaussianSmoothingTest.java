package org.seiche.inversion.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussianSmoothingTest {
    @Test
    void mirrorReflectsAboutTheHalfSamplePastEachEnd() {
        int[] expected = {1, 0, 0, 1, 2, 2, 1, 0, 0};
        for (int j = -2; j <= 6; j++) {
            assertEquals(expected[j + 2], GaussianSmoothing.mirror(j, 3));
        }
        assertEquals(0, GaussianSmoothing.mirror(-5, 1));
    }
}
