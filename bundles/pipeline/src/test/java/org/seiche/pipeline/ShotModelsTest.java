package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seiche.api.Batches;
import org.seiche.api.NdArray;
import org.seiche.api.Pipeline;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.api.ShotWork.Compute;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.elastic.cpu.CpuElasticKernel;
import org.seiche.elastic.internal.ElasticPropagator;
import org.seiche.io.Npy;
import org.seiche.losses.MeanSquaredError;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.pipeline.file.Services;
import org.seiche.pipeline.file.ShotModels;

/**
 * A model per shot: each shot's data and gradient are those of a run of that shot alone in
 * its own model (to the bit), shared parameters' gradients their sum in shot order.
 */
class ShotModelsTest {
    private static final int NZ = 16;
    private static final int NX = 24;
    private static final int SHOTS = 2;

    @TempDir
    Path dir;

    static Services services() {
        Services s = LocalShotExecutor.registry();
        s.optimisers.put("descent", new PipelineTestSupport.Descent());
        s.mappings.put("scale", new PipelineTestSupport.Scale());
        s.propagators.put("scalar", new ScalarPropagator(new CpuScalarKernel()));
        s.propagators.put("elastic", new ElasticPropagator(new CpuElasticKernel()));
        s.devices.put("cpu", new CpuDevice(2));
        s.losses.put("mse", new MeanSquaredError());
        return s;
    }

    static PipelineService runtime() {
        PipelineService p = new PipelineService();
        Services s = services();
        s.propagators.values().forEach(x -> p.addPropagator(x, Map.of()));
        p.addDevice(new CpuDevice(2), Map.of());
        p.addLoss(new MeanSquaredError(), Map.of());
        p.addOptimiser(new PipelineTestSupport.Descent(), Map.of());
        p.addMapping(new PipelineTestSupport.Scale(), Map.of());
        return p;
    }

    /** A layered model whose values differ by shot: base + step below row NZ/2 + shot * perShot. */
    static NdArray layered(int shots, double base, double step, double perShot) {
        int[] shape = shots == 0 ? new int[] {NZ, NX} : new int[] {shots, NZ, NX};
        NdArray a = NdArray.zeros(shape);
        int cells = NZ * NX;
        for (int i = 0; i < a.size(); i++) {
            int s = i / cells;
            int z = i % cells / NX;
            a.data()[i] = base + (z >= NZ / 2 ? step : 0) + s * perShot + 0.5 * (i % 7);
        }
        return a;
    }

    Path write(String name, NdArray a) {
        Path p = dir.resolve(name);
        Npy.write(p, a, Precision.FLOAT64);
        return p;
    }

    static String survey(String propagator, String component) {
        return """
                propagator: {name: %s, accuracy: 4, pml_width: 8, pml_freq: 25.0}
                survey:
                  dt: 0.0005
                  nt: 90
                  sources:
                    locations: [[[3, 8]], [[3, 16]]]
                    wavelet: {type: ricker, freq: 25.0, peak_time: 0.04}
                    %s
                  receivers:
                    locations: [[[4, 4], [4, 12], [4, 20]], [[4, 6], [4, 14], [4, 22]]]
                    %s
                observed: {file: observed.npy}
                device: cpu
                """.formatted(propagator, component, component);
    }

    PipelineSpec read(String yaml) throws IOException {
        double[] obs = new double[SHOTS * 3 * 90];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = 1e-3 * Math.sin(i * 0.3);
        }
        write("observed.npy", new NdArray(new int[] {SHOTS, 3, 90}, obs));
        Path p = dir.resolve("pipeline.yaml");
        Files.writeString(p, yaml);
        return runtime().read(p).toBuilder().output(null).build();
    }

    /** Shot s alone (batch {s}) on the spec's survey, every parameter given as shared. */
    static Evaluator.Evaluation alone(PipelineSpec spec, int s) {
        return alone(spec, s, Compute.GRADIENT);
    }

    static Evaluator.Evaluation alone(PipelineSpec spec, int s, Compute want) {
        Runner.Prepared p = new Runner(spec, services(), Progress.silent()).check();
        return new Evaluator(spec, p, Progress.silent()).evaluate(ShotModels.shared(spec.model()), new int[][] {{s}},
                new LinkedHashSet<>(spec.gradientWrt()), want);
    }

    static NdArray shot(NdArray a, int s) {
        NdArray one = Batches.selectShots(a, new int[] {s});
        return new NdArray(java.util.Arrays.copyOfRange(a.shape(), 1, a.ndim()), one.data());
    }

    @ParameterizedTest
    @ValueSource(strings = {"float32", "float64"})
    void perShotGradientsAreThoseOfSeparateRunsToTheBit(String precision) throws IOException {
        NdArray v = layered(SHOTS, 1500, 400, 150);
        write("v.npy", v);
        PipelineSpec spec = read("task: gradient\nprecision: " + precision + "\ngradient_wrt: [v]\nmodel: {spacing: 5.0, "
                + "parameters: {v: {file: v.npy}}}\n" + survey("scalar", ""));
        assertArrayEquals(new int[] {NZ, NX}, spec.model().shape(), "a 2-D model, v given per shot");
        Pipeline.Result r = runtime().run(spec);
        NdArray g = r.arrays().get("gradient_v");
        NdArray data = r.arrays().get("receiver_data");
        assertArrayEquals(new int[] {SHOTS, NZ, NX}, g.shape());
        assertEquals(List.of("v"), r.summary().get("shot_models"));
        // the largest velocity of all shots bounds every shot's step
        double maxVel = largest(new ScalarPropagator(), spec, "v", v);
        assertEquals(maxVel, (double) r.summary().get("max_vel"));
        double loss = 0;
        for (int s = 0; s < SHOTS; s++) {
            write("v" + s + ".npy", shot(v, s));
            PipelineSpec one = read("task: gradient\nprecision: " + precision + "\ngradient_wrt: [v]\nmodel: {spacing: 5.0, "
                    + "parameters: {v: {file: v" + s + ".npy}}}\n"
                    + survey("scalar", "").replace("pml_freq: 25.0}", "pml_freq: 25.0, max_vel: " + maxVel + "}"));
            Evaluator.Evaluation e = alone(one, s);
            assertArrayEquals(e.gradients().get("v").data(), shot(g, s).data(), "gradient of shot " + s);
            assertArrayEquals(shot(e.data().get(0), s).data(), shot(data, s).data(), "data of shot " + s);
            assertTrue(maxAbs(e.gradients().get("v")) > 0, "shot " + s + " has a gradient");
            loss += e.loss();
        }
        assertEquals(loss, (double) r.summary().get("loss"));
        // the shots' models differ, so their gradients do
        assertFalse(java.util.Arrays.equals(shot(g, 0).data(), shot(g, 1).data()));
    }

    @Test
    void aSharedParameterGetsTheSumOverShotsOfItsGradient() throws IOException {
        NdArray vp = layered(SHOTS, 2000, 500, 200);
        write("vp.npy", vp);
        write("vs.npy", layered(0, 1100, 300, 0));
        write("rho.npy", layered(0, 2000, 200, 0));
        String model = "model: {spacing: 5.0, parameters: {vp: {file: %s}, vs: {file: vs.npy}, rho: {file: rho.npy}}}\n";
        String head = "task: gradient\nprecision: float64\ngradient_wrt: [vp, rho]\n";
        PipelineSpec spec = read(head + model.formatted("vp.npy") + survey("elastic", "component: \"y\""));
        Pipeline.Result r = runtime().run(spec);
        NdArray gvp = r.arrays().get("gradient_vp");
        NdArray grho = r.arrays().get("gradient_rho");
        assertArrayEquals(new int[] {SHOTS, NZ, NX}, gvp.shape());
        assertArrayEquals(new int[] {NZ, NX}, grho.shape());
        double maxVel = largest(new ElasticPropagator(new CpuElasticKernel()), spec, "vp", vp);
        NdArray sum = null;
        for (int s = 0; s < SHOTS; s++) {
            write("vp" + s + ".npy", shot(vp, s));
            PipelineSpec one = read(head + model.formatted("vp" + s + ".npy") + survey("elastic", "component: \"y\"")
                    .replace("pml_freq: 25.0}", "pml_freq: 25.0, max_vel: " + maxVel + "}"));
            Evaluator.Evaluation e = alone(one, s);
            assertArrayEquals(e.gradients().get("vp").data(), shot(gvp, s).data(), "vp gradient of shot " + s);
            sum = Evaluator.add(sum, e.gradients().get("rho"));
        }
        assertArrayEquals(sum.data(), grho.data(), "rho gradient summed over the shots in order");
        assertTrue(maxAbs(grho) > 0);
    }

    @Test
    void aShotAxisThatIsNotTheSurveysShotsIsRefused() throws IOException {
        write("v.npy", layered(3, 1500, 400, 150));
        PipelineSpec spec = read("task: forward\nmodel: {spacing: 5.0, parameters: {v: {file: v.npy}}}\n" + survey("scalar", ""));
        SeicheException e = assertThrows(SeicheException.class, () -> runtime().run(spec));
        assertEquals("model.parameters.v: leading (shot) axis 3 but the survey has 2 shots (a model per shot needs one model each)",
                e.getMessage());
    }

    /**
     * A shot's loss depends on its own model only: the Hessian is [shots, n, n], block s that of
     * shot s alone; on an 8 x 12 model (a Hessian takes a tangent run per cell).
     */
    @Test
    void perShotHessianBlocksAreThoseOfSeparateRunsToTheBit() throws IOException {
        NdArray v = NdArray.zeros(SHOTS, 8, 12);
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = 1600 + 150 * (i / 96) + 40 * (i % 96 / 12) + 3 * (i % 5);
        }
        write("v.npy", v);
        String head = "task: hessian\nprecision: float64\ngradient_wrt: [v]\nmodel: {spacing: 5.0, parameters: {v: {file: %s}}}\n";
        String small = survey("scalar", "").replace("[[[3, 8]], [[3, 16]]]", "[[[2, 3]], [[2, 8]]]")
                .replace("[[[4, 4], [4, 12], [4, 20]], [[4, 6], [4, 14], [4, 22]]]", "[[[3, 1], [3, 6], [3, 10]], [[3, 2], [3, 7], [3, 11]]]");
        PipelineSpec spec = read(head.formatted("v.npy") + small);
        NdArray h = runtime().run(spec).arrays().get("hessian_v");
        assertArrayEquals(new int[] {SHOTS, 96, 96}, h.shape());
        double maxVel = largest(new ScalarPropagator(), spec, "v", v);
        for (int s = 0; s < SHOTS; s++) {
            write("v" + s + ".npy", shot(v, s));
            PipelineSpec one = read(head.formatted("v" + s + ".npy")
                    + small.replace("pml_freq: 25.0}", "pml_freq: 25.0, max_vel: " + maxVel + "}"));
            NdArray block = alone(one, s, Compute.HESSIAN).hessian();
            assertArrayEquals(block.data(), shot(h, s).data(), "Hessian block of shot " + s);
            assertTrue(maxAbs(block) > 0, "shot " + s + " has a Hessian");
        }
        assertFalse(java.util.Arrays.equals(shot(h, 0).data(), shot(h, 1).data()), "the shots' models differ");
    }

    /** Hessian products (Newton's) of a model per shot: each shot's block is the product of that shot alone, to the bit. */
    @Test
    void perShotHessianProductsAreThoseOfSeparateRuns() throws IOException {
        NdArray v = layered(SHOTS, 1500, 400, 150);
        write("v.npy", v);
        String survey = survey("scalar", "").replace("pml_freq: 25.0}", "pml_freq: 25.0, max_vel: 2500}");
        String head = "task: gradient\nprecision: float64\ngradient_wrt: [v]\nmodel: {spacing: 5.0, parameters: {v: {file: %s}}}\n";
        PipelineSpec spec = read(head.formatted("v.npy") + survey);
        NdArray w = NdArray.zeros(v.shape());
        for (int i = 0; i < w.size(); i++) {
            w.data()[i] = Math.sin(0.37 * i);
        }
        Runner.Prepared p = new Runner(spec, services(), Progress.silent()).check();
        NdArray hw = new Evaluator(spec, p, Progress.silent()).hessianVectors(ShotModels.of(spec), p.batches(),
                List.of(Map.of("v", w))).get(0).get("v");
        assertArrayEquals(v.shape(), hw.shape());
        for (int s = 0; s < SHOTS; s++) {
            write("v" + s + ".npy", shot(v, s));
            PipelineSpec one = read(head.formatted("v" + s + ".npy") + survey);
            Runner.Prepared q = new Runner(one, services(), Progress.silent()).check();
            NdArray alone = new Evaluator(one, q, Progress.silent()).hessianVectors(ShotModels.of(one), new int[][] {{s}},
                    List.of(Map.of("v", shot(w, s)))).get(0).get("v");
            assertArrayEquals(alone.data(), shot(hw, s).data(), "product of shot " + s);
            assertTrue(maxAbs(alone) > 0);
        }
    }

    @Test
    void aParameterOfAnotherRankIsRefusedWhenRead() throws IOException {
        write("v.npy", layered(SHOTS, 1500, 400, 150));
        write("scatter.npy", new NdArray(new int[] {2, 2, NZ, NX}, new double[4 * NZ * NX]));
        SeicheException e = assertThrows(SeicheException.class, () -> read(
                "task: forward\nmodel: {spacing: [5.0, 5.0], parameters: {v: {file: v.npy}, scatter: {file: scatter.npy}}}\n"
                        + survey("scalar", "")));
        assertTrue(e.getMessage().contains("scatter: shape [2, 2, 16, 24] is neither 2-D nor a model per shot"), e.getMessage());
    }

    @Test
    void theModelTaskWritesAParameterPerShotWhole() throws IOException {
        NdArray v = layered(SHOTS, 1500, 400, 150);
        write("v.npy", v);
        PipelineSpec spec = read("task: model\nmodel: {spacing: 5.0, parameters: {v: {file: v.npy}}}\n" + survey("scalar", ""));
        Pipeline.Result r = runtime().run(spec);
        assertArrayEquals(v.shape(), r.arrays().get("model_v").shape());
        assertArrayEquals(v.data(), r.arrays().get("model_v").data());
    }

    @Test
    void locationsFromAFileWithUnitsTellTheDimension() throws IOException {
        write("v.npy", layered(SHOTS, 1500, 400, 150));
        write("sources.npy", new NdArray(new int[] {SHOTS, 1, 2}, new double[] {3, 8, 3, 16}));
        PipelineSpec spec = read("task: forward\nmodel: {spacing: 5.0, parameters: {v: {file: v.npy}}}\n"
                + survey("scalar", "").replace("locations: [[[3, 8]], [[3, 16]]]", "locations: {file: sources.npy, units: cells}"));
        assertArrayEquals(new int[] {NZ, NX}, spec.model().shape());
        assertArrayEquals(new int[] {SHOTS, NZ, NX}, ShotModels.of(spec).perShot().get("v").shape());
    }

    /** The max_vel every shot runs with: the largest the propagator gives over the shots' models. */
    private static double largest(Propagator propagator, PipelineSpec spec, String name, NdArray perShot) {
        double max = 0;
        for (int s = 0; s < SHOTS; s++) {
            max = Math.max(max, propagator.maxVelocity(spec.model().with(Map.of(name, shot(perShot, s)))));
        }
        return max;
    }

    static double maxAbsDifference(NdArray a, NdArray b) {
        double m = 0;
        for (int i = 0; i < a.size(); i++) {
            m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
        }
        return m;
    }

    static double maxAbs(NdArray a) {
        double m = 0;
        for (double x : a.data()) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
