package org.seiche.acoustic.cuda;

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
 * The shipped PTX (when nvcc built it) has every kernel the Java side launches, float and
 * double, 1-, 2- and 3-D, accuracies 2 to 8, with the parameters its batches pass: the ints
 * and pointers of acoustic.cu's signatures.
 */
class PtxTest {
    /** Per kernel of AcousticFunctions.names: velocity, pressure, adjoint_terms, adjoint_velocity, adjoint_pressure, record, inject. */
    private static final String GRID = "i".repeat(4) + "p".repeat(5);
    private static final String POINTS = "i".repeat(7) + "p".repeat(6);
    private static final List<String> ACOUSTIC = List.of(GRID + "ppp", GRID + "p", GRID, GRID + "pppp", GRID + "pp", POINTS,
            POINTS);

    @Test
    void everyLaunchedKernelIsInThePtxWithItsSignature() {
        if (!Ptx.present(AcousticFunctions.class, AcousticFunctions.PTX)) {
            SeicheException e = assertThrows(SeicheException.class, () -> Ptx.read(AcousticFunctions.class, AcousticFunctions.PTX));
            assertTrue(e.getMessage().contains("kernels not compiled (no nvcc at build time)"), e.getMessage());
            return;
        }
        Map<String, String> acoustic = Kernel.signatures(new String(Ptx.read(AcousticFunctions.class, AcousticFunctions.PTX),
                StandardCharsets.US_ASCII));
        // 5 step kernels x 3 dimensions x 4 accuracies, and record and inject, per precision
        assertEquals(2 * (5 * 3 * 4 + 2), acoustic.size(), acoustic.keySet().toString());
        for (Precision precision : Precision.values()) {
            for (int ndim = 1; ndim <= 3; ndim++) {
                for (int accuracy = 2; accuracy <= 8; accuracy += 2) {
                    List<String> names = AcousticFunctions.names(precision, ndim, accuracy);
                    for (int k = 0; k < names.size(); k++) {
                        assertEquals(ACOUSTIC.get(k), acoustic.get(names.get(k)), names.get(k));
                    }
                }
            }
        }
    }
}
