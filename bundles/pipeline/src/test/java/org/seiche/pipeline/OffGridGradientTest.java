package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.ForwardRun;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.io.Npy;
import org.seiche.losses.MeanSquaredError;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.pipeline.file.HicksTest;
import org.seiche.pipeline.file.OffGridTransducers;
import org.seiche.pipeline.file.PipelineFile;
import org.seiche.pipeline.file.Services;
import org.seiche.pipeline.file.ShotModels;

/**
 * Gradients with sources and receivers off the grid, through the pipeline (its file, its
 * evaluator) on the scalar propagator in float64, with a free surface on top that folds the
 * windows of the shallow points: dot-product tests of the source-amplitude adjoint and of
 * the receivers' combination, finite differences of the loss in v and the amplitudes, and
 * of the gradient for a Hessian-vector product.
 * max_vel is fixed so that the PML's damping does not move with v (the gradient holds it).
 */
class OffGridGradientTest {
    private static final ScalarPropagator SCALAR = new ScalarPropagator(new CpuScalarKernel());
    private static final int NZ = 24;
    private static final int NX = 30;
    private static final int NT = 90;

    @TempDir
    Path dir;

    private PipelineSpec spec() throws IOException {
        Random r = new Random(11);
        double[] v = new double[NZ * NX];
        for (int z = 0; z < NZ; z++) {
            for (int x = 0; x < NX; x++) {
                v[z * NX + x] = 1800 + 8 * z + 150 * Math.sin(0.3 * x + 0.2 * z);
            }
        }
        Npy.write(dir.resolve("v.npy"), new NdArray(new int[] {NZ, NX}, v), Precision.FLOAT64);
        // two shots: a point folded by the free surface, points between cells, one on a cell (metres: h = 5)
        Npy.write(dir.resolve("src.npy"), new NdArray(new int[] {2, 2, 2}, new double[] {
            11.5, 52.5, 37.5, 101.5, 60.0, 45.0, 52.0, 98.0}), Precision.FLOAT64);
        Npy.write(dir.resolve("rec.npy"), new NdArray(new int[] {2, 3, 2}, new double[] {
            2.3, 6.6, 1.7, 22.45, 15.2, 20.0, 4.0, 8.0, 2.5, 14.5, 16.7, 9.3}), Precision.FLOAT64);
        Npy.write(dir.resolve("obs.npy"), HicksTest.random(r, 2, 3, NT), Precision.FLOAT64);
        Files.writeString(dir.resolve("p.yaml"), """
                task: gradient
                precision: float64
                model: {spacing: 5.0, parameters: {v: {file: v.npy}}}
                propagator: {name: scalar, accuracy: 4, pml_width: [0, 6, 6, 6], pml_freq: 25.0, max_vel: 2500}
                survey:
                  dt: 0.001
                  nt: %d
                  sources:
                    locations: {file: src.npy, units: metres}
                    wavelet: {type: ricker, freq: 30.0}
                    interpolation: {method: hicks, halfwidth: 3}
                  receivers:
                    locations: {file: rec.npy, units: cells}
                observed: {file: obs.npy}
                loss: mse
                gradient_wrt: [v, source_amplitudes]
                output: out
                """.formatted(NT));
        return PipelineFile.read(dir.resolve("p.yaml"), new Services(), w -> { });
    }

    private static Runner.Prepared services() {
        return new Runner.Prepared(new CpuDevice(2), SCALAR, new MeanSquaredError(), Set.of("v", "source_amplitudes"),
                new int[][] {{1}, {0}}, List.of(), null, new LocalShotExecutor());
    }

    private static Evaluator.Evaluation evaluate(PipelineSpec spec, Model model) {
        return new Evaluator(spec, services(), Progress.silent()).evaluate(ShotModels.shared(model), services().batches(),
                Set.of("v", Simulation.SOURCE_AMPLITUDES), org.seiche.api.ShotWork.Compute.GRADIENT);
    }

    @Test
    void lossGradientsMatchFiniteDifferences() throws IOException {
        PipelineSpec spec = spec();
        assertNotNull(spec.options().get(OffGridTransducers.OPTION));
        Evaluator.Evaluation e = evaluate(spec, spec.model());
        Random r = new Random(2);
        // v: a smooth direction over the whole model
        NdArray dv = NdArray.zeros(NZ, NX);
        double phase = r.nextDouble();
        for (int i = 0; i < dv.size(); i++) {
            dv.data()[i] = Math.cos(0.37 * i + phase);
        }
        double h = 1.0;
        double plus = evaluate(spec, spec.model().with(Map.of("v", add(spec.model().parameter("v"), dv, h)))).loss();
        double minus = evaluate(spec, spec.model().with(Map.of("v", add(spec.model().parameter("v"), dv, -h)))).loss();
        double fd = (plus - minus) / (2 * h);
        double an = HicksTest.dot(e.gradients().get("v"), dv);
        assertEquals(fd, an, 1e-5 * Math.abs(fd), "v: finite difference " + fd + ", gradient " + an);
        // amplitudes: the loss is quadratic in them, so the central difference is exact
        SourceGroup g = spec.survey().sources().get(0);
        NdArray da = HicksTest.random(r, g.amplitudes().shape());
        double ha = 1e-3;
        double lp = evaluate(withAmplitudes(spec, add(g.amplitudes(), da, ha)), spec.model()).loss();
        double lm = evaluate(withAmplitudes(spec, add(g.amplitudes(), da, -ha)), spec.model()).loss();
        double fda = (lp - lm) / (2 * ha);
        double ana = HicksTest.dot(e.gradients().get(Simulation.SOURCE_AMPLITUDES), da);
        assertEquals(fda, ana, 1e-8 * Math.abs(fda), "amplitudes: finite difference " + fda + ", gradient " + ana);
        assertTrue(Math.abs(ana) > 0 && Math.abs(an) > 0);
    }

    /** Hessian-vector products pass through the weights too (the loss's curvature is taken on the points' data). */
    @Test
    void hessianVectorProductMatchesFiniteDifferencesOfTheGradient() throws IOException {
        PipelineSpec spec = spec();
        NdArray w = NdArray.zeros(NZ, NX);
        for (int i = 0; i < w.size(); i++) {
            w.data()[i] = Math.sin(0.23 * i);
        }
        NdArray hw = new Evaluator(spec, services(), Progress.silent()).hessianVectors(ShotModels.shared(spec.model()), services().batches(),
                List.of(Map.of("v", w))).get(0).get("v");
        double h = 0.5;
        NdArray plus = evaluate(spec, spec.model().with(Map.of("v", add(spec.model().parameter("v"), w, h)))).gradients().get("v");
        NdArray minus = evaluate(spec, spec.model().with(Map.of("v", add(spec.model().parameter("v"), w, -h)))).gradients()
                .get("v");
        double num = 0;
        double den = 0;
        for (int i = 0; i < hw.size(); i++) {
            double fd = (plus.data()[i] - minus.data()[i]) / (2 * h);
            num += (fd - hw.data()[i]) * (fd - hw.data()[i]);
            den += fd * fd;
        }
        assertTrue(Math.sqrt(num / den) < 1e-5, "rel-L2 of H w against finite differences: " + Math.sqrt(num / den));
    }

    /** Data are linear in the amplitudes: <F a, r> = <a, F^T r> for the points (the cells hidden by the weights). */
    @Test
    void sourceAmplitudeAdjointPassesTheDotProductTest() throws IOException {
        PipelineSpec spec = spec();
        Random r = new Random(4);
        NdArray a = HicksTest.random(r, spec.survey().sources().get(0).amplitudes().shape());
        Survey survey = withAmplitudes(spec, a).survey();
        int[] shots = {1, 0};
        try (Simulation sim = OffGridTransducers.prepare(SCALAR, new SimulationSetup(spec.model(), survey, spec.settings(),
                new CpuDevice(2), Precision.FLOAT64), spec);
             ForwardRun run = sim.forward(shots, Set.of(Simulation.SOURCE_AMPLITUDES))) {
            NdArray d = run.receiverData().get(0);
            assertEquals(3, d.dim(1));
            NdArray res = HicksTest.random(r, d.shape());
            NdArray ga = run.adjoint(List.of(res)).get(Simulation.SOURCE_AMPLITUDES);
            double lhs = HicksTest.dot(d, res);
            double rhs = HicksTest.dot(org.seiche.api.Batches.selectShots(a, shots), ga);
            assertEquals(lhs, rhs, 1e-10 * Math.abs(lhs), "<F a, r> " + lhs + ", <a, F^T r> " + rhs);
        }
    }

    /** <J dv, r> = <dv, J^T r> for v, J dv the linearised data at the points (central differences, float64). */
    @Test
    void velocityAdjointPassesTheDotProductTest() throws IOException {
        PipelineSpec spec = spec();
        Random r = new Random(6);
        NdArray v = spec.model().parameter("v");
        NdArray dv = NdArray.zeros(NZ, NX);
        for (int i = 0; i < dv.size(); i++) {
            dv.data()[i] = Math.cos(0.51 * i);
        }
        int[] shots = {0, 1};
        NdArray res = HicksTest.random(r, 2, 3, NT);
        NdArray jtr;
        try (Simulation sim = simulation(spec, v); ForwardRun run = sim.forward(shots, Set.of("v"))) {
            run.receiverData();
            jtr = run.adjoint(List.of(res)).get("v");
        }
        double h = 0.5;
        NdArray plus = data(spec, add(v, dv, h), shots);
        NdArray minus = data(spec, add(v, dv, -h), shots);
        double lhs = 0;
        for (int i = 0; i < res.size(); i++) {
            lhs += (plus.data()[i] - minus.data()[i]) / (2 * h) * res.data()[i];
        }
        double rhs = HicksTest.dot(dv, jtr);
        assertEquals(lhs, rhs, 1e-5 * Math.abs(lhs), "<J dv, r> " + lhs + ", <dv, J^T r> " + rhs);
    }

    private static Simulation simulation(PipelineSpec spec, NdArray v) {
        return OffGridTransducers.prepare(SCALAR, new SimulationSetup(spec.model().with(Map.of("v", v)), spec.survey(),
                spec.settings(), new CpuDevice(2), Precision.FLOAT64), spec);
    }

    private static NdArray data(PipelineSpec spec, NdArray v, int[] shots) {
        try (Simulation sim = simulation(spec, v); ForwardRun run = sim.forward(shots, Set.of())) {
            return run.receiverData().get(0);
        }
    }

    private static PipelineSpec withAmplitudes(PipelineSpec spec, NdArray amplitudes) {
        Survey s = spec.survey();
        SourceGroup g = s.sources().get(0);
        return spec.toBuilder().survey(new Survey(s.dt(), s.nt(), List.of(new SourceGroup(g.component(), g.locations(),
                amplitudes)), s.receivers())).build();
    }

    private static NdArray add(NdArray a, NdArray d, double h) {
        NdArray out = a.copy();
        for (int i = 0; i < out.size(); i++) {
            out.data()[i] += h * d.data()[i];
        }
        return out;
    }
}
