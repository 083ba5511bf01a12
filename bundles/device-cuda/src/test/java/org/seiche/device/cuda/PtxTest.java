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
 * parameters CudaScalarBatch passes: the ints and pointers of scalar.cu's signatures.
 */
class PtxTest {
    /** Per kernel of ScalarFunctions.names: forward, adjoint, image, record, inject, source_gradient. */
    private static final List<String> SIGNATURES = List.of("i".repeat(10) + "p".repeat(19), "i".repeat(10) + "p".repeat(19),
            "iiiiiipppi", "iiiiippp", "iiiiipppp", "iiiiipppp");

    @Test
    void everyLaunchedKernelIsInThePtxWithItsSignature() {
        if (CudaProbe.class.getResource(CudaProbe.SCALAR_PTX) == null) {
            assertTrue(CudaProbe.result().reason().contains("kernels not compiled (no nvcc at build time)"));
            return;
        }
        Map<String, String> ptx = Kernel.signatures(new String(Ptx.read(CudaProbe.SCALAR_PTX), StandardCharsets.US_ASCII));
        assertEquals(32, ptx.size(), ptx.keySet().toString());
        for (Precision precision : Precision.values()) {
            for (int accuracy = 2; accuracy <= 8; accuracy += 2) {
                List<String> names = ScalarFunctions.names(precision, accuracy);
                for (int k = 0; k < names.size(); k++) {
                    assertEquals(SIGNATURES.get(k), ptx.get(names.get(k)), names.get(k));
                }
                // Born's step: the scalar step's arguments, the scattered field's ten arrays, the scale
                String born = "born_forward_" + (precision == Precision.FLOAT64 ? "d" : "f") + accuracy;
                assertEquals("i".repeat(10) + "p".repeat(30), ptx.get(born), born);
            }
        }
    }

    @Test
    void launchArgumentsAreClassedLikeThePtxParameters() {
        assertEquals("ipp?", Launch.kinds(new Object[] {3, new CUdeviceptr(), null, 2.0}));
    }
}
