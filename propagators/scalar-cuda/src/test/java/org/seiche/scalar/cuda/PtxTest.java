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
     * source_ratio: for 1-D and 2-D grids (ten geometry ints, ten arrays a field) ...
     */
    private static final List<String> SCALAR = List.of("i".repeat(10) + "p".repeat(19), "i".repeat(10) + "p".repeat(19),
            "iiiiiipppi", "iiiiippp", "iiiiipppp", "iiiiipppp", "i".repeat(10) + "p".repeat(31),
            "i".repeat(10) + "p".repeat(29), "iiiiippppp");
    /** ... and for 3-D grids (fifteen geometry ints, eleven coefficient and profile arrays, fourteen a field). */
    private static final List<String> SCALAR3 = List.of("i".repeat(15) + "p".repeat(26), "i".repeat(15) + "p".repeat(26),
            "iiiiiiiiipppi", "iiiiippp", "iiiiipppp", "iiiiipppp", "i".repeat(15) + "p".repeat(42),
            "i".repeat(15) + "p".repeat(40), "iiiiippppp");

    @Test
    void everyLaunchedKernelIsInThePtxWithItsSignature() {
        if (!Ptx.present(ScalarFunctions.class, ScalarFunctions.PTX)) {
            SeicheException e = assertThrows(SeicheException.class, () -> Ptx.read(ScalarFunctions.class, ScalarFunctions.PTX));
            assertTrue(e.getMessage().contains("kernels not compiled (no nvcc at build time)"), e.getMessage());
            return;
        }
        Map<String, String> scalar = Kernel.signatures(new String(Ptx.read(ScalarFunctions.class, ScalarFunctions.PTX),
                StandardCharsets.US_ASCII));
        assertEquals(76, scalar.size(), scalar.keySet().toString());
        for (Precision precision : Precision.values()) {
            for (int accuracy = 2; accuracy <= 8; accuracy += 2) {
                for (int dims = 2; dims <= 3; dims++) {
                    List<String> names = ScalarFunctions.names(precision, accuracy, dims);
                    List<String> expected = dims == 3 ? SCALAR3 : SCALAR;
                    for (int k = 0; k < names.size(); k++) {
                        assertEquals(expected.get(k), scalar.get(names.get(k)), names.get(k));
                    }
                }
            }
        }
    }
}
