package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seiche.api.Device;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.Storage.Compression;
import org.seiche.api.Storage.Mode;
import org.seiche.api.Storage;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.scalar.internal.ScalarForwardRun;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.scalar.spi.ScalarBatch;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.ScalarKernel;
import org.seiche.scalar.spi.ScalarOperator;
import org.seiche.scalar.spi.Transducers;
import org.seiche.wave.Wavelets;
import org.seiche.wave.storage.Revolve;

/**
 * Gradients are the same to the bit whether the stored steps are kept in memory, streamed
 * to disk or recomputed from checkpoints: float32 and float64, every step or every third
 * stored, inner CFL steps and the PML included, one shot (stepped in bands) or three (whole
 * shots on the threads). Checkpointing recomputes as many steps as revolve's bound.
 */
class StorageModesTest {
    @TempDir
    Path dir;

    /** A two-layer model whose survey dt needs inner steps (step ratio 2 or more). */
    static Simulation simulation(int shots, Precision precision, int interval, Storage storage) {
        return simulation(Setups.PROPAGATOR, shots, precision, interval, storage);
    }

    private static Simulation simulation(ScalarPropagator propagator, int shots, Precision precision, int interval,
                                         Storage storage) {
        NdArray v = NdArray.filled(2000, 30, 36);
        for (int i = 15 * 36; i < v.size(); i++) {
            v.data()[i] = 2600;
        }
        int nt = 90;
        double[] w = Wavelets.ricker(15, nt, 0.002, 0.08);
        NdArray amplitudes = NdArray.zeros(shots, 1, nt);
        for (int s = 0; s < shots; s++) {
            System.arraycopy(w, 0, amplitudes.data(), s * nt, nt);
        }
        int[] src = new int[2 * shots];
        int[] rec = new int[4 * shots];
        for (int s = 0; s < shots; s++) {
            src[2 * s] = 2;
            src[2 * s + 1] = 6 + 10 * s;
            rec[4 * s] = 1;
            rec[4 * s + 1] = 3;
            rec[4 * s + 2] = 1;
            rec[4 * s + 3] = 30;
        }
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {8}, 20, Double.NaN, interval, Map.of(), storage);
        return propagator.prepare(Setups.setup(v, new double[] {6, 6}, settings, 0.002, amplitudes,
                Setups.locations(shots, 1, src), Setups.locations(shots, 2, rec), precision));
    }

    private record Result(Map<String, NdArray> gradients, long recomputed, Storage.Plan plan, int stepRatio) {
    }

    private static Result gradient(int shots, Precision precision, int interval, Storage storage) {
        try (Simulation sim = simulation(shots, precision, interval, storage)) {
            int[] all = new int[shots];
            for (int s = 0; s < shots; s++) {
                all[s] = s;
            }
            try (ForwardRun run = sim.forward(all, Set.of(ScalarPropagator.VELOCITY, Simulation.SOURCE_AMPLITUDES))) {
                NdArray d = run.receiverData().get(0);
                NdArray residual = NdArray.zeros(d.shape());
                for (int i = 0; i < d.size(); i++) {
                    residual.data()[i] = d.data()[i] * (1 + (i % 7) * 0.1);
                }
                Map<String, NdArray> g = run.adjoint(List.of(residual));
                return new Result(g, ((ScalarForwardRun) run).recomputedSteps(), sim.storagePlan(shots), sim.stepRatio());
            }
        }
    }

    private static void assertBitEqual(Result expected, Result actual, String what) {
        for (String p : expected.gradients().keySet()) {
            assertArrayEquals(expected.gradients().get(p).data(), actual.gradients().get(p).data(), what + ": gradient " + p);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @ParameterizedTest(name = "{0} shot(s), {1}, interval {2}")
    @CsvSource({"1, FLOAT32, 1", "1, FLOAT64, 3", "3, FLOAT64, 1", "3, FLOAT32, 3"})
    void everyModeGivesTheSameGradientToTheBit(int shots, Precision precision, int interval) throws IOException {
        Result memory = gradient(shots, precision, interval, Storage.MEMORY);
        assertTrue(memory.stepRatio() >= 2, "the case takes inner steps, ratio " + memory.stepRatio());
        assertEquals(0, memory.recomputed());

        Result disk = gradient(shots, precision, interval, new Storage(Mode.DISK, Compression.NONE, dir.toString(), 0));
        assertBitEqual(memory, disk, "disk");
        assertEquals(List.of(), files(), "disk mode leaves no file");

        // a budget of three snapshots a shot (the initial state's free) beside the recomputed fields and taped
        // step: 11 + 2 x 6 arrays of the padded grid
        long array = simulation(1, precision, interval, Storage.MEMORY).bytesPerShot(false) / 10;
        Storage budget = new Storage(Mode.CHECKPOINT, Compression.NONE, null, shots * 23 * array);
        int units = (90 * memory.stepRatio() + interval - 1) / interval;
        Result checkpoint = gradient(shots, precision, interval, budget);
        assertEquals(3, checkpoint.plan().snapshots(), "the budget's snapshots");
        assertBitEqual(memory, checkpoint, "checkpoint");
        assertEquals(checkpoint.plan().recomputedSteps() * shots, checkpoint.recomputed(), "recomputed as planned");
        if (interval == 1) {
            assertEquals(Revolve.forwardSteps(units, 3) * shots, checkpoint.recomputed(), "revolve's bound");
        }
    }

    /**
     * A kernel that keeps every step in memory only (as the CUDA kernel): its plan is memory
     * mode, and a budget its stored steps exceed is refused naming the key.
     */
    @Test
    void aKernelWithMemoryOnlyKeepsItsStepsAndHoldsToTheBudget() {
        CpuScalarKernel cpu = new CpuScalarKernel();
        ScalarKernel memoryOnly = new ScalarKernel() {
            @Override
            public String deviceName() {
                return cpu.deviceName();
            }

            @Override
            public boolean supports(int ndim) {
                return cpu.supports(ndim);
            }

            @Override
            public ScalarOperator load(ScalarGrid grid, Precision precision, Device device) {
                ScalarOperator inner = cpu.load(grid, precision, device);
                return new ScalarOperator() {
                    @Override
                    public ScalarBatch open(Transducers sources, Transducers receivers, int steps, int storeInterval) {
                        return inner.open(sources, receivers, steps, storeInterval);
                    }

                    @Override
                    public long bytesPerShot(int steps, int storeInterval) {
                        return inner.bytesPerShot(steps, storeInterval);
                    }
                };
            }
        };
        ScalarPropagator propagator = new ScalarPropagator(memoryOnly);
        try (Simulation sim = simulation(propagator, 1, Precision.FLOAT32, 1, new Storage(null, Compression.NONE, null,
                1_000_000_000L))) {
            Storage.Plan plan = sim.storagePlan(1);
            assertEquals(Mode.MEMORY, plan.mode());
            assertEquals(sim.bytesPerShot(true), plan.bytesPerShot());
        }
        try (Simulation sim = simulation(propagator, 1, Precision.FLOAT32, 1, new Storage(null, Compression.NONE, null, 1000))) {
            SeicheException e = assertThrows(SeicheException.class, () -> sim.storagePlan(1));
            assertTrue(e.getMessage().startsWith("propagator.storage.memory: this device's kernel keeps every stored step in "
                    + "memory"), e.getMessage());
        }
    }
}
