package org.seiche.pipeline.inversion;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.Objective;
import org.seiche.api.InversionSpec;
import org.seiche.api.Mapping;
import org.seiche.api.Named;
import org.seiche.api.PipelineSpec;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.losses.MeanSquaredError;
import org.seiche.mappings.basic.BoundsMapping;
import org.seiche.mappings.basic.RelativeMapping;
import org.seiche.optimisers.lbfgs.LbfgsOptimiser;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.pipeline.file.Services;
import org.seiche.pipeline.file.ShotModels;
import org.seiche.pipeline.Runner;
import org.seiche.pipeline.Evaluator;
import org.seiche.pipeline.Progress;
import org.seiche.pipeline.LocalShotExecutor;
import org.seiche.pipeline.PipelineTestSupport;

/**
 * The chain properties through the real scalar propagator in float64, on ChainPropertiesTest's
 * 12 x 16 model with a free surface: every ordered pair (with repetition) of the links that
 * change or bound the model (absolute, relative, smooth-model, bounds; less smooth-model then
 * bounds, refused, and bounds then relative, which bounds the relative deviation to 1800 and
 * more) and a few triples with a
 * preconditioner between relative and bounds. And the case: relative then bounds in m/s
 * cuts the model error of a small lens inversion at least as much as bounds alone.
 */
class ChainPropagationTest {
    private static final List<String> RESHAPING = List.of("absolute", "relative", "smooth-model", "bounds");

    @TempDir
    Path dir;

    private static Services services() {
        Services s = LocalShotExecutor.registry();
        // the portable kernel: this module's tests run without the vector module
        s.propagators.put("scalar", new ScalarPropagator(new CpuScalarKernel(false)));
        s.devices.put("cpu", new CpuDevice(1));
        s.losses.put("mse", new MeanSquaredError());
        return s;
    }

    /** The loss through a chain and its gradient in inversion space, by the real propagator. */
    private record Propagated(Chains chains, Evaluator evaluator, Runner.Prepared prepared) implements Objective {
        static Propagated of(PipelineSpec spec) {
            Runner.Prepared p = new Runner(spec, services(), Progress.silent()).check();
            return new Propagated(new Chains(spec, p.mappings()), new Evaluator(spec, p, Progress.silent()), p);
        }

        @Override
        public Evaluation evaluate(double[] x) {
            Evaluator.Evaluation e = evaluator.evaluate(chains.toModel(x), prepared.batches(), Set.of("v"),
                    org.seiche.api.ShotWork.Compute.GRADIENT);
            return new Evaluation(e.loss(), chains.toInversionGradient(x, e.gradients()));
        }

        @Override
        public double[] project(double[] x) {
            return chains.project(x);
        }
    }

    /** The receiver data of the spec's survey on the model v. */
    private static NdArray modelled(PipelineSpec spec, NdArray v) {
        PipelineSpec forward = spec.toBuilder().task("forward").build();
        Runner.Prepared p = new Runner(forward, services(), Progress.silent()).check();
        return new Evaluator(forward, p, Progress.silent()).evaluate(ShotModels.shared(forward.model().with(Map.of("v", v))), p.batches(),
                Set.of(), org.seiche.api.ShotWork.Compute.DATA).data().get(0);
    }

    /** The base case as an inversion of v: observed data of the lens model, the chain's mappings, L-BFGS. */
    private PipelineSpec invertWith(List<String> chain, int iterations) throws IOException {
        PipelineSpec base = ChainPropertiesTest.base(dir).toBuilder().device("cpu").threads(1).build();
        NdArray truth = ChainPropertiesTest.lens(base.model().parameter("v"));
        NdArray observed = modelled(base, truth);
        return ChainPropertiesTest.withChain(base.toBuilder().task("invert").observed(observed)
                .trueModel(Map.of("v", truth)).build(), chain, iterations, Map.of());
    }

    @Test
    void pairsAndTriplesThroughThePropagatorKeepGradientBoundsAndDescent() throws IOException {
        List<List<String>> cases = new ArrayList<>();
        for (String a : RESHAPING) {
            for (String b : RESHAPING) {
                cases.add(List.of(a, b));
            }
        }
        for (String preconditioner : List.of("smooth", "clip", "source-cutout", "region-of-interest")) {
            cases.add(List.of("relative", preconditioner, "bounds"));
        }
        int checked = 0;
        for (List<String> chain : cases) {
            // bounds on the relative deviation put v near 4e6 m/s, a model no propagation is for (ChainPropertiesTest has it)
            if (ChainPropertiesTest.refused(chain) || ChainPropertiesTest.pinned(chain)) {
                continue;
            }
            String name = chain.toString();
            PipelineSpec spec = invertWith(chain, 5);
            Propagated f = Propagated.of(spec);
            double[] x0 = f.chains().start();
            if (!chain.contains("clip") && !chain.contains("smooth") && !chain.contains("source-cutout")
                    && !chain.contains("region-of-interest")) {
                directionalDerivativesAgree(f, x0, chain);
            }
            // 5 L-BFGS iterations: the loss never rises and every bound holds after each
            Objective.Evaluation e0 = f.evaluate(x0);
            Objective.Evaluation e = e0;
            double[] x = x0;
            var lbfgs = new LbfgsOptimiser().start(Map.of(), x0.length);
            for (int it = 1; it <= 5; it++) {
                x = lbfgs.step(x, e, f);
                Objective.Evaluation next = f.evaluate(x);
                assertTrue(next.loss() <= e.loss(), name + ": iteration " + it + " raised the loss from " + e.loss() + " to "
                        + next.loss());
                ChainPropertiesTest.boundsHold(chain, f.chains(), x, name + " after iteration " + it);
                e = next;
            }
            // bounds that leave the true model out (1600 m/s cells under a bound of 1800) can hold the loss near its start
            assertTrue(e.loss() < e0.loss(), name + ": 5 iterations did not lower the loss from " + e0.loss());
            checked++;
        }
        assertEquals(4 * 4 - 2 + 4, checked);
    }

    /** A lens under a free surface, 24 x 48 cells of 10 m, 4 shots along the surface; the start is the truth smoothed. */
    private static final String LENS = """
            task: forward
            precision: float64
            model:
              spacing: 10.0
              parameters:
                v: {synthetic: {shape: [24, 48], layers: [{top: 0, value: 1600, gradient: 1.0}, {top: 110, value: 2000},
                    {top: 190, value: 2400}], lens: {centre: [80, 240], radii: [25, 90], value: 1700}}, smooth: 40}
            propagator: {name: scalar, accuracy: 4, pml_width: [0, 10, 10, 10], pml_freq: 15.0}
            survey:
              dt: 0.002
              nt: 250
              sources:
                locations: {regular: {shots: 4, first: [1, 6], shot_step: [0, 12]}}
                wavelet: {type: ricker, freq: 15.0, peak_time: 0.08}
              receivers:
                locations: {regular: {shots: 4, per_shot: 24, first: [1, 0], step: [0, 2]}}
            """;

    /**
     * The chain, relative first and bounds in m/s last, against bounds alone: 10 L-BFGS
     * iterations each. Before bounds projected in its own space, relative + bounds clamped the
     * relative deviations into [1200, 3000] and every cell went to 3000 m/s.
     */
    @Test
    void relativeThenBoundsCutsTheModelErrorAtLeastAsMuchAsBoundsAlone() throws IOException {
        Path p = dir.resolve("lens.yaml");
        Files.writeString(p, LENS);
        PipelineSpec start = PipelineTestSupport.runtime().read(p).toBuilder().device("cpu").threads(1).build();
        Files.writeString(p, LENS.replace(", smooth: 40}", "}"));
        NdArray truth = PipelineTestSupport.runtime().read(p).model().parameter("v");
        NdArray observed = modelled(start, truth);
        PipelineSpec invert = start.toBuilder().task("invert").observed(observed)
                .trueModel(Map.of("v", truth)).build();
        InversionSpec.MappingUse relative = new InversionSpec.MappingUse(Named.instance("relative", new RelativeMapping()),
                Map.of("prior", start.model().parameter("v")));
        InversionSpec.MappingUse bounds = new InversionSpec.MappingUse(Named.instance("bounds", new BoundsMapping()),
                Map.of("min", 1200.0, "max", 3000.0));
        Map<String, Object> both = lens(invert, List.of(relative, bounds));
        Map<String, Object> alone = lens(invert, List.of(bounds));
        System.out.printf("lens, 10 L-BFGS iterations: relative + bounds loss %.4e model error %.4f; bounds alone loss"
                + " %.4e model error %.4f%n", both.get("loss"), both.get("model_error"), alone.get("loss"),
                alone.get("model_error"));
        double errorBoth = (double) both.get("model_error");
        double errorAlone = (double) alone.get("model_error");
        assertTrue(errorAlone < 0.95, "bounds alone must make progress to compare with: " + alone);
        assertTrue(errorBoth <= errorAlone, "relative + bounds ends at model error " + errorBoth + ", bounds alone at "
                + errorAlone);
    }

    /** The summary of 10 L-BFGS iterations of the lens case through these mappings. */
    private static Map<String, Object> lens(PipelineSpec invert, List<InversionSpec.MappingUse> mappings) {
        PipelineSpec spec = invert.toBuilder().inversion(new InversionSpec(List.of("v"), 10, 0, "accumulate", mappings,
                Named.instance("lbfgs", new LbfgsOptimiser()), Map.of(), 10)).build();
        Runner.Prepared prepared = new Runner(spec, services(), Progress.silent()).check();
        Map<String, Object> summary = new Inversion(spec.toBuilder().quiet(true).build(), prepared, LocalShotExecutor.SESSION).run().summary();
        assertTrue(!summary.containsKey("stopped") || Boolean.TRUE.equals(((Map<?, ?>) summary.get("stopped")).get("converged")),
                "the lens inversion stopped: " + summary.get("stopped"));
        return summary;
    }

    /**
     * Central differences of the loss along two random directions against the gradient, off
     * the start (where cells rest on bounds). Perturbation and step are shrunk until they move
     * the model by at most 3 % and 0.1 m/s: relative twice multiplies x by the prior squared.
     */
    private static void directionalDerivativesAgree(Propagated f, double[] x0, List<String> chain) {
        String name = chain.toString();
        Random r = new Random(name.hashCode());
        double[] noise = new double[x0.length];
        for (int i = 0; i < x0.length; i++) {
            noise[i] = Math.max(1, Math.abs(x0[i])) * r.nextGaussian();
        }
        NdArray m0 = f.chains().toModel(x0).parameter("v");
        double size = 0.02;
        double[] x = ChainPropertiesTest.axpy(size, noise, x0);
        while (moved(f, x, m0) > 0.03 * ChainPropertiesTest.maxAbs(m0.data())) {
            size /= 10;
            x = ChainPropertiesTest.axpy(size, noise, x0);
        }
        Objective.Evaluation e = f.evaluate(x);
        NdArray m = f.chains().toModel(x).parameter("v");
        for (int k = 0; k < 2; k++) {
            double[] u = new double[x.length];
            double h;
            do {
                for (int i = 0; i < u.length; i++) {
                    u[i] = Math.max(1, Math.abs(x[i])) * r.nextGaussian();
                }
                h = 1e-6;
                while (moved(f, ChainPropertiesTest.axpy(h, u, x), m) > 0.1) {
                    h /= 10;
                }
            } while (straddles(f, chain, ChainPropertiesTest.axpy(-h, u, x), ChainPropertiesTest.axpy(h, u, x)));
            double difference = (f.evaluate(ChainPropertiesTest.axpy(h, u, x)).loss()
                    - f.evaluate(ChainPropertiesTest.axpy(-h, u, x)).loss()) / (2 * h);
            double slope = ChainPropertiesTest.dot(e.gradient(), u);
            assertEquals(difference, slope, 1e-5 * Math.abs(difference), name + ": d loss along a direction");
        }
    }

    /** Whether a bound lies between a and b in some cell of a bounds link's input: a difference there has a kink. */
    private static boolean straddles(Propagated f, List<String> chain, double[] a, double[] b) {
        List<Mapping.Link> links = f.chains().links("v");
        NdArray ya = f.chains().slice(a, 0);
        NdArray yb = f.chains().slice(b, 0);
        for (int i = 0; i < links.size(); i++) {
            if (chain.get(i).equals("bounds")) {
                for (int c = 0; c < ya.size(); c++) {
                    double p = ya.data()[c];
                    double q = yb.data()[c];
                    if ((p < ChainPropertiesTest.MIN) != (q < ChainPropertiesTest.MIN)
                            || (p > ChainPropertiesTest.MAX) != (q > ChainPropertiesTest.MAX)) {
                        return true;
                    }
                }
            }
            ya = links.get(i).toSimulation(ya);
            yb = links.get(i).toSimulation(yb);
        }
        return false;
    }

    /** max |m(x) - m| in m/s. */
    private static double moved(Propagated f, double[] x, NdArray m) {
        double[] mx = f.chains().toModel(x).parameter("v").data();
        double most = 0;
        for (int i = 0; i < mx.length; i++) {
            most = Math.max(most, Math.abs(mx[i] - m.data()[i]));
        }
        return most;
    }
}
