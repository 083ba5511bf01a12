package org.seiche.device.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jcuda.driver.CUdeviceptr;

import org.junit.jupiter.api.Test;
import org.seiche.api.Precision;

/**
 * The shipped PTX (when nvcc built it) has every kernel the Java side launches, with the
 * parameters its batches pass: the ints and pointers of scalar.cu's and elastic.cu's
 * signatures.
 */
class PtxTest {
    /**
     * Per kernel of ScalarFunctions.names: forward, adjoint, image, record, inject,
     * source_gradient; Born's forward (the scalar step's arguments, the scattered field's ten
     * arrays, its spatial term, the coupling), adjoint (grid, two fields, coupling) and
     * source_ratio.
     */
    private static final List<String> SCALAR = List.of("i".repeat(10) + "p".repeat(19), "i".repeat(10) + "p".repeat(19),
            "iiiiiipppi", "iiiiippp", "iiiiipppp", "iiiiipppp", "i".repeat(10) + "p".repeat(31),
            "i".repeat(10) + "p".repeat(29), "iiiiippppp");
    /** Per kernel of ElasticFunctions.names: velocity, stress, stress_terms, velocity_terms, adjoint_stresses, record, inject. */
    private static final String GRID = "i".repeat(7) + "pppp";
    private static final List<String> ELASTIC = List.of(GRID + "pp", GRID + "ppp", GRID + "pippp", GRID + "pipp", GRID,
            "i".repeat(7) + "p".repeat(7), "i".repeat(7) + "p".repeat(7));

    @Test
    void everyLaunchedKernelIsInThePtxWithItsSignature() {
        if (CudaProbe.class.getResource(CudaProbe.SCALAR_PTX) == null) {
            assertTrue(CudaProbe.result().reason().contains("kernels not compiled (no nvcc at build time)"));
            return;
        }
        Map<String, String> scalar = signatures(CudaProbe.SCALAR_PTX);
        Map<String, String> elastic = signatures(CudaProbe.ELASTIC_PTX);
        assertEquals(42, scalar.size(), scalar.keySet().toString());
        assertEquals(44, elastic.size(), elastic.keySet().toString());
        for (Precision precision : Precision.values()) {
            for (int accuracy = 2; accuracy <= 8; accuracy += 2) {
                check(scalar, ScalarFunctions.names(precision, accuracy), SCALAR);
                check(elastic, ElasticFunctions.names(precision, accuracy), ELASTIC);
            }
        }
    }

    private static Map<String, String> signatures(String ptx) {
        return Kernel.signatures(new String(Ptx.read(ptx), StandardCharsets.US_ASCII));
    }

    private static void check(Map<String, String> ptx, List<String> names, List<String> signatures) {
        for (int k = 0; k < names.size(); k++) {
            assertEquals(signatures.get(k), ptx.get(names.get(k)), names.get(k));
        }
    }

    @Test
    void launchArgumentsAreClassedLikeThePtxParameters() {
        assertEquals("ipp?", Launch.kinds(new Object[] {3, new CUdeviceptr(), null, 2.0}));
        assertEquals("ippi", Launch.kinds(Launch.flat(new Object[] {3, new Object[] {new CUdeviceptr(), null}, 4})));
    }
}
