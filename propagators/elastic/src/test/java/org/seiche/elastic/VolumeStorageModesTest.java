package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * 1-D and 3-D elastic gradients (vp, vs, rho and the source amplitudes; two shots of a force
 * and a pressure source) with the history on disk or recomputed from revolve's checkpoints
 * equal memory mode's to the bit, in float32 and float64, every step or every second
 * stored, with inner steps (a step ratio above 1), PML and zero-width sides; compressed,
 * within a bound of the exact gradient; disk mode leaves no file.
 */
class VolumeStorageModesTest {
    private static final Set<String> GRADIENTS = Set.of("vp", "vs", "rho", Simulation.SOURCE_AMPLITUDES);

    @TempDir
    Path dir;

    private static Simulation simulation(int[] shape, Precision precision, int interval, Storage storage) {
        int[] widths = shape.length == 1 ? new int[] {0, 4} : new int[] {0, 3, 3, 3, 3, 3};
        PropagatorSettings settings = new PropagatorSettings(4, widths, 25.0, Double.NaN, interval, Map.of(), storage);
        return VolumeCases.prepare(VolumeCases.velocityModel(shape, 6), 5.0, VolumeFiniteDifferenceTest.survey(shape,
                shape.length == 1 ? 0.0025 : 0.001), settings, precision);
    }

    private static Map<String, NdArray> gradient(int[] shape, Precision precision, int interval, Storage storage) {
        try (Simulation sim = simulation(shape, precision, interval, storage);
             ForwardRun run = sim.forward(Cases.allShots(sim), GRADIENTS)) {
            Random r = new Random(2);
            List<NdArray> residual = new ArrayList<>();
            for (NdArray d : run.receiverData()) {
                residual.add(Cases.random(d.shape(), r));
            }
            return run.adjoint(residual);
        }
    }

    /** The least budget (doubling from 1 kB) whose checkpoint plan holds at least three snapshots for two shots. */
    private static Storage checkpointing(int[] shape, Precision precision, int interval) {
        for (long budget = 1000; ; budget *= 2) {
            Storage s = new Storage(Mode.CHECKPOINT, Compression.NONE, null, budget);
            try (Simulation sim = simulation(shape, precision, interval, s)) {
                Storage.Plan plan = sim.storagePlan(2);
                if (plan.snapshots() >= 3) {
                    assertTrue(sim.stepRatio() > 1, "inner steps: ratio " + sim.stepRatio());
                    assertTrue(plan.recomputedSteps() > plan.snapshots(), plan.recomputedSteps() + " recomputed");
                    System.out.printf("elastic %d-D %s interval %d: checkpointing in %d B, %d snapshots, %d recomputed steps%n",
                            shape.length, precision, interval, budget, plan.snapshots(), plan.recomputedSteps());
                    return s;
                }
            } catch (SeicheException tooSmall) {
                assertTrue(tooSmall.getMessage().startsWith("propagator.storage.memory: checkpointing needs at least "),
                        tooSmall.getMessage());
            }
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static int[] shape(int ndim) {
        return ndim == 1 ? new int[] {30} : new int[] {8, 9, 10};
    }

    @ParameterizedTest(name = "{0}-D, {1}, interval {2}")
    @CsvSource({"1, FLOAT64, 1", "1, FLOAT32, 2", "3, FLOAT32, 1", "3, FLOAT64, 2"})
    void diskAndCheckpointingGiveMemoryModesGradientToTheBit(int ndim, Precision precision, int interval) throws IOException {
        int[] shape = shape(ndim);
        Map<String, NdArray> memory = gradient(shape, precision, interval, Storage.MEMORY);
        Map<String, NdArray> disk = gradient(shape, precision, interval, new Storage(Mode.DISK, Compression.NONE, dir.toString(), 0));
        Map<String, NdArray> checkpoint = gradient(shape, precision, interval, checkpointing(shape, precision, interval));
        assertTrue(memory.keySet().containsAll(GRADIENTS), memory.keySet().toString());
        assertEquals(memory.keySet(), checkpoint.keySet());
        for (String p : memory.keySet()) {
            if (!(ndim == 1 && p.equals("vs"))) {
                assertTrue(Cases.dot(memory.get(p).data(), memory.get(p).data()) > 0, p + " is not zero");
            }
            assertArrayEquals(memory.get(p).data(), disk.get(p).data(), "disk: gradient " + p);
            assertArrayEquals(memory.get(p).data(), checkpoint.get(p).data(), "checkpoint: gradient " + p);
        }
        assertEquals(List.of(), files(), "disk mode leaves no file");
    }

    @ParameterizedTest(name = "{0}-D {1} {2}")
    @CsvSource({"3, MEMORY, BF16, 0.002", "3, DISK, INT8, 0.01", "1, MEMORY, INT8, 0.01"})
    void compressedGradientsStayWithinABound(int ndim, Mode mode, Compression compression, double bound) throws IOException {
        int[] shape = shape(ndim);
        Map<String, NdArray> exact = gradient(shape, Precision.FLOAT64, 1, Storage.MEMORY);
        Map<String, NdArray> compressed = gradient(shape, Precision.FLOAT64, 1, new Storage(mode, compression, dir.toString(), 0));
        for (String p : List.of("vp", "vs", "rho")) {
            if (ndim == 1 && p.equals("vs")) {
                continue;
            }
            double e = ReferenceCaseTest.relL2(compressed.get(p).data(), exact.get(p).data());
            System.out.printf("elastic %d-D %s %s, %s: %.3e rel-L2 from the exact gradient%n", ndim, mode, compression, p, e);
            assertTrue(e > 0 && e < bound, mode + " " + compression + " " + p + ": " + e);
        }
        try (Simulation sim = simulation(shape, Precision.FLOAT64, 1, new Storage(Mode.MEMORY, compression, null, 0))) {
            double ratio = (double) sim.storagePlan(1).bytesPerShot() / sim.bytesPerShot(true);
            assertTrue(ratio < (compression == Compression.BF16 ? 0.6 : 0.4), "memory per shot " + ratio + " of uncompressed");
        }
        assertEquals(List.of(), files(), "no file left");
    }
}
