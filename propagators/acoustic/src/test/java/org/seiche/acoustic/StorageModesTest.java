package org.seiche.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
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
import org.seiche.api.PropagatorSettings;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.Storage;
import org.seiche.api.Storage.Compression;
import org.seiche.api.Storage.Mode;
import org.seiche.api.Survey;
import org.seiche.wave.storage.Revolve;

/**
 * The acoustic gradients (v and rho, or k and buoyancy, and the source amplitudes) are the
 * same to the bit whether the stored terms are kept in memory, streamed to disk or
 * recomputed from checkpoints (p, v and every C-PML memory field restored): 1-, 2- and 3-D,
 * float32 and float64, every step or every third stored, inner CFL steps, one shot (stepped
 * in bands) or three (whole shots on the threads). Checkpointing recomputes revolve's
 * steps; compressed terms stay within their error bounds; a budget alone picks the mode.
 */
class StorageModesTest {
    @TempDir
    Path dir;

    /** A model with a density step, PML on every side but a free top, a survey dt that needs inner steps. */
    private static Simulation simulation(int[] shape, String set, int shots, Precision precision, int interval,
                                         Storage storage) {
        Map<String, NdArray> velocity = Cases.velocityModel(shape, 5);
        Map<String, NdArray> model = set.equals("v") ? velocity : Cases.modulusModel(velocity);
        Survey survey = Cases.survey(0.002, 40, List.of("p"),
                List.of(Cases.locations(shots, DotProductTest.cell(shape, 1, 0))), List.of("p", "x"),
                List.of(Cases.locations(shots, DotProductTest.cell(shape, 2, 2), DotProductTest.cell(shape, -5, 1)),
                        Cases.locations(shots, DotProductTest.cell(shape, shape[0] / 2, 1))), new Random(11));
        int[] widths = new int[2 * shape.length];
        java.util.Arrays.fill(widths, 4);
        widths[0] = 0;
        PropagatorSettings settings = new PropagatorSettings(4, widths, 25.0, 2500, interval, Map.of(), storage);
        return Cases.prepare(model, 5.0, survey, settings, precision);
    }

    private record Result(Map<String, NdArray> gradients, long recomputed, Storage.Plan plan, int stepRatio) {
    }

    private static Result gradient(int[] shape, String set, int shots, Precision precision, int interval, Storage storage) {
        try (Simulation sim = simulation(shape, set, shots, precision, interval, storage)) {
            Set<String> wrt = new LinkedHashSet<>(set.equals("v") ? List.of("v", "rho") : List.of("k", "buoyancy"));
            wrt.add(Simulation.SOURCE_AMPLITUDES);
            try (ForwardRun run = sim.forward(Cases.allShots(sim), wrt)) {
                Random r = new Random(3);
                List<NdArray> residual = run.receiverData().stream().map(d -> Cases.random(d.shape(), r)).toList();
                Map<String, NdArray> g = run.adjoint(residual);
                return new Result(g, recomputed(run), sim.storagePlan(shots), sim.stepRatio());
            }
        }
    }

    /** The run's recomputed steps (AcousticForwardRun's, package-private in the bundle's internals). */
    private static long recomputed(ForwardRun run) {
        try {
            var m = run.getClass().getDeclaredMethod("recomputedSteps");
            m.setAccessible(true);
            return (long) m.invoke(run);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertBitEqual(Result expected, Result actual, String what) {
        assertEquals(expected.gradients().keySet(), actual.gradients().keySet());
        for (String p : expected.gradients().keySet()) {
            assertArrayEquals(expected.gradients().get(p).data(), actual.gradients().get(p).data(), what + ": gradient " + p);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** Bytes of one array of the padded grid: a forward state holds 1 + 3 ndim of them. */
    private static long array(int[] shape, Precision precision, int interval) {
        try (Simulation sim = simulation(shape, "v", 1, precision, interval, Storage.MEMORY)) {
            return sim.bytesPerShot(false) / (1 + 3L * shape.length);
        }
    }

    private static int[] shape(int ndim) {
        return switch (ndim) {
            case 1 -> new int[] {40};
            case 2 -> new int[] {16, 18};
            default -> new int[] {10, 11, 12};
        };
    }

    @ParameterizedTest(name = "{0}-D {1}, {2} shot(s), {3}, interval {4}")
    @CsvSource({"1, v, 1, FLOAT64, 1", "1, k, 3, FLOAT32, 3", "2, v, 1, FLOAT32, 1", "2, k, 1, FLOAT64, 3",
        "2, v, 3, FLOAT64, 1", "3, v, 1, FLOAT64, 1", "3, k, 1, FLOAT32, 3", "3, v, 3, FLOAT32, 1"})
    void everyModeGivesTheSameGradientToTheBit(int ndim, String set, int shots, Precision precision, int interval)
            throws IOException {
        int[] shape = shape(ndim);
        Result memory = gradient(shape, set, shots, precision, interval, Storage.MEMORY);
        assertTrue(memory.stepRatio() >= 2, "the case takes inner steps, ratio " + memory.stepRatio());
        assertEquals(Mode.MEMORY, memory.plan().mode());
        assertEquals(0, memory.recomputed());

        Result disk = gradient(shape, set, shots, precision, interval, new Storage(Mode.DISK, Compression.NONE, dir.toString(),
                0));
        assertEquals(Mode.DISK, disk.plan().mode());
        assertBitEqual(memory, disk, "disk");
        assertEquals(List.of(), files(), "disk mode leaves no file");

        // three snapshots a shot (the initial state's free) beside the replayed state and the taped step's terms
        long array = array(shape, precision, interval);
        long perShot = 3 * (1 + 3L * ndim) * array + (1 + ndim) * array;
        Result checkpoint = gradient(shape, set, shots, precision, interval, new Storage(Mode.CHECKPOINT, Compression.NONE,
                null, shots * perShot));
        assertEquals(Mode.CHECKPOINT, checkpoint.plan().mode());
        assertEquals(3, checkpoint.plan().snapshots(), "the budget's snapshots");
        assertBitEqual(memory, checkpoint, "checkpoint");
        assertEquals(checkpoint.plan().recomputedSteps() * shots, checkpoint.recomputed(), "recomputed as planned");
        int units = (40 * memory.stepRatio() + interval - 1) / interval;
        if (interval == 1) {
            assertEquals(Revolve.forwardSteps(units, 3) * shots, checkpoint.recomputed(), "revolve's bound");
        }
        assertTrue(checkpoint.recomputed() > 0);

        // the fewest snapshots a budget gives: two
        Result two = gradient(shape, set, shots, precision, interval, new Storage(Mode.CHECKPOINT, Compression.NONE, null,
                shots * (2 * (1 + 3L * ndim) * array + (1 + ndim) * array)));
        assertEquals(2, two.plan().snapshots());
        assertBitEqual(memory, two, "checkpoint, two snapshots");
        assertEquals(two.plan().recomputedSteps() * shots, two.recomputed(), "recomputed as planned, two snapshots");
    }

    /** The relative L2 distance of a gradient from the exact one. */
    private static double distance(NdArray exact, NdArray approx) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < exact.size(); i++) {
            double d = approx.data()[i] - exact.data()[i];
            num += d * d;
            den += exact.data()[i] * exact.data()[i];
        }
        return Math.sqrt(num / den);
    }

    @ParameterizedTest(name = "{0}-D {1}")
    @CsvSource({"1, FLOAT64", "2, FLOAT32", "2, FLOAT64", "3, FLOAT32"})
    void compressedTermsStayWithinTheirBounds(int ndim, Precision precision) throws IOException {
        int[] shape = shape(ndim);
        Result exact = gradient(shape, "v", 1, precision, 1, Storage.MEMORY);
        for (Compression c : List.of(Compression.BF16, Compression.INT8)) {
            Result memory = gradient(shape, "v", 1, precision, 1, new Storage(Mode.MEMORY, c, null, 0));
            Result disk = gradient(shape, "v", 1, precision, 1, new Storage(Mode.DISK, c, dir.toString(), 0));
            assertBitEqual(memory, disk, c.key() + " in memory and on disk");
            assertEquals(List.of(), files(), "disk mode leaves no file");
            double bound = c == Compression.BF16 ? 1e-2 : 3e-2;
            for (String p : List.of("v", "rho")) {
                double d = distance(exact.gradients().get(p), memory.gradients().get(p));
                System.out.printf("compression %s %d-D %s: gradient %s rel-L2 %.2e%n", c.key(), ndim, precision, p, d);
                assertTrue(d > 0, c.key() + " changes the stored terms");
                assertTrue(d < bound, c.key() + " gradient " + p + " rel-L2 " + d + " above " + bound);
            }
            // the source amplitudes' gradient needs no stored terms
            assertArrayEquals(exact.gradients().get(Simulation.SOURCE_AMPLITUDES).data(),
                    memory.gradients().get(Simulation.SOURCE_AMPLITUDES).data());
        }
    }

    @Test
    void aBudgetAlonePicksMemoryThenCheckpointingAndRefusesWhatNothingFits() {
        int[] shape = shape(2);
        long array = array(shape, Precision.FLOAT64, 1);
        try (Simulation sim = simulation(shape, "v", 1, Precision.FLOAT64, 1, new Storage(null, Compression.NONE, null,
                1L << 40))) {
            assertEquals(Mode.MEMORY, sim.storagePlan(1).mode());
        }
        try (Simulation sim = simulation(shape, "v", 1, Precision.FLOAT64, 1, new Storage(null, Compression.NONE, null,
                60 * array))) {
            Storage.Plan plan = sim.storagePlan(1);
            assertEquals(Mode.CHECKPOINT, plan.mode());
            assertTrue(plan.snapshots() > 1 && plan.recomputedSteps() > 0, plan.toString());
        }
        try (Simulation sim = simulation(shape, "v", 1, Precision.FLOAT64, 1, new Storage(null, Compression.NONE, null,
                10))) {
            SeicheException e = assertThrows(SeicheException.class, () -> sim.storagePlan(1));
            assertTrue(e.getMessage().startsWith("propagator.storage.memory: no mode fits"), e.getMessage());
        }
    }
}
