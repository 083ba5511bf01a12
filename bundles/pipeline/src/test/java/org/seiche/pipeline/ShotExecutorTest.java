package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.Pipeline;
import org.seiche.api.PipelineImage;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;
import org.seiche.api.ShotExecutor;
import org.seiche.api.ShotResult;
import org.seiche.api.ShotRunner;
import org.seiche.api.ShotWork;
import org.seiche.api.ShotWork.Compute;
import org.seiche.pipeline.file.ShipPipeline;

/** Every task's shots go through the executor the pipeline names, and a result is the same bits wherever its batches ran. */
class ShotExecutorTest {
    @TempDir
    Path dir;

    /**
     * Records the work it is given. With wire, it runs each batch as a worker would: the work
     * and the pipeline's image through their bytes into a runner of the pipeline service, the
     * batches last to first, each result back through its bytes.
     */
    static final class Recording implements ShotExecutor {
        final String name;
        final boolean wire;
        final PipelineService worker;
        final List<ShotWork> seen = new ArrayList<>();

        Recording(String name, boolean wire, PipelineService worker) {
            this.name = name;
            this.wire = wire;
            this.worker = worker;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Session open(Map<String, Object> config) {
            return new Session() {
                @Override
                public void run(ShotWork work, ShotRunner here, Consumer<ShotResult> inOrder) {
                    seen.add(work);
                    if (!wire) {
                        LocalShotExecutor.SESSION.run(work, here, inOrder);
                        return;
                    }
                    byte[] bytes = work.toBytes();
                    byte[] image = work.pipeline().bytes();
                    ShotWork sent = ShotWork.fromBytes(bytes, id -> new PipelineImage(id, () -> image));
                    ShotResult[] results = new ShotResult[work.batches().length];
                    try (ShotRunner there = worker.shots(sent, 1)) {
                        for (int b = results.length - 1; b >= 0; b--) {
                            results[b] = ShotResult.fromBytes(there.run(b).by("elsewhere", 0).toBytes());
                        }
                    }
                    Arrays.stream(results).forEach(inOrder);
                }

                @Override
                public Map<String, Object> report() {
                    return Map.of("recorded", seen.size());
                }

                @Override
                public void close() {
                }
            };
        }
    }

    static final String GRADIENT = "task: gradient\nprecision: float64\ngradient_wrt: [v]\nshots_per_batch: 1\n";

    @Test
    void everyTaskRunsItsShotsThroughTheLocalExecutorByDefault() throws IOException {
        PipelineService runtime = PipelineTestSupport.runtime();
        Recording local = new Recording("local", false, null);
        runtime.addExecutor(local, Map.of(ShotExecutor.PROPERTY, "local"));
        Path p = PipelineTestSupport.pipeline(dir, GRADIENT + PipelineTestSupport.SURVEY);
        PipelineSpec gradient = runtime.read(p);
        runtime.run(gradient.toBuilder().task("forward").output(null).build());
        Pipeline.Result r = runtime.run(gradient.toBuilder().output(null).build());
        assertEquals("local", r.summary().get("executor"));
        assertEquals(List.of(Compute.DATA, Compute.GRADIENT), local.seen.stream().map(ShotWork::compute).toList());
        everyShot(local.seen);
        assertEquals(3, local.seen.get(1).batches().length, "one shot per batch");
    }

    /** Each piece of work holds every shot of the survey. */
    static void everyShot(List<ShotWork> seen) {
        for (ShotWork w : seen) {
            TreeSet<Integer> shots = new TreeSet<>();
            Arrays.stream(w.batches()).flatMapToInt(Arrays::stream).forEach(shots::add);
            assertEquals(Set.of(0, 1, 2), shots, "every shot of " + w.compute());
        }
    }

    @Test
    void shotsRunElsewhereGiveTheSameBitsAsLocalOnes() throws IOException {
        for (String precision : List.of("float64", "float32")) {
            PipelineService runtime = PipelineTestSupport.runtime();
            Recording wire = new Recording("wire", true, PipelineTestSupport.runtime());
            runtime.addExecutor(wire, Map.of());
            String yaml = GRADIENT.replace("float64", precision) + PipelineTestSupport.SURVEY;
            Pipeline.Result here = runtime.run(runtime.read(PipelineTestSupport.pipeline(dir, yaml)).toBuilder().output(null).build());
            Pipeline.Result there = runtime.run(runtime.read(PipelineTestSupport.pipeline(dir, "executor: wire\n" + yaml))
                    .toBuilder().output(dir.resolve("out-" + precision)).build());
            assertEquals(1, wire.seen.size());
            assertEquals("wire", there.summary().get("executor"));
            assertEquals(1, there.summary().get("recorded"), "the session's report is in the summary");
            assertEquals((double) here.summary().get("loss"), (double) there.summary().get("loss"), 0, precision + " loss");
            for (String a : List.of("receiver_data", "gradient_v")) {
                NdArray x = here.arrays().get(a);
                NdArray y = there.arrays().get(a);
                assertArrayEquals(x.shape(), y.shape(), a);
                assertArrayEquals(x.data(), y.data(), 0, precision + " " + a + " to the bit");
            }
        }
    }

    @Test
    void anExecutorNobodyProvidesIsRefusedNamingIt() throws IOException {
        PipelineService runtime = PipelineTestSupport.runtime();
        PipelineSpec spec = runtime.read(PipelineTestSupport.pipeline(dir, "executor: {name: hazelcast, cluster: c}\n" + GRADIENT
                + PipelineTestSupport.SURVEY));
        SeicheException e = assertThrows(SeicheException.class, () -> runtime.run(spec));
        assertEquals("executor: no service named 'hazelcast' (available: local)", e.getMessage());
        e = assertThrows(SeicheException.class, () -> runtime.read(PipelineTestSupport.pipeline(dir,
                "executor: {name: local, clustr: c}\n" + GRADIENT + PipelineTestSupport.SURVEY)));
        assertEquals("executor.clustr: unknown key (known for executor local: name)", e.getMessage());
    }

    @Test
    void aPipelineBuiltInCodeCannotLeaveThisProcess() throws IOException {
        PipelineService runtime = PipelineTestSupport.runtime();
        runtime.addExecutor(new Recording("wire", true, PipelineTestSupport.runtime()), Map.of());
        PipelineSpec read = runtime.read(PipelineTestSupport.pipeline(dir, GRADIENT + PipelineTestSupport.SURVEY));
        Map<String, Object> options = new java.util.HashMap<>(read.options());
        options.remove(ShipPipeline.OPTION);
        PipelineSpec inCode = new PipelineSpec(read.task(), read.device(), read.threads(), read.precision(), read.model(),
                read.propagator(), read.settings(), read.survey(), read.observed(), read.dataMask(), read.loss(), read.gradientWrt(),
                read.shotsPerBatch(), read.inversion(), null, true, false, options, Double.NaN, Map.of(),
                org.seiche.api.Named.of("wire"), Map.of());
        SeicheException e = assertThrows(SeicheException.class, () -> runtime.run(inCode));
        assertTrue(e.getMessage().startsWith("executor: this pipeline was assembled in code"), e.getMessage());
    }

    @Test
    void workAndResultsKeepEveryValueThroughTheirBinaryForm() {
        PipelineImage image = new PipelineImage("run-1", () -> new byte[] {1, 2, 3});
        NdArray v = new NdArray(new int[] {2, 2}, new double[] {1.5, -0.0, Double.MIN_VALUE, 3e300});
        ShotWork work = new ShotWork(image, "cpu", Compute.HESSIAN_PRODUCTS, List.of("v"), Map.of("v", v),
                List.of(Map.of("v", v)), new int[][] {{0, 2}, {1}}, "iteration 3");
        byte[] bytes = work.toBytes();
        ShotWork back = ShotWork.fromBytes(bytes, id -> id.equals("run-1") ? image : null);
        assertEquals(image, back.pipeline());
        assertEquals("cpu", back.device());
        assertEquals(Compute.HESSIAN_PRODUCTS, back.compute());
        assertEquals(List.of("v"), back.wrt());
        assertArrayEquals(v.data(), back.model().get("v").data(), 0);
        assertArrayEquals(v.data(), back.directions().get(0).get("v").data(), 0);
        assertArrayEquals(new int[][] {{0, 2}, {1}}, back.batches());
        assertEquals("iteration 3", back.stage());

        ShotResult r = new ShotResult(1, List.of(v), Map.of("pressure", v), new double[] {0.25, 0.5}, Map.of("v", v), null,
                List.of(Map.of("v", v)), 10, 20, 30, 2, "m1", 1.5);
        ShotResult rb = ShotResult.fromBytes(r.toBytes());
        assertEquals(1, rb.batch());
        assertArrayEquals(v.data(), rb.data().get(0).data(), 0);
        assertArrayEquals(v.data(), rb.extraData().get("pressure").data(), 0);
        assertArrayEquals(new double[] {0.25, 0.5}, rb.losses(), 0);
        assertNull(rb.hessian());
        assertEquals(List.of(10L, 20L, 30L, 2), List.of(rb.peakBytes(), rb.estimateBytes(), rb.bytesPerShot(), rb.stepRatio()));
        assertEquals("m1", rb.member());

        byte[] cut = Arrays.copyOf(bytes, bytes.length - 5);
        SeicheException e = assertThrows(SeicheException.class, () -> ShotWork.fromBytes(cut, id -> image));
        assertTrue(e.getMessage().startsWith("shot work: malformed message"), e.getMessage());
        bytes[0] ^= 1;
        e = assertThrows(SeicheException.class, () -> ShotWork.fromBytes(bytes, id -> image));
        assertEquals("shot work: malformed message (not a shot work)", e.getMessage());
    }
}
