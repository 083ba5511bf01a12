package org.seiche.device.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.seiche.api.Precision;

/** The shipped PTX has every kernel the Java side launches (when nvcc built it), or the device says it is missing. */
class PtxTest {
    @Test
    void everyLaunchedKernelIsInThePtxOrTheDeviceSaysThereIsNone() {
        if (CudaProbe.class.getResource(CudaProbe.SCALAR_PTX) == null) {
            assertTrue(CudaProbe.result().reason().contains("kernels not compiled (no nvcc at build time)"));
            return;
        }
        String ptx = new String(Ptx.read(CudaProbe.SCALAR_PTX), StandardCharsets.US_ASCII);
        for (Precision precision : Precision.values()) {
            for (int accuracy = 2; accuracy <= 8; accuracy += 2) {
                for (String name : ScalarFunctions.names(precision, accuracy)) {
                    assertTrue(ptx.contains(".entry " + name + "("), "no kernel " + name + " in the PTX");
                }
            }
        }
    }
}
