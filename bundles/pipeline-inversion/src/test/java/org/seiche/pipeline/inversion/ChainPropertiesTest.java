package org.seiche.pipeline.inversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.InversionSpec;
import org.seiche.api.Mapping;
import org.seiche.api.Named;
import org.seiche.api.NdArray;
import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;
import org.seiche.mappings.basic.AbsoluteMapping;
import org.seiche.mappings.basic.BoundsMapping;
import org.seiche.mappings.basic.ClipMapping;
import org.seiche.mappings.basic.RegionOfInterestMapping;
import org.seiche.mappings.basic.RelativeMapping;
import org.seiche.mappings.cutout.ReceiverCutoutMapping;
import org.seiche.mappings.cutout.SourceCutoutMapping;
import org.seiche.mappings.smoothing.SmoothMapping;
import org.seiche.mappings.smoothing.SmoothModelMapping;
import org.seiche.optimisers.lbfgs.LbfgsOptimiser;
import org.seiche.pipeline.PipelineTestSupport;

/**
 * The chain algebra over every ordered pair (with repetition, 9 x 9) and every ordered
 * triple (without, 9 x 8 x 7) of the mappings, in float64, with a cheap analytic loss of
 * the simulation model (ChainPropagationTest takes a smaller set through the real scalar
 * propagator): (1) the chain's gradient agrees with central differences of the loss through
 * the chain; (2) after a long projected step every bound holds in its link's own space, and
 * in simulation units where only model-preserving links follow it; (3) 5 L-BFGS iterations
 * never raise the loss. Chains with smooth-model before bounds are refused at load, naming
 * the pair, and only those are skipped.
 * <p>
 * A preconditioner's gradient is by definition not the adjoint of its forward (the
 * identity), so the expected gradient is built from differences segment by segment: the
 * links after the last preconditioner by differences of the loss itself, each
 * preconditioner by its own rule, and the links between by differences of g'f(y).
 */
class ChainPropertiesTest {
    static final List<String> NAMES = List.of("absolute", "relative", "source-cutout", "receiver-cutout",
            "region-of-interest", "smooth", "smooth-model", "clip", "bounds");
    private static final Set<String> PRECONDITIONERS = Set.of("source-cutout", "receiver-cutout", "region-of-interest",
            "smooth", "clip");
    /** Links whose forward changes the model (the others pass it unchanged). */
    private static final Set<String> RESHAPING = Set.of("relative", "smooth-model");
    static final double MIN = 1800;
    static final double MAX = 2300;

    @TempDir
    Path dir;

    /**
     * A model of 12 x 16 cells of 10 m, 1600 to 2400 m/s, two shots with a source and 8 receivers
     * each. max_vel is fixed so that the time step and the PML do not follow the model: the loss
     * is then the smooth function of v whose gradient the propagator gives.
     */
    static final String PIPELINE = """
            task: forward
            precision: float64
            model:
              spacing: 10.0
              parameters:
                v: {synthetic: {shape: [12, 16], layers: [{top: 0, value: 1600, gradient: 4.0}, {top: 70, value: 2200, gradient: 2.0}]}}
            propagator: {name: scalar, accuracy: 4, pml_width: [0, 6, 6, 6], pml_freq: 25.0, max_vel: 3000.0}
            survey:
              dt: 0.002
              nt: 90
              sources:
                locations: [[[1, 4]], [[1, 11]]]
                wavelet: {type: ricker, freq: 25.0, peak_time: 0.04}
              receivers:
                locations: {regular: {shots: 2, per_shot: 8, first: [1, 0], step: [0, 2]}}
            """;

    static PipelineSpec base(Path dir) throws IOException {
        Path p = dir.resolve("base.yaml");
        Files.writeString(p, PIPELINE);
        return PipelineTestSupport.runtime().read(p);
    }

    static Mapping service(String name) {
        return switch (name) {
            case "absolute" -> new AbsoluteMapping();
            case "relative" -> new RelativeMapping();
            case "source-cutout" -> new SourceCutoutMapping();
            case "receiver-cutout" -> new ReceiverCutoutMapping();
            case "region-of-interest" -> new RegionOfInterestMapping();
            case "smooth" -> new SmoothMapping();
            case "smooth-model" -> new SmoothModelMapping();
            case "clip" -> new ClipMapping();
            case "bounds" -> new BoundsMapping();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Each mapping's settings on the base model: bounds in m/s, lengths and radii in metres. */
    static Map<String, Object> config(String name, PipelineSpec spec) {
        NdArray v = spec.model().parameter("v");
        return switch (name) {
            case "relative" -> Map.of("prior", v);
            case "source-cutout" -> Map.of("radius", 25.0);
            case "receiver-cutout" -> Map.of("radius", 12.0, "taper", 10.0);
            case "region-of-interest" -> {
                double[] mask = new double[v.size()];
                int nx = v.dim(1);
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = Math.min(1, (i / nx) / 3.0);
                }
                yield Map.of("mask", new NdArray(v.shape(), mask));
            }
            case "smooth", "smooth-model" -> Map.of("lengths", 15.0);
            case "clip" -> Map.of("quantile", 0.9);
            case "bounds" -> Map.of("min", MIN, "max", MAX);
            default -> Map.of();
        };
    }

    /** The spec with this chain as its inversion's mappings. */
    static PipelineSpec withChain(PipelineSpec spec, List<String> chain, int iterations, Map<String, Object> optimiser) {
        List<InversionSpec.MappingUse> uses = new ArrayList<>();
        for (String name : chain) {
            uses.add(new InversionSpec.MappingUse(Named.instance(name, service(name)), config(name, spec)));
        }
        return spec.toBuilder().inversion(new InversionSpec(List.of("v"), iterations, 0, "accumulate", uses,
                Named.instance("lbfgs", new LbfgsOptimiser()), optimiser, iterations)).build();
    }

    static Chains chains(PipelineSpec spec) {
        return new Chains(spec, spec.inversion().mappings().stream().map(u -> u.mapping().instance()).toList());
    }

    /** Whether the chain puts smooth-model anywhere before bounds (refused at load). */
    static boolean refused(List<String> chain) {
        int smooth = chain.indexOf("smooth-model");
        return smooth >= 0 && chain.subList(smooth, chain.size()).contains("bounds");
    }

    @Test
    void everyPairAndTripleKeepsItsGradientItsBoundsAndItsDescent() throws IOException {
        PipelineSpec spec = base(dir);
        NdArray truth = lens(spec.model().parameter("v"));
        List<List<String>> cases = new ArrayList<>();
        for (String a : NAMES) {
            for (String b : NAMES) {
                cases.add(List.of(a, b));
                for (String c : NAMES) {
                    if (!a.equals(b) && !b.equals(c) && !a.equals(c)) {
                        cases.add(List.of(a, b, c));
                    }
                }
            }
        }
        assertEquals(81 + 504, cases.size());
        int refusals = 0;
        int descended = 0;
        for (List<String> chain : cases) {
            PipelineSpec s = withChain(spec, chain, 5, Map.of());
            if (refused(chain)) {
                SeicheException e = assertThrows(SeicheException.class, () -> chains(s), chain.toString());
                assertTrue(e.getMessage().startsWith("inversion.mappings: smooth-model then bounds cannot be combined"),
                        e.getMessage());
                refusals++;
                continue;
            }
            Chains c = chains(s);
            Analytic f = new Analytic(c, truth);
            String name = chain.toString();
            gradientAgreesWithDifferences(chain, c, f, name);
            double[] x0 = c.start();
            Objective.Evaluation e0 = f.evaluate(x0);
            double t = 0.3 * Math.max(1, maxAbs(x0)) / Math.max(maxAbs(e0.gradient()), 1e-300);
            double[] stepped = c.project(axpy(-t, e0.gradient(), x0));
            boundsHold(chain, c, stepped, name);
            // 5 L-BFGS iterations as the inversion makes them: never a higher loss, always within the bounds
            Optimiser.Run lbfgs = new LbfgsOptimiser().start(Map.of(), x0.length);
            double[] x = x0;
            Objective.Evaluation e = e0;
            for (int it = 0; it < 5; it++) {
                x = lbfgs.step(x, e, f);
                Objective.Evaluation next = f.evaluate(x);
                assertTrue(next.loss() <= e.loss(), name + " iteration " + (it + 1) + " raised the loss from " + e.loss()
                        + " to " + next.loss());
                boundsHold(chain, c, x, name + " after L-BFGS iteration " + (it + 1));
                e = next;
            }
            // bounds on the relative deviation (ahead of relative) hold every cell at a deviation of 1800: no step
            if (!pinned(chain)) {
                assertTrue(e.loss() < 0.9 * e0.loss(), name + ": 5 L-BFGS iterations took the loss only from " + e0.loss()
                        + " to " + e.loss());
                descended++;
            }
        }
        // smooth-model then bounds: (sm, b) in the pairs; in the triples sm before b with a third link anywhere
        assertEquals(1 + 3 * 7, refusals);
        System.out.printf("chain properties: %d chains, %d refused at load, %d descended by 10 %% or more%n",
                cases.size(), refusals, descended);
    }

    /** Bounds ahead of relative bound the relative deviation to [1800, 2300]: the start sits on the bound. */
    static boolean pinned(List<String> chain) {
        int b = chain.indexOf("bounds");
        return b >= 0 && chain.subList(b, chain.size()).contains("relative");
    }

    private static void gradientAgreesWithDifferences(List<String> chain, Chains c, Analytic f, String name) {
        double[] x0 = c.start();
        // off the start, where cells rest on bounds, so that no difference straddles a bound's kink
        Random r = new Random(chain.hashCode());
        double[] x = x0.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.03 * Math.max(1, Math.abs(x0[i])) * r.nextGaussian();
        }
        double[] g = f.evaluate(x).gradient();
        List<Mapping.Link> links = c.links("v");
        List<NdArray> inputs = new ArrayList<>();
        NdArray y = c.slice(x, 0);
        for (Mapping.Link link : links) {
            inputs.add(y);
            y = link.toSimulation(y);
        }
        inputs.add(y);
        int last = links.size();
        while (last > 0 && !PRECONDITIONERS.contains(chain.get(last - 1))) {
            last--;
        }
        // from the last preconditioner on: differences of the loss itself
        int from = last;
        double[] expected = differences(z -> f.loss(through(links, from, links.size(), z)), inputs.get(from));
        for (int i = last - 1; i >= 0; i--) {
            if (PRECONDITIONERS.contains(chain.get(i))) {
                expected = links.get(i).gradientToInversion(inputs.get(i), new NdArray(inputs.get(i).shape(), expected)).data();
            } else {
                int first = i;
                while (first > 0 && !PRECONDITIONERS.contains(chain.get(first - 1))) {
                    first--;
                }
                double[] w = expected;
                int start = first;
                int end = i + 1;
                expected = differences(z -> dot(w, through(links, start, end, z).data()), inputs.get(start));
                i = start;
            }
        }
        double[] diff = axpy(-1, expected, g);
        double norm = Math.sqrt(dot(g, g));
        assertTrue(Math.sqrt(dot(diff, diff)) <= 1e-5 * norm || norm == 0 && maxAbs(expected) == 0,
                name + ": the chain's gradient differs from differences by " + Math.sqrt(dot(diff, diff)) + " of " + norm);
    }

    /** Every bound in its link's own space, and the simulation model within it where only model-preserving links follow. */
    static void boundsHold(List<String> chain, Chains c, double[] x, String name) {
        List<Mapping.Link> links = c.links("v");
        NdArray y = c.slice(x, 0);
        for (int i = 0; i < links.size(); i++) {
            if (chain.get(i).equals("bounds")) {
                double tolerance = 1e-12 * MAX;
                for (double v : y.data()) {
                    assertTrue(v >= MIN - tolerance && v <= MAX + tolerance, name + ": bounds (link " + (i + 1)
                            + ") receives " + v + " after the step");
                }
                if (chain.subList(i + 1, chain.size()).stream().noneMatch(RESHAPING::contains)) {
                    for (double v : c.toModel(x).parameter("v").data()) {
                        assertTrue(v >= MIN && v <= MAX, name + ": the simulation model has " + v + " m/s");
                    }
                }
            }
            y = links.get(i).toSimulation(y);
        }
    }

    /** Links [from, to) applied to y. */
    private static NdArray through(List<Mapping.Link> links, int from, int to, NdArray y) {
        for (int i = from; i < to; i++) {
            y = links.get(i).toSimulation(y);
        }
        return y;
    }

    /** The central-difference gradient of f at y, steps of 1e-7 of each value's size. */
    private static double[] differences(ToDoubleFunction<NdArray> f, NdArray y) {
        double[] g = new double[y.size()];
        for (int i = 0; i < g.length; i++) {
            double h = 1e-7 * Math.max(1, Math.abs(y.data()[i]));
            double[] plus = y.data().clone();
            double[] minus = y.data().clone();
            plus[i] += h;
            minus[i] -= h;
            g[i] = (f.applyAsDouble(new NdArray(y.shape(), plus)) - f.applyAsDouble(new NdArray(y.shape(), minus))) / (2 * h);
        }
        return g;
    }

    /** The base model with a slow lens in its middle. */
    static NdArray lens(NdArray v) {
        double[] t = v.data().clone();
        int nz = v.dim(0);
        int nx = v.dim(1);
        for (int i = 0; i < nz; i++) {
            for (int j = 0; j < nx; j++) {
                double r2 = Math.pow((i - 6) / 3.0, 2) + Math.pow((j - 8) / 4.0, 2);
                if (r2 < 1) {
                    t[i * nx + j] -= 250 * (1 - r2);
                }
            }
        }
        return new NdArray(v.shape(), t);
    }

    /**
     * A cheap nonlinear loss of the simulation model with coupled cells: with q = (m / 1000)^2,
     * 1/2 sum (q - q_true)^2 + 1/20 sum over horizontal neighbours of (q_i - q_j)^2.
     */
    static final class Analytic implements Objective {
        private final Chains chains;
        private final double[] target;
        private final int nx;

        Analytic(Chains chains, NdArray truth) {
            this.chains = chains;
            this.nx = truth.dim(1);
            this.target = squares(truth.data());
        }

        private static double[] squares(double[] m) {
            double[] q = new double[m.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = m[i] / 1000 * (m[i] / 1000);
            }
            return q;
        }

        double loss(NdArray m) {
            double[] q = squares(m.data());
            double l = 0;
            for (int i = 0; i < q.length; i++) {
                l += 0.5 * (q[i] - target[i]) * (q[i] - target[i]);
                if ((i + 1) % nx != 0) {
                    l += 0.05 * (q[i] - q[i + 1]) * (q[i] - q[i + 1]);
                }
            }
            return l;
        }

        private double[] gradient(NdArray m) {
            double[] q = squares(m.data());
            double[] dq = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                dq[i] += q[i] - target[i];
                if ((i + 1) % nx != 0) {
                    dq[i] += 0.1 * (q[i] - q[i + 1]);
                    dq[i + 1] -= 0.1 * (q[i] - q[i + 1]);
                }
            }
            double[] g = new double[q.length];
            for (int i = 0; i < g.length; i++) {
                g[i] = dq[i] * 2 * m.data()[i] / 1e6;
            }
            return g;
        }

        @Override
        public Evaluation evaluate(double[] x) {
            NdArray m = chains.toModel(x).parameter("v");
            Map<String, NdArray> g = new LinkedHashMap<>();
            g.put("v", new NdArray(m.shape(), gradient(m)));
            return new Evaluation(loss(m), chains.toInversionGradient(x, g));
        }

        @Override
        public double[] project(double[] x) {
            return chains.project(x);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double maxAbs(double[] a) {
        return Arrays.stream(a).map(Math::abs).max().orElse(0);
    }

    static double[] axpy(double a, double[] x, double[] y) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += a * x[i];
        }
        return out;
    }
}
