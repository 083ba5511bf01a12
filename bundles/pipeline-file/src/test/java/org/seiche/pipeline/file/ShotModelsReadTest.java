package org.seiche.pipeline.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seiche.api.NdArray;

/** How the reader tells a model per shot from a model of one more dimension. */
class ShotModelsReadTest {
    private static final int NZ = 16;
    private static final int NX = 24;

    @Test
    void aThreeDimensionalModelIsNotTakenForModelsPerShot() {
        Map<String, NdArray> p = Map.of("v", NdArray.zeros(3, NZ, NX));
        assertEquals(3, ShotModels.dimension(1, p, 3), "locations with three axes: a 3-D model");
        assertEquals(2, ShotModels.dimension(1, p, 2), "locations with two axes: a 2-D model per shot");
        assertEquals(3, ShotModels.dimension(3, p, 2), "three spacing values: 3-D");
        assertEquals(3, ShotModels.dimension(1, p, -1), "locations not from an array: as the arrays are");
    }
}
