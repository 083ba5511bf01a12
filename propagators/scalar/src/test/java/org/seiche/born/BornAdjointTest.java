package org.seiche.born;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.scalar.Setups;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.scalar.internal.BornPropagator;

/**
 * Born is the tangent-linear of the scalar propagator, and its adjoint is exact: Born data
 * against central differences of scalar data, a dot-product test of scatter -> data, and
 * central differences of the loss w.r.t. the background velocity (float64), in 1-D, 2-D and 3-D.
 */
class BornAdjointTest {
    private static final int NT = 50;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(4, new int[] {5, 3, 4, 6}, 0.0008),
                Arguments.of(2, new int[] {0, 4, 5, 3}, 0.0008),
                Arguments.of(8, new int[] {0, 5, 0, 4}, 0.0031),
                Arguments.of(4, new int[] {0, 3, 2, 3, 3, 2}, 0.0008),
                Arguments.of(6, new int[] {2}, 0.0024),
                Arguments.of(4, new int[] {5, 3}, 0.0008),
                Arguments.of(6, new int[] {0, 4}, 0.0008),
                Arguments.of(8, new int[] {4, 0}, 0.0031));
    }

    private record Problem(NdArray v, NdArray scatter, SimulationSetup setup) {
        SimulationSetup with(NdArray velocity, NdArray dv) {
            return new SimulationSetup(setup.model().with(Map.of("v", velocity, "scatter", dv)), setup.survey(),
                    setup.settings(), setup.device(), setup.precision());
        }
    }

    /** A 2-D problem of 13 x 16 cells, or (pml_width of 6 or 1 entries) a 3-D one of 7 x 8 x 9, or (2) a line of 16. */
    private static Problem problem(Random random, int accuracy, int[] pml, double dt) {
        boolean three = pml.length == 6 || pml.length == 1;
        boolean line = pml.length == 2;
        int[] shape = three ? new int[] {7, 8, 9} : line ? new int[] {16} : new int[] {13, 16};
        NdArray v = NdArray.zeros(shape);
        NdArray scatter = NdArray.zeros(shape);
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = 1900 + 300 * random.nextDouble();
            // zero on the edge cells: Born extends the scatter into the PML with zeros, the
            // scalar propagator extends v + eps scatter with its edge values
            boolean edge = false;
            for (int d = shape.length - 1, rest = i; d >= 0; d--) {
                int k = rest % shape[d];
                rest /= shape[d];
                edge |= k == 0 || k == shape[d] - 1;
            }
            scatter.data()[i] = edge ? 0 : 40 * random.nextGaussian();
        }
        Locations sources = three ? new Locations(2, 2, 3, new int[] {0, 3, 5, 3, 2, 8, 2, 7, 1, -1, -1, -1})
                : line ? new Locations(2, 2, 1, new int[] {3, 9, 14, -1})
                : new Locations(2, 2, 2, new int[] {0, 3, 5, 9, 2, 14, -1, -1});
        Locations receivers = three ? new Locations(2, 3, 3, new int[] {0, 0, 0, 6, 7, 8, 3, 4, 5, 1, 2, 3, -1, -1, -1, 6, 1, 4})
                : line ? new Locations(2, 3, 1, new int[] {0, 15, 8, 2, -1, 11})
                : new Locations(2, 3, 2, new int[] {0, 0, 12, 15, 7, 8, 1, 2, -1, -1, 11, 1});
        double[] spacing = three ? new double[] {5, 4, 6} : line ? new double[] {4} : new double[] {5, 4};
        PropagatorSettings settings = new PropagatorSettings(accuracy, pml, 20, 2600, 1, Map.of());
        SimulationSetup setup = Setups.setup(Map.of("v", v, "scatter", scatter), spacing, settings, dt,
                Setups.random(random, 1, 2, 2, NT), sources, receivers, Precision.FLOAT64);
        return new Problem(v, scatter, setup);
    }

    private static NdArray scalarData(Problem p, double eps) {
        NdArray v = p.v.copy();
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] += eps * p.scatter.data()[i];
        }
        try (Simulation sim = BornSetups.SCALAR.prepare(p.with(v, p.scatter));
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
            return run.receiverData().get(0);
        }
    }

    private static NdArray bornData(Problem p, NdArray v, NdArray scatter) {
        try (Simulation sim = BornSetups.BORN.prepare(p.with(v, scatter));
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
            return run.receiverData().get(0);
        }
    }

    /** With the option background_data the run also offers the background field's data: the scalar data of v. */
    @Test
    void backgroundDataIsTheScalarDataOfTheBackground() {
        Problem p = problem(new Random(2), 4, new int[] {0, 5, 4, 6}, 0.002);
        SimulationSetup asked = new SimulationSetup(p.setup.model(), p.setup.survey(),
                new PropagatorSettings(4, new int[] {0, 5, 4, 6}, 20, 2600, 1, Map.of("background_data", "true")),
                p.setup.device(), p.setup.precision());
        NdArray background;
        try (Simulation sim = BornSetups.BORN.prepare(asked); ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
            background = run.extraData().get("receiver_data_background");
        }
        try (Simulation sim = BornSetups.BORN.prepare(p.setup); ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
            assertTrue(run.extraData().isEmpty(), "no extra data unless asked");
        }
        double rel = Setups.relativeL2(background, scalarData(p, 0));
        System.out.printf("Born background data vs scalar data: rel-L2 %.2e%n", rel);
        assertTrue(rel < 1e-12, "background data differ from the scalar data by " + rel);
        SimulationSetup wrong = new SimulationSetup(p.setup.model(), p.setup.survey(),
                new PropagatorSettings(4, new int[] {0, 5, 4, 6}, 20, 2600, 1, Map.of("background_data", "yes")),
                p.setup.device(), p.setup.precision());
        SeicheException e = assertThrows(SeicheException.class, () -> BornSetups.BORN.prepare(wrong));
        assertTrue(e.getMessage().contains("propagator.background_data"), e.getMessage());
    }

    /** The SIMD loops (the fused Born interior among them) and the portable reference loops give the same run. */
    @ParameterizedTest(name = "accuracy {0} pml {1} dt {2}")
    @MethodSource("cases")
    void simdAndPortableLoopsAgree(int accuracy, int[] pml, double dt) {
        Assumptions.assumeTrue(BornSetups.KERNEL.vectorised(), "the JVM has no vector module: SIMD loops do not run");
        Problem p = problem(new Random(3 + accuracy), accuracy, pml, dt);
        BornPropagator portable = new BornPropagator(new CpuScalarKernel(false));
        Map<String, NdArray> simd = bornRun(BornSetups.BORN, p);
        Map<String, NdArray> reference = bornRun(portable, p);
        for (String name : reference.keySet()) {
            double rel = Setups.relativeL2(simd.get(name), reference.get(name));
            System.out.printf("Born SIMD vs portable, accuracy %d, %s: rel-L2 %.2e%n", accuracy, name, rel);
            assertTrue(rel < 1e-12, name + " differs by " + rel);
        }
    }

    /** Data of a forward-only run, and data and gradients of a gradient run. */
    private static Map<String, NdArray> bornRun(BornPropagator born, Problem p) {
        Map<String, NdArray> out = new java.util.HashMap<>();
        try (Simulation sim = born.prepare(p.setup)) {
            try (ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
                out.put("forward-only data", run.receiverData().get(0));
            }
            try (ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("v", "scatter"))) {
                NdArray data = run.receiverData().get(0);
                out.put("data", data);
                out.putAll(run.adjoint(List.of(data)));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "accuracy {0} pml {1} dt {2}")
    @MethodSource("cases")
    void bornIsTheDerivativeOfScalarData(int accuracy, int[] pml, double dt) {
        Problem p = problem(new Random(accuracy), accuracy, pml, dt);
        double eps = 1e-3;
        NdArray plus = scalarData(p, eps);
        NdArray minus = scalarData(p, -eps);
        NdArray numeric = NdArray.zeros(plus.shape());
        for (int i = 0; i < plus.size(); i++) {
            numeric.data()[i] = (plus.data()[i] - minus.data()[i]) / (2 * eps);
        }
        double rel = Setups.relativeL2(bornData(p, p.v, p.scatter), numeric);
        System.out.printf("Born vs scalar central differences, accuracy %d: rel-L2 %.2e%n", accuracy, rel);
        assertTrue(rel < 1e-5, "Born data differs from the derivative of scalar data by " + rel);
    }

    @ParameterizedTest(name = "accuracy {0} pml {1} dt {2}")
    @MethodSource("cases")
    void scatterToDataIsAdjoint(int accuracy, int[] pml, double dt) {
        Random random = new Random(7 + accuracy);
        Problem p = problem(random, accuracy, pml, dt);
        try (Simulation sim = BornSetups.BORN.prepare(p.setup);
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("scatter"))) {
            NdArray data = run.receiverData().get(0);
            NdArray r = Setups.random(random, 1, data.shape());
            NdArray adjoint = run.adjoint(List.of(r)).get("scatter");
            double forward = Setups.dot(data, r);
            double backward = Setups.dot(p.scatter, adjoint);
            double mismatch = Math.abs(forward - backward) / Math.abs(forward);
            System.out.printf("Born dot product, accuracy %d: %.15e %.15e rel %.2e%n", accuracy, forward, backward, mismatch);
            assertTrue(mismatch < 1e-10, "dot-product mismatch " + mismatch);
        }
    }

    @ParameterizedTest(name = "accuracy {0} pml {1} dt {2}")
    @MethodSource("cases")
    void velocityGradientMatchesFiniteDifferences(int accuracy, int[] pml, double dt) {
        Random random = new Random(11 + accuracy);
        Problem p = problem(random, accuracy, pml, dt);
        NdArray base = bornData(p, p.v, p.scatter);
        NdArray observed = Setups.random(random, 0.5 * Math.sqrt(Setups.dot(base, base) / base.size()),
                base.shape());
        NdArray gradient;
        try (Simulation sim = BornSetups.BORN.prepare(p.setup);
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("v", "scatter"))) {
            NdArray data = run.receiverData().get(0);
            gradient = run.adjoint(List.of(Setups.mseAdjoint(data, observed))).get("v");
        }
        NdArray direction = Setups.random(random, 1, p.v.shape());
        double eps = 0.01;
        double numeric = (loss(p, direction, eps, observed) - loss(p, direction, -eps, observed)) / (2 * eps);
        double exact = Setups.dot(gradient, direction);
        double mismatch = Math.abs(numeric - exact) / Math.abs(exact);
        System.out.printf("Born d loss / d v, accuracy %d: exact %.12e numeric %.12e rel %.2e%n", accuracy, exact,
                numeric, mismatch);
        assertTrue(mismatch < 1e-6, "finite-difference mismatch " + mismatch);
    }

    private static double loss(Problem p, NdArray direction, double eps, NdArray observed) {
        NdArray v = p.v.copy();
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] += eps * direction.data()[i];
        }
        return Setups.mse(bornData(p, v, p.scatter), observed);
    }
}
