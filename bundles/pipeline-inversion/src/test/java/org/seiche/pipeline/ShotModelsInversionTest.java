package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.Pipeline;
import org.seiche.api.PipelineSpec;
import org.seiche.pipeline.inversion.InversionService;

/**
 * A model per shot: each shot's data and gradient are those of a run of that shot alone in
 * its own model (to the bit), shared parameters' gradients their sum in shot order.
 */
/** Inversions of a model per shot: each shot's model its own unknowns. */
class ShotModelsInversionTest {
    private static final int SHOTS = 2;

    @TempDir
    Path dir;
    /** ShotModelsTest's file helpers, on this test's folder. */
    private ShotModelsTest files;

    /** ShotModelsTest's runtime (scalar, elastic, descent, scale) with the inversion loop. */
    private static PipelineService runtime() {
        PipelineService p = ShotModelsTest.runtime();
        p.addInversion(new InversionService());
        return p;
    }

    @org.junit.jupiter.api.BeforeEach
    void files() {
        files = new ShotModelsTest();
        files.dir = dir;
    }

    /** Observed data of the survey modelled in a true model per shot (so that a small step lowers every shot's loss). */
    private void observedOf(NdArray trueV, String survey) throws IOException {
        files.write("true_v.npy", trueV);
        Path p = dir.resolve("observed.yaml");
        Files.writeString(p, "task: forward\nprecision: float64\nmodel: {spacing: 5.0, parameters: {v: {file: true_v.npy}}}\n"
                + survey.replace("observed: {file: observed_true.npy}\n", ""));
        NdArray data = runtime().run(runtime().read(p).toBuilder().output(null).build()).arrays().get("receiver_data");
        files.write("observed_true.npy", data);
    }

    /**
     * An inversion with a model per shot is one inversion per shot where the objective
     * separates: with plain gradient descent through a mapping, each shot's block after two
     * iterations is, to the bit, that of the inversion of that shot alone in its own model.
     */
    @Test
    void eachShotsModelInvertsAsThatShotAlone() throws IOException {
        String survey = ShotModelsTest.survey("scalar", "").replace("pml_freq: 25.0}", "pml_freq: 25.0, max_vel: 2500}")
                .replace("observed.npy", "observed_true.npy");
        observedOf(ShotModelsTest.layered(SHOTS, 1500, 400, 150), survey);
        NdArray v = ShotModelsTest.layered(SHOTS, 1480, 350, 160);
        files.write("v.npy", v);
        String head = "task: invert\nprecision: float64\nmodel: {spacing: 5.0, parameters: {v: {file: %s}}}\n"
                + "inversion: {parameters: [v], iterations: 2, mappings: [{name: scale, factor: 100.0}],"
                + " optimiser: {name: descent, lr: %s}}\n";
        // a step of about 5 m/s where the first shot's gradient is largest
        double lr = 5 / 100.0 / 100.0 / ShotModelsTest.maxAbs(gradient(ShotModelsTest.shot(v, 0), survey));
        Pipeline.Result r = runtime().run(files.read(head.formatted("v.npy", lr) + survey));
        NdArray inverted = r.arrays().get("model_v");
        assertArrayEquals(v.shape(), inverted.shape(), "the written model keeps its shot axis");
        assertEquals(2, r.summary().get("iterations_done"));
        for (int s = 0; s < SHOTS; s++) {
            files.write("v" + s + ".npy", ShotModelsTest.shot(v, s));
            PipelineSpec one = files.read(head.formatted("v" + s + ".npy", lr) + survey);
            Runner.Prepared p = new Runner(one, ShotModelsTest.services(), Progress.silent()).check();
            Runner.Prepared alone = new Runner.Prepared(p.device(), p.propagator(), p.loss(), p.gradientWrt(), new int[][] {{s}},
                    p.mappings(), p.optimiser(), p.executor());
            NdArray expected = new InversionService().invert(one, alone, LocalShotExecutor.SESSION).arrays().get("model_v");
            assertArrayEquals(expected.data(), ShotModelsTest.shot(inverted, s).data(), "shot " + s + "'s model");
            assertTrue(ShotModelsTest.maxAbsDifference(expected, ShotModelsTest.shot(v, s)) > 1, "shot " + s + "'s model moved");
        }
    }

    /** A shared parameter beside one per shot: the first step moves each shot's vp by its own gradient, rho by their sum. */
    @Test
    void aSharedParameterStepsWithTheSumOfTheShotsGradients() throws IOException {
        NdArray vp = ShotModelsTest.layered(SHOTS, 2000, 500, 200);
        files.write("vp.npy", vp);
        files.write("vs.npy", ShotModelsTest.layered(0, 1100, 300, 0));
        NdArray rho = ShotModelsTest.layered(0, 2000, 200, 0);
        files.write("rho.npy", rho);
        String model = "model: {spacing: 5.0, parameters: {vp: {file: %s}, vs: {file: vs.npy}, rho: {file: rho.npy}}}\n";
        String survey = ShotModelsTest.survey("elastic", "component: \"y\"").replace("pml_freq: 25.0}", "pml_freq: 25.0, max_vel: 3000}");
        Pipeline.Result g = runtime().run(files.read("task: gradient\nprecision: float64\ngradient_wrt: [vp, rho]\n"
                + model.formatted("vp.npy") + survey));
        // a step of about 1 m/s (or kg/m^3) where the gradient is largest
        double lr = 1 / Math.max(ShotModelsTest.maxAbs(g.arrays().get("gradient_vp")), ShotModelsTest.maxAbs(g.arrays().get("gradient_rho")));
        Pipeline.Result r = runtime().run(files.read("task: invert\nprecision: float64\n" + model.formatted("vp.npy")
                + "inversion: {parameters: [vp, rho], iterations: 1, optimiser: {name: descent, lr: " + lr + "}}\n" + survey));
        NdArray stepVp = r.arrays().get("model_vp");
        NdArray stepRho = r.arrays().get("model_rho");
        assertArrayEquals(vp.shape(), stepVp.shape());
        assertArrayEquals(rho.shape(), stepRho.shape());
        NdArray rhoGradient = null;
        for (int s = 0; s < SHOTS; s++) {
            files.write("vp" + s + ".npy", ShotModelsTest.shot(vp, s));
            PipelineSpec one = files.read("task: gradient\nprecision: float64\ngradient_wrt: [vp, rho]\n" + model.formatted("vp" + s + ".npy")
                    + survey);
            Evaluator.Evaluation e = ShotModelsTest.alone(one, s);
            assertArrayEquals(descent(ShotModelsTest.shot(vp, s), e.gradients().get("vp"), lr).data(), ShotModelsTest.shot(stepVp, s).data(),
                    "vp of shot " + s);
            rhoGradient = Evaluator.add(rhoGradient, e.gradients().get("rho"));
        }
        assertArrayEquals(descent(rho, rhoGradient, lr).data(), stepRho.data(), "rho by the gradients summed in shot order");
        assertTrue(ShotModelsTest.maxAbsDifference(stepRho, rho) > 0);
    }

    /** One step of the test's plain descent: m - lr g. */
    private static NdArray descent(NdArray m, NdArray g, double lr) {
        double[] out = m.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= lr / 1 * g.data()[i];
        }
        return new NdArray(m.shape(), out);
    }

    /** The gradient of shot 0's loss alone w.r.t. its model v. */
    private NdArray gradient(NdArray v, String survey) throws IOException {
        files.write("v_alone.npy", v);
        PipelineSpec one = files.read("task: gradient\nprecision: float64\ngradient_wrt: [v]\nmodel: {spacing: 5.0, parameters: "
                + "{v: {file: v_alone.npy}}}\n" + survey);
        return ShotModelsTest.alone(one, 0).gradients().get("v");
    }
}
