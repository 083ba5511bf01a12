package org.seiche.scalar.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.device.cuda.spi.Kernel;
import org.seiche.device.cuda.spi.Ptx;

/**
 * The shipped PTX (when nvcc built it) has every kernel the Java side launches, with the
 * parameters its batches pass: the ints and pointers of scalar.cu's signatures.
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

    @Test
    void everyLaunchedKernelIsInThePtxWithItsSignature() {
        if (!Ptx.present(ScalarFunctions.class, ScalarFunctions.PTX)) {
            SeicheException e = assertThrows(SeicheException.class, () -> Ptx.read(ScalarFunctions.class, ScalarFunctions.PTX));
            assertTrue(e.getMessage().contains("kernels not compiled (no nvcc at build time)"), e.getMessage());
            return;
        }
        Map<String, String> scalar = Kernel.signatures(new String(Ptx.read(ScalarFunctions.class, ScalarFunctions.PTX),
                StandardCharsets.US_ASCII));
        assertEquals(42, scalar.size(), scalar.keySet().toString());
        for (Precision precision : Precision.values()) {
            for (int accuracy = 2; accuracy <= 8; accuracy += 2) {
                List<String> names = ScalarFunctions.names(precision, accuracy);
                for (int k = 0; k < names.size(); k++) {
                    assertEquals(SCALAR.get(k), scalar.get(names.get(k)), names.get(k));
                }
            }
        }
    }
}
