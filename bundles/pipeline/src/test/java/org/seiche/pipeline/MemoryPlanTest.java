package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.ForwardRun;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Storage;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.losses.MeanSquaredError;
import org.seiche.pipeline.file.Services;
import org.seiche.pipeline.file.ShotModels;

class MemoryPlanTest {
    @TempDir
    Path dir;

    /** A simulation of 4 shots: 1 kB of fields a shot, and 100 kB more stored for a gradient. */
    private static final Simulation FOUR_SHOTS = new Simulation() {
        @Override
        public int shots() {
            return 4;
        }

        @Override
        public int stepRatio() {
            return 1;
        }

        @Override
        public ForwardRun forward(int[] shots, Set<String> gradientWrt) {
            // the run is refused before this; a warm-up that calls it gives up quietly
            throw new IllegalStateException("no run while planning");
        }

        @Override
        public long bytesPerShot(boolean forGradient) {
            return forGradient ? 101_000 : 1_000;
        }
    };

    /** The storage plan of a gradient run of FOUR_SHOTS: every step in memory. */
    private static final Storage.Plan GRADIENT = FOUR_SHOTS.storagePlan(4);

    @Test
    void theEstimateCountsEveryShotOfTheLargestBatchWithItsStore() {
        MemoryPlan.Sizes all = new MemoryPlan.Sizes(500, 4, 2, 10, 20, 0);
        long gradient = MemoryPlan.estimate(FOUR_SHOTS, GRADIENT, all);
        // inputs + coefficients (a shot's fields) + 4 shots (store and 3 data copies) + every shot's data + 2 gradients
        assertEquals(500 + 1_000 + 4 * (101_000 + 3 * 80) + 4 * 80 + 2 * 20 * 8, gradient);
        long batched = MemoryPlan.estimate(FOUR_SHOTS, GRADIENT, new MemoryPlan.Sizes(500, 1, 2, 10, 20, 0));
        assertEquals(3 * (101_000 + 3 * 80), gradient - batched, "a batch of one holds three shots less");
        assertTrue(MemoryPlan.estimate(FOUR_SHOTS, null, all) < gradient - 4 * 100_000 + 1, "a forward stores nothing");
        long hessian = MemoryPlan.estimate(FOUR_SHOTS, GRADIENT, new MemoryPlan.Sizes(500, 4, 2, 10, 20, 9));
        assertEquals(4 * 101_000 + 2 * 1_000 + 2 * 81 * 8 + 2 * 9 * 80, hessian - gradient);
    }

    @Test
    void aRunBeyondTheHeapIsRefusedWithTheFiguresAndTheKeysThatReduceIt() {
        new MemoryPlan(2_000_000_000L).check(2_000_000_000L, 4, 1, false, GRADIENT);
        SeicheException e = assertThrows(SeicheException.class, () -> new MemoryPlan(1_500_000_000L).check(2_000_000_000L, 4, 3, false, GRADIENT));
        for (String s : new String[] {"memory: the run needs about 2.00 GB", "holds at most 1.50 GB", "shots_per_batch or batches (now 4",
            "gradient_sampling_interval (now 3)", "SEICHE_JAVA_OPTS", "propagator.storage (memory: a budget below the heap, "
                + "or mode: checkpoint or disk)"}) {
            assertTrue(e.getMessage().contains(s), s + " in " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("--threads"), "threads do not change a gradient's memory");
        SeicheException h = assertThrows(SeicheException.class, () -> new MemoryPlan(1).check(2, 1, 1, true, GRADIENT));
        assertTrue(h.getMessage().contains("--threads"), h.getMessage());
    }

    /** Through the evaluator: the plan is made and checked before the first forward run. */
    @Test
    void anEvaluationThatCannotFitIsRefusedBeforeItRuns() throws IOException {
        Path p = PipelineTestSupport.pipeline(dir, "task: gradient\nprecision: float64\ngradient_wrt: [v]\n" + PipelineTestSupport.SURVEY);
        PipelineService runtime = PipelineTestSupport.runtime();
        PipelineSpec spec = runtime.read(p).toBuilder().output(null).build();
        Services services = LocalShotExecutor.registry();
        services.propagators.put("linear", new LinearPropagator() {
            @Override
            public Simulation prepare(SimulationSetup setup) {
                return FOUR_SHOTS;
            }
        });
        services.devices.put("cpu", new CpuDevice(2));
        services.losses.put("mse", new MeanSquaredError());
        Runner.Prepared prepared = new Runner(spec, services, Progress.silent()).check();
        Evaluator tight = new Evaluator(spec, prepared, Progress.silent(), new MemoryPlan(100_000));
        SeicheException e = assertThrows(SeicheException.class, () -> tight.evaluate(ShotModels.shared(spec.model()), prepared.batches(),
                prepared.gradientWrt(), org.seiche.api.ShotWork.Compute.GRADIENT));
        assertTrue(e.getMessage().startsWith("memory: the run needs about 0.00 GB"), e.getMessage());
    }
}
