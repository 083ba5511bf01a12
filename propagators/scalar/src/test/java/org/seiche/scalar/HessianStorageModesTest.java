package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.Simulation;
import org.seiche.api.Storage.Compression;
import org.seiche.api.Storage.Mode;
import org.seiche.api.Storage;
import org.seiche.scalar.internal.ScalarForwardRun;
import org.seiche.scalar.internal.ScalarPropagator;

/**
 * The Hessian's second-order runs keep the adjoint's history as the forward run's plan
 * keeps its steps: on disk the products are those of memory mode to the bit (float32 and
 * float64, one shot in bands or three on the threads, inner steps and the PML included);
 * compressed they stay within a bound of the exact product. Checkpointing keeps no steps
 * for second-order runs: its products are Born runs checkpointed under the same budget,
 * equal to memory mode's Born runs to the bit and to its second-order runs to rounding.
 */
class HessianStorageModesTest {
    @TempDir
    Path dir;

    /** The gradient of a residual and two Hessian products (mse curvature), and the steps the products recomputed. */
    private record Products(NdArray[] values, long recomputed) {
    }

    private static NdArray[] products(int shots, Precision precision, Storage storage) {
        return products(shots, precision, 1, storage).values();
    }

    private static Products products(int shots, Precision precision, int interval, Storage storage) {
        try (Simulation sim = StorageModesTest.simulation(shots, precision, interval, storage)) {
            int[] all = new int[shots];
            for (int s = 0; s < shots; s++) {
                all[s] = s;
            }
            try (ForwardRun run = sim.forward(all, Set.of(ScalarPropagator.VELOCITY))) {
                NdArray d = run.receiverData().get(0);
                NdArray residual = NdArray.zeros(d.shape());
                for (int i = 0; i < d.size(); i++) {
                    residual.data()[i] = d.data()[i] * (1 + (i % 7) * 0.1);
                }
                NdArray gradient = run.adjoint(List.of(residual)).get(ScalarPropagator.VELOCITY);
                NdArray[] out = {gradient, null, null};
                long gradientRecomputed = ((ScalarForwardRun) run).recomputedSteps();
                for (int k = 1; k <= 2; k++) {
                    NdArray w = NdArray.zeros(30, 36);
                    for (int i = 0; i < w.size(); i++) {
                        w.data()[i] = Math.sin(0.37 * k * i) * 10;
                    }
                    out[k] = run.hessianVector(Map.of(ScalarPropagator.VELOCITY, w), List.of(residual), Setups.mseCurvature())
                            .get(ScalarPropagator.VELOCITY);
                }
                return new Products(out, ((ScalarForwardRun) run).recomputedSteps() - gradientRecomputed);
            }
        }
    }

    private static double relativeL2(NdArray exact, NdArray approx) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < exact.size(); i++) {
            double e = exact.data()[i] - approx.data()[i];
            num += e * e;
            den += exact.data()[i] * exact.data()[i];
        }
        return Math.sqrt(num / den);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @ParameterizedTest(name = "{0} shot(s), {1}")
    @CsvSource({"1, FLOAT32", "1, FLOAT64", "3, FLOAT64", "3, FLOAT32"})
    void diskModeGivesMemoryModesProductsToTheBit(int shots, Precision precision) throws IOException {
        NdArray[] memory = products(shots, precision, Storage.MEMORY);
        NdArray[] disk = products(shots, precision, new Storage(Mode.DISK, Compression.NONE, dir.toString(), 0));
        for (int k = 0; k < memory.length; k++) {
            assertTrue(Setups.dot(memory[k], memory[k]) > 0, "product " + k + " is not zero");
            assertArrayEquals(memory[k].data(), disk[k].data(), "disk: " + (k == 0 ? "gradient" : "product " + k));
        }
        assertEquals(List.of(), files(), "disk mode leaves no file");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"MEMORY, BF16, 0.002", "MEMORY, INT8, 0.03", "DISK, INT8, 0.03"})
    void compressedProductsStayWithinABound(Mode mode, Compression compression, double bound) throws IOException {
        NdArray[] exact = products(1, Precision.FLOAT64, Storage.MEMORY);
        NdArray[] compressed = products(1, Precision.FLOAT64, new Storage(mode, compression, dir.toString(), 0));
        for (int k = 1; k < exact.length; k++) {
            double error = relativeL2(exact[k], compressed[k]);
            System.out.printf("hessian product %d, %s %s: %.3e rel-L2 from the exact one%n", k, mode, compression, error);
            assertTrue(error > 0 && error < bound, mode + " " + compression + " product " + k + ": " + error);
        }
        assertEquals(List.of(), files(), "no file left");
    }

    @ParameterizedTest(name = "{0}, interval {1}")
    @CsvSource({"FLOAT64, 1", "FLOAT32, 3", "FLOAT64, 3"})
    void checkpointedProductsAreBornRunsWithinTheBudget(Precision precision, int interval) {
        Products memory = products(1, precision, interval, Storage.MEMORY);
        long array = StorageModesTest.simulation(1, precision, interval, Storage.MEMORY).bytesPerShot(false) / 10;
        Products checkpoint = products(1, precision, interval, new Storage(Mode.CHECKPOINT, Compression.NONE, null, 40 * array));
        assertArrayEquals(memory.values()[0].data(), checkpoint.values()[0].data(), "gradient");
        assertTrue(checkpoint.recomputed() > 0 && memory.recomputed() == 0, "the products' Born runs recomputed "
                + checkpoint.recomputed());
        for (int k = 1; k < memory.values().length; k++) {
            if (interval == 1) {
                // memory mode's products are second-order runs: the same to rounding
                double error = relativeL2(memory.values()[k], checkpoint.values()[k]);
                assertTrue(error < 1e-10, "product " + k + ": " + error);
            } else {
                assertArrayEquals(memory.values()[k].data(), checkpoint.values()[k].data(), "product " + k);
            }
        }
    }
}
