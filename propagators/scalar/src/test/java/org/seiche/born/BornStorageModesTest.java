package org.seiche.born;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.Storage.Compression;
import org.seiche.api.Storage.Mode;
import org.seiche.api.Storage;
import org.seiche.scalar.Setups;
import org.seiche.scalar.internal.BornPropagator;
import org.seiche.scalar.internal.BornRun;
import org.seiche.wave.storage.Revolve;

/**
 * Born gradients (scatter and background velocity) are the same to the bit whether its
 * stored S(u) and S(u1) are kept in memory, streamed to disk or recomputed from checkpoints
 * of both fields: float32 and float64, every step or every second stored, inner steps and
 * the PML included.
 */
class BornStorageModesTest {
    private static final int[] SHAPE = {14, 18};

    @TempDir
    Path dir;

    private static Simulation simulation(Precision precision, int interval, Storage storage) {
        Random random = new Random(3);
        NdArray v = NdArray.zeros(SHAPE);
        NdArray scatter = NdArray.zeros(SHAPE);
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = 1900 + 300 * random.nextDouble();
            scatter.data()[i] = 40 * random.nextGaussian();
        }
        Locations sources = new Locations(2, 1, 2, new int[] {1, 4, 2, 12});
        Locations receivers = new Locations(2, 2, 2, new int[] {0, 2, 12, 15, 1, 3, 11, 9});
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {5}, 20, 2600, interval, Map.of(), storage);
        return BornSetups.BORN.prepare(Setups.setup(Map.of("v", v, "scatter", scatter), new double[] {5, 4}, settings,
                0.0016, Setups.random(random, 1, 2, 1, 60), sources, receivers, precision));
    }

    private record Result(Map<String, NdArray> gradients, long recomputed, int stepRatio) {
    }

    private static Result gradient(Precision precision, int interval, Storage storage) {
        try (Simulation sim = simulation(precision, interval, storage);
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of(BornPropagator.SCATTER, BornPropagator.VELOCITY))) {
            NdArray d = run.receiverData().get(0);
            Map<String, NdArray> g = run.adjoint(List.of(d));
            return new Result(g, ((BornRun) run).recomputedSteps(), sim.stepRatio());
        }
    }

    private static void assertBitEqual(Result expected, Result actual, String what) {
        assertEquals(expected.gradients().keySet(), actual.gradients().keySet());
        for (String p : expected.gradients().keySet()) {
            assertArrayEquals(expected.gradients().get(p).data(), actual.gradients().get(p).data(), what + ": gradient " + p);
        }
    }

    @ParameterizedTest(name = "{0}, interval {1}")
    @CsvSource({"FLOAT32, 1", "FLOAT64, 2"})
    void everyModeGivesTheSameGradientToTheBit(Precision precision, int interval) throws IOException {
        Result memory = gradient(precision, interval, Storage.MEMORY);
        assertTrue(memory.stepRatio() >= 2, "inner steps, ratio " + memory.stepRatio());
        Result disk = gradient(precision, interval, new Storage(Mode.DISK, Compression.NONE, dir.toString(), 0));
        assertBitEqual(memory, disk, "disk");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "disk mode leaves no file");
        }
        // two shots of 2 x 11 + 2 arrays of checkpointing's own and 3 snapshots of 2 x 6 arrays each
        long array = simulation(precision, interval, Storage.MEMORY).bytesPerShot(false) / 2 / 10;
        Result checkpoint = gradient(precision, interval, new Storage(Mode.CHECKPOINT, Compression.NONE, null,
                2 * (24 + 3 * 12) * array));
        assertBitEqual(memory, checkpoint, "checkpoint");
        int units = (60 * memory.stepRatio() + interval - 1) / interval;
        assertTrue(checkpoint.recomputed() > 0);
        if (interval == 1) {
            assertEquals(2 * Revolve.forwardSteps(units, 4), checkpoint.recomputed(), "revolve's bound, 4 snapshots");
        }
        Result int8 = gradient(precision, interval, new Storage(Mode.MEMORY, Compression.INT8, null, 0));
        for (String p : memory.gradients().keySet()) {
            double rel = Setups.relativeL2(int8.gradients().get(p), memory.gradients().get(p));
            assertTrue(rel > 0 && rel < 2e-2, "int8 " + p + ": rel-L2 " + rel);
        }
    }
}
