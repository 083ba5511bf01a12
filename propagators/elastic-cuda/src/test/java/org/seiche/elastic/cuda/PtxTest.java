package org.seiche.elastic.cuda;

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
 * parameters its batches pass: the ints and pointers of elastic.cu's signatures.
 */
class PtxTest {
    /** Per kernel of ElasticFunctions.names: velocity, stress, stress_terms, velocity_terms, adjoint_stresses, record, inject. */
    private static final String GRID = "i".repeat(7) + "pppp";
    private static final List<String> ELASTIC = List.of(GRID + "pp", GRID + "ppp", GRID + "pippp", GRID + "pipp", GRID,
            "i".repeat(7) + "p".repeat(7), "i".repeat(7) + "p".repeat(7));

    @Test
    void everyLaunchedKernelIsInThePtxWithItsSignature() {
        if (!Ptx.present(ElasticFunctions.class, ElasticFunctions.PTX)) {
            SeicheException e = assertThrows(SeicheException.class, () -> Ptx.read(ElasticFunctions.class, ElasticFunctions.PTX));
            assertTrue(e.getMessage().contains("kernels not compiled (no nvcc at build time)"), e.getMessage());
            return;
        }
        Map<String, String> elastic = Kernel.signatures(new String(Ptx.read(ElasticFunctions.class, ElasticFunctions.PTX),
                StandardCharsets.US_ASCII));
        assertEquals(44, elastic.size(), elastic.keySet().toString());
        for (Precision precision : Precision.values()) {
            for (int accuracy = 2; accuracy <= 8; accuracy += 2) {
                List<String> names = ElasticFunctions.names(precision, accuracy);
                for (int k = 0; k < names.size(); k++) {
                    assertEquals(ELASTIC.get(k), elastic.get(names.get(k)), names.get(k));
                }
            }
        }
    }
}
