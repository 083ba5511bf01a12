package org.seiche.tests.framework;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.seiche.api.NdArray;
import org.seiche.api.Pipeline;
import org.seiche.api.PipelineImage;
import org.seiche.api.SeicheException;
import org.seiche.api.ShotExecutor;
import org.seiche.api.ShotResult;
import org.seiche.api.ShotRunner;
import org.seiche.api.ShotWork;

/**
 * A third party's shot executor, registered as a service inside the framework, gets every
 * shot of a pipeline that names it; it runs them as a worker process would (work, pipeline
 * and results through their bytes, batches out of order) and the gradient is the local one
 * to the bit.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class ExecutorInFrameworkTest {
    @InjectService(timeout = 10_000)
    Pipeline pipeline;

    @InjectBundleContext
    BundleContext context;

    @TempDir
    Path dir;

    /** Runs each piece of work the way a remote worker would, last batch first, and records the shots. */
    final class Elsewhere implements ShotExecutor {
        final List<Integer> shots = new ArrayList<>();

        @Override
        public String name() {
            return "elsewhere";
        }

        @Override
        public Session open(Map<String, Object> config) {
            return new Session() {
                @Override
                public void run(ShotWork work, ShotRunner here, Consumer<ShotResult> inOrder) {
                    byte[] sent = work.toBytes();
                    byte[] image = work.pipeline().bytes();
                    ShotWork received = ShotWork.fromBytes(sent, id -> new PipelineImage(id, () -> image));
                    ShotResult[] back = new ShotResult[received.batches().length];
                    try (ShotRunner worker = pipeline.shots(received, 1)) {
                        for (int b = back.length - 1; b >= 0; b--) {
                            back[b] = ShotResult.fromBytes(worker.run(b).toBytes());
                            Arrays.stream(received.batches()[b]).forEach(shots::add);
                        }
                    }
                    Arrays.stream(back).forEach(inOrder);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static final String SURVEY = """
            precision: float64
            device: cpu
            model:
              spacing: 5.0
              parameters:
                v: {constant: %s, shape: [24, 24]}
            propagator: {name: scalar, accuracy: 4, pml_width: 6}
            survey:
              dt: 0.001
              nt: 120
              sources:
                locations: [[[3, 4]], [[3, 12]], [[3, 19]]]
                wavelet: {type: ricker, freq: 25.0, peak_time: 0.04}
              receivers:
                locations: [[[20, 4], [20, 19]], [[20, 8], [20, 16]], [[20, 19], [20, 4]]]
            """;

    /** Runs a pipeline locally and through the executor Elsewhere (registered for the call); both results. */
    private Pipeline.Result[] bothWays(String yaml, Elsewhere executor) throws IOException {
        Files.writeString(dir.resolve("local.yaml"), yaml);
        Files.writeString(dir.resolve("elsewhere.yaml"), "executor: elsewhere\n" + yaml);
        Pipeline.Result local = pipeline.run(pipeline.read(dir.resolve("local.yaml")).toBuilder().output(null).quiet(true).build());
        Dictionary<String, Object> props = new Hashtable<>(Map.of(ShotExecutor.PROPERTY, "elsewhere"));
        ServiceRegistration<ShotExecutor> registration = context.registerService(ShotExecutor.class, executor, props);
        try {
            return new Pipeline.Result[] {local,
                pipeline.run(pipeline.read(dir.resolve("elsewhere.yaml")).toBuilder().output(null).quiet(true).build())};
        } finally {
            registration.unregister();
        }
    }

    @Test
    void aHessianRunElsewhereIsTheLocalOneToTheBit() throws IOException {
        String small = SURVEY.replace("shape: [24, 24]", "shape: [12, 12]").replace("[[[3, 4]], [[3, 12]], [[3, 19]]]",
                "[[[2, 3]], [[2, 8]], [[2, 10]]]").replace("[[[20, 4], [20, 19]], [[20, 8], [20, 16]], [[20, 19], [20, 4]]]",
                "[[[9, 2], [9, 9]], [[9, 4], [9, 7]], [[9, 9], [9, 2]]]").replace("nt: 120", "nt: 60").replace("pml_width: 6",
                "pml_width: 4");
        Files.writeString(dir.resolve("truth.yaml"), "task: forward\noutput: truth\n" + small.formatted("1500.0"));
        pipeline.run(pipeline.read(dir.resolve("truth.yaml")).toBuilder().quiet(true).build());
        Elsewhere executor = new Elsewhere();
        Pipeline.Result[] r = bothWays("task: hessian\ngradient_wrt: [v]\nshots_per_batch: 1\n"
                + "observed: {file: truth/receiver_data.npy}\n" + small.formatted("1450.0"), executor);
        assertEquals(List.of(2, 1, 0), executor.shots);
        NdArray here = r[0].arrays().get("hessian_v");
        assertArrayEquals(new int[] {144, 144}, here.shape());
        assertArrayEquals(here.data(), r[1].arrays().get("hessian_v").data(), 0, "hessian to the bit");
        assertArrayEquals(r[0].arrays().get("gradient_v").data(), r[1].arrays().get("gradient_v").data(), 0, "gradient");
    }

    @Test
    void aCustomExecutorRunsEveryShotAndTheGradientIsTheLocalOne() throws IOException {
        Files.writeString(dir.resolve("truth.yaml"), "task: forward\noutput: truth\n" + SURVEY.formatted("1500.0"));
        pipeline.run(pipeline.read(dir.resolve("truth.yaml")).toBuilder().quiet(true).build());
        Elsewhere executor = new Elsewhere();
        Pipeline.Result[] r = bothWays("task: gradient\ngradient_wrt: [v]\nshots_per_batch: 1\nobserved: {file: truth/receiver_data.npy}\n"
                + SURVEY.formatted("1450.0"), executor);
        Pipeline.Result local = r[0];
        Pipeline.Result there = r[1];
        assertEquals(List.of(2, 1, 0), executor.shots, "every shot ran there, last batch first");
        assertEquals("elsewhere", there.summary().get("executor"));
        assertEquals("local", local.summary().get("executor"));
        assertEquals((double) local.summary().get("loss"), (double) there.summary().get("loss"), 0);
        for (String a : List.of("receiver_data", "gradient_v")) {
            NdArray x = local.arrays().get(a);
            NdArray y = there.arrays().get(a);
            assertArrayEquals(x.data(), y.data(), 0, a + " to the bit");
        }
        // gone with its bundle's registration: the name is refused, naming it and what there is
        SeicheException e = assertThrows(SeicheException.class,
                () -> pipeline.run(pipeline.read(dir.resolve("elsewhere.yaml")).toBuilder().output(null).quiet(true).build()));
        assertEquals("executor: no service named 'elsewhere' (available: local)", e.getMessage());
        assertEquals(new TreeSet<>(List.of(0, 1, 2)), new TreeSet<>(executor.shots));
    }
}
