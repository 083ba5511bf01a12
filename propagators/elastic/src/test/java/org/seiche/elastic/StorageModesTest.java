package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.Storage;
import org.seiche.api.Storage.Compression;
import org.seiche.api.Storage.Mode;
import org.seiche.api.Survey;

/**
 * 2-D elastic gradients with the history streamed to disk or recomputed from revolve's
 * checkpoints equal memory mode's to the bit (float32 and float64, every step or every
 * second stored, one shot or two, PML on three sides, a step ratio above 1); compressed
 * (memory or disk) they stay within a bound of the exact ones; disk mode leaves no file. A
 * budget alone picks memory, checkpointing or disk, and one no mode fits is refused.
 */
class StorageModesTest {
    private static final List<String> PARAMETERS = List.of("vp", "vs", "rho");

    @TempDir
    Path dir;

    private static Simulation simulation(int shots, Precision precision, int interval, Storage storage) {
        return simulation(shots, precision, interval, storage, 0.0005, 200);
    }

    /** dt 0.001 is two inner steps (dt 0.0005 one). */
    private static Simulation simulation(int shots, Precision precision, int interval, Storage storage, double dt, int nt) {
        Survey survey = Cases.survey(dt, nt, List.of("y"), List.of(Cases.locations(shots, 1, new int[] {3, 12})),
                List.of("p", "x"), List.of(Cases.locations(shots, 1, new int[] {2, 4}, new int[] {2, 20},
                        new int[] {14, 12}), Cases.locations(shots, 1, new int[] {5, 5}, new int[] {15, 18})));
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {0, 6, 6, 6}, 25, Double.NaN, interval, Map.of(),
                storage);
        return Cases.prepare(Cases.velocityModel(20, 25, 2), 5, survey, settings, precision);
    }

    private static Map<String, NdArray> gradient(int shots, Precision precision, int interval, Storage storage) {
        return gradient(shots, precision, interval, storage, 0.0005, 200);
    }

    private static Map<String, NdArray> gradient(int shots, Precision precision, int interval, Storage storage, double dt,
                                                 int nt) {
        try (Simulation sim = simulation(shots, precision, interval, storage, dt, nt);
             ForwardRun run = sim.forward(Cases.allShots(sim), Set.copyOf(PARAMETERS))) {
            Random r = new Random(1);
            List<NdArray> residual = new ArrayList<>();
            for (NdArray d : run.receiverData()) {
                residual.add(Cases.random(d.shape(), r));
            }
            return run.adjoint(residual);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @ParameterizedTest(name = "{0} shot(s), {1}, interval {2}")
    @CsvSource({"1, FLOAT64, 1", "1, FLOAT32, 2", "2, FLOAT32, 1", "2, FLOAT64, 2"})
    void diskModeGivesMemoryModesGradientToTheBit(int shots, Precision precision, int interval) throws IOException {
        Map<String, NdArray> memory = gradient(shots, precision, interval, Storage.MEMORY);
        Map<String, NdArray> disk = gradient(shots, precision, interval,
                new Storage(Mode.DISK, Compression.NONE, dir.toString(), 0));
        for (String p : PARAMETERS) {
            assertTrue(Cases.dot(memory.get(p).data(), memory.get(p).data()) > 0, p + " is not zero");
            assertArrayEquals(memory.get(p).data(), disk.get(p).data(), "disk: gradient " + p);
        }
        assertEquals(List.of(), files(), "disk mode leaves no file");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"MEMORY, BF16, 0.005", "MEMORY, INT8, 0.03", "DISK, INT8, 0.03"})
    void compressedGradientsStayWithinABound(Mode mode, Compression compression, double bound) throws IOException {
        Map<String, NdArray> exact = gradient(1, Precision.FLOAT64, 1, Storage.MEMORY);
        Map<String, NdArray> compressed = gradient(1, Precision.FLOAT64, 1, new Storage(mode, compression, dir.toString(), 0));
        for (String p : PARAMETERS) {
            double e = ReferenceCaseTest.relL2(compressed.get(p).data(), exact.get(p).data());
            System.out.printf("elastic %s %s, %s: %.3e rel-L2 from the exact gradient%n", mode, compression, p, e);
            assertTrue(e > 0 && e < bound, mode + " " + compression + " " + p + ": " + e);
        }
        assertEquals(List.of(), files(), "no file left");
    }

    @ParameterizedTest(name = "{0} shot(s), {1}, interval {2}, budget {3} B")
    @CsvSource({"1, FLOAT64, 1, 1000000", "1, FLOAT32, 2, 400000", "2, FLOAT32, 1, 1000000", "2, FLOAT64, 3, 2500000"})
    void checkpointingGivesMemoryModesGradientToTheBit(int shots, Precision precision, int interval, long budget) {
        Storage checkpoint = new Storage(Mode.CHECKPOINT, Compression.NONE, null, budget);
        try (Simulation sim = simulation(shots, precision, interval, checkpoint, 0.001, 100)) {
            assertTrue(sim.stepRatio() > 1, "inner steps: ratio " + sim.stepRatio());
            Storage.Plan plan = sim.storagePlan(shots);
            int units = (100 * sim.stepRatio() + interval - 1) / interval;
            assertEquals(Mode.CHECKPOINT, plan.mode());
            assertTrue(plan.snapshots() >= 2 && plan.snapshots() < units / 4, plan.snapshots() + " snapshots of " + units);
            assertTrue(plan.recomputedSteps() > units, plan.recomputedSteps() + " recomputed");
        }
        Map<String, NdArray> memory = gradient(shots, precision, interval, Storage.MEMORY, 0.001, 100);
        Map<String, NdArray> recomputed = gradient(shots, precision, interval, checkpoint, 0.001, 100);
        for (String p : PARAMETERS) {
            assertTrue(Cases.dot(memory.get(p).data(), memory.get(p).data()) > 0, p + " is not zero");
            assertArrayEquals(memory.get(p).data(), recomputed.get(p).data(), "checkpoint: gradient " + p);
        }
    }

    @Test
    void plansCompressionDiskAndCheckpointingAndABudgetPicksTheFirstThatFits() {
        try (Simulation sim = simulation(1, Precision.FLOAT64, 1, new Storage(Mode.MEMORY, Compression.INT8, null, 0))) {
            Storage.Plan plan = sim.storagePlan(1);
            assertEquals(Mode.MEMORY, plan.mode());
            assertEquals(Compression.INT8, plan.compression());
            assertTrue(plan.bytesPerShot() < 0.4 * sim.bytesPerShot(true), plan.bytesPerShot() + " vs " + sim.bytesPerShot(true));
        }
        try (Simulation sim = simulation(1, Precision.FLOAT32, 1, new Storage(Mode.DISK, Compression.NONE, null, 0))) {
            assertEquals(Mode.DISK, sim.storagePlan(2).mode());
        }
        long[] budgets = {100_000_000, 2_000_000, 400_000};
        Mode[] chosen = {Mode.MEMORY, Mode.CHECKPOINT, Mode.DISK};
        for (int k = 0; k < budgets.length; k++) {
            try (Simulation sim = simulation(1, Precision.FLOAT64, 1, new Storage(null, Compression.NONE, null, budgets[k]))) {
                Storage.Plan plan = sim.storagePlan(1);
                assertEquals(chosen[k], plan.mode(), "budget " + budgets[k]);
                assertTrue(k == 0 || plan.bytesPerShot() < sim.bytesPerShot(true) / 4, plan.bytesPerShot() + " of "
                        + sim.bytesPerShot(true));
            }
        }
        try (Simulation sim = simulation(1, Precision.FLOAT64, 1, new Storage(null, Compression.NONE, null, 1000))) {
            SeicheException e = assertThrows(SeicheException.class, () -> sim.storagePlan(1));
            assertTrue(e.getMessage().startsWith("propagator.storage.memory: no mode fits: memory needs "), e.getMessage());
        }
        try (Simulation sim = simulation(1, Precision.FLOAT64, 1, new Storage(Mode.CHECKPOINT, Compression.NONE, null, 1000))) {
            SeicheException e = assertThrows(SeicheException.class, () -> sim.storagePlan(1));
            assertTrue(e.getMessage().startsWith("propagator.storage.memory: checkpointing needs at least "), e.getMessage());
        }
    }
}
