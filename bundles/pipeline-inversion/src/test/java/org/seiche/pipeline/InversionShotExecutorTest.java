package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.Pipeline;
import org.seiche.api.ShotExecutor;
import org.seiche.api.ShotWork;
import org.seiche.api.ShotWork.Compute;
import org.seiche.pipeline.inversion.InversionTestSupport;

/** Every task's shots go through the executor the pipeline names, and a result is the same bits wherever its batches ran. */
/** An inversion's evaluations go through the local executor by default, every shot in each. */
class InversionShotExecutorTest {
    @TempDir
    Path dir;

    @Test
    void theInversionsShotsRunThroughTheLocalExecutorByDefault() throws IOException {
        PipelineService runtime = InversionTestSupport.runtime();
        ShotExecutorTest.Recording local = new ShotExecutorTest.Recording("local", false, null);
        runtime.addExecutor(local, Map.of(ShotExecutor.PROPERTY, "local"));
        Pipeline.Result r = runtime.run(runtime.read(PipelineTestSupport.pipeline(dir, """
                task: invert
                precision: float64
                inversion: {parameters: [v], iterations: 2, optimiser: {name: descent, lr: 0.5}}
                """ + PipelineTestSupport.SURVEY)).toBuilder().output(null).build());
        assertEquals("local", r.summary().get("executor"));
        assertEquals(List.of(Compute.GRADIENT), local.seen.subList(0, local.seen.size() - 1).stream()
                .map(ShotWork::compute).distinct().toList(), "the inversion's evaluations");
        assertEquals(Compute.LOSS, local.seen.get(local.seen.size() - 1).compute(), "the final model's loss");
        ShotExecutorTest.everyShot(local.seen);
    }
}
