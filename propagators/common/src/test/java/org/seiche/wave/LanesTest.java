package org.seiche.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What every kernel must agree on, as the double source and its generated float twin say. */
class LanesTest {
    @Test
    void thresholdsAreThoseOfTheCudaKernels() {
        // bundles/device-cuda/src/main/cuda/flush.cuh: negligible<float>(), negligible<double>()
        assertEquals(0x1p-102f, FloatLanes.NEGLIGIBLE);
        assertEquals(0x1p-998, DoubleLanes.NEGLIGIBLE);
    }

    @Test
    void bothPrecisionsUseVectorsOfOneSize() {
        assertTrue(VectorSupport.available(), "the tests run with --add-modules jdk.incubator.vector");
        assertEquals(DoubleLanes.SPECIES.vectorBitSize(), FloatLanes.SPECIES.vectorBitSize());
        assertEquals(2 * DoubleLanes.SPECIES.length(), FloatLanes.SPECIES.length());
    }
}
