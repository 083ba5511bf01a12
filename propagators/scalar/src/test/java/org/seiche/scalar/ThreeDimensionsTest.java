package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.testing.TestDevice;

/**
 * The 3-D kernel ([z, y, x]): its adjoint is exact (dot products of source amplitudes ->
 * data, central differences of the loss along a random velocity direction, float64), so are
 * its Hessian-vector products (symmetric, central differences of the gradient), on small
 * models with PML, free surfaces on any side, spacing per dimension, every accuracy and
 * sub-stepping; the SIMD loops give the portable loops' results; and a shot split into bands
 * of planes across threads gives the bits of one thread.
 */
class ThreeDimensionsTest {
    private static final int[] SHAPE = {7, 8, 9};
    private static final double[] SPACING = {5, 4, 6};
    private static final int NT = 40;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(2, new int[] {3}, 0.0008),
                Arguments.of(4, new int[] {0, 3, 2, 4, 3, 2}, 0.0008),
                Arguments.of(6, new int[] {2, 3, 0, 2, 3, 0}, 0.0008),
                Arguments.of(8, new int[] {2}, 0.0008),
                Arguments.of(4, new int[] {0, 3, 3, 2, 2, 3}, 0.0026));
    }

    @ParameterizedTest(name = "accuracy {0} pml {1} dt {2}")
    @MethodSource("cases")
    void sourceToDataIsAdjoint(int accuracy, int[] pml, double dt) {
        Random random = new Random(accuracy * 31L + pml.length);
        SimulationSetup setup = setup(random, accuracy, pml, dt);
        NdArray amplitudes = setup.survey().sources().get(0).amplitudes();
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup);
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of(Simulation.SOURCE_AMPLITUDES))) {
            NdArray data = run.receiverData().get(0);
            NdArray r = Setups.random(random, 1, data.shape());
            NdArray adjoint = run.adjoint(List.of(r)).get(Simulation.SOURCE_AMPLITUDES);
            double forward = Setups.dot(data, r);
            double backward = Setups.dot(amplitudes, adjoint);
            double mismatch = Math.abs(forward - backward) / Math.abs(forward);
            System.out.printf("3-D dot product accuracy %d pml %s dt %s step ratio %d: <Jf,r> %.15e <f,J'r> %.15e rel %.2e%n",
                    accuracy, Arrays.toString(pml), dt, sim.stepRatio(), forward, backward, mismatch);
            assertTrue(mismatch < 1e-10, "dot-product mismatch " + mismatch);
        }
    }

    @ParameterizedTest(name = "accuracy {0} pml {1} dt {2}")
    @MethodSource("cases")
    void velocityGradientMatchesFiniteDifferences(int accuracy, int[] pml, double dt) {
        Random random = new Random(accuracy * 17L + pml.length);
        SimulationSetup setup = setup(random, accuracy, pml, dt);
        NdArray v = setup.model().parameter("v");
        NdArray observed = observed(setup, random);
        NdArray gradient;
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup);
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("v"))) {
            gradient = run.adjoint(List.of(Setups.mseAdjoint(run.receiverData().get(0), observed))).get("v");
        }
        NdArray direction = Setups.random(random, 1, v.shape());
        double eps = 0.01;
        double numeric = (loss(setup, shifted(v, direction, eps), observed)
                - loss(setup, shifted(v, direction, -eps), observed)) / (2 * eps);
        double exact = Setups.dot(gradient, direction);
        double mismatch = Math.abs(numeric - exact) / Math.abs(exact);
        System.out.printf("3-D finite differences accuracy %d pml %s dt %s: exact %.12e numeric %.12e rel %.2e%n", accuracy,
                Arrays.toString(pml), dt, exact, numeric, mismatch);
        assertTrue(mismatch < 1e-6, "finite-difference mismatch " + mismatch);
    }

    @Test
    void hessianVectorProductsAreSymmetricAndMatchGradientDifferences() {
        Random random = new Random(5);
        int[] pml = {0, 3, 2, 3, 3, 2};
        SimulationSetup setup = setup(random, 4, pml, 0.0008);
        NdArray v = setup.model().parameter("v");
        NdArray observed = observed(setup, random);
        NdArray w1 = Setups.random(random, 1, SHAPE);
        NdArray w2 = Setups.random(random, 1, SHAPE);
        NdArray[] r = gradientAndProducts(setup, observed, w1, w2);
        double a = Setups.dot(r[1], w2);
        double b = Setups.dot(w1, r[2]);
        double asymmetry = Math.abs(a - b) / Math.abs(a);
        double eps = 0.02;
        NdArray plus = gradientAndProducts(moved(setup, shifted(v, w1, eps)), observed)[0];
        NdArray minus = gradientAndProducts(moved(setup, shifted(v, w1, -eps)), observed)[0];
        NdArray numeric = NdArray.zeros(SHAPE);
        for (int i = 0; i < numeric.size(); i++) {
            numeric.data()[i] = (plus.data()[i] - minus.data()[i]) / (2 * eps);
        }
        double rel = Setups.relativeL2(r[1], numeric);
        System.out.printf("3-D Hessian: <Hw1,w2> %.12e <w1,Hw2> %.12e asymmetry %.2e; H w vs gradient differences rel-L2 %.2e%n",
                a, b, asymmetry, rel);
        assertTrue(asymmetry < 1e-8, "asymmetry " + asymmetry);
        assertTrue(rel < 1e-5, "H w differs from gradient differences by " + rel);
    }

    /** The full Hessian of a 3 x 4 x 5 model is the matrix of its Hessian-vector products, cells in row-major order. */
    @Test
    void fullHessianIsTheMatrixOfItsProducts() {
        int[] shape = {3, 4, 5};
        Random random = new Random(13);
        SimulationSetup setup = setup(random, shape, 4, new int[] {0, 2, 2, 3, 2, 2}, 0.0008, Precision.FLOAT64);
        NdArray observed = observed(setup, random);
        int n = 3 * 4 * 5;
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup); ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("v"))) {
            NdArray a = Setups.mseAdjoint(run.receiverData().get(0), observed);
            NdArray full = run.hessian("v", List.of(a), Setups.mseCurvature());
            NdArray columns = NdArray.zeros(n, n);
            for (int c = 0; c < n; c++) {
                NdArray e = NdArray.zeros(shape);
                e.data()[c] = 1;
                NdArray column = run.hessianVector(Map.of("v", e), List.of(a), Setups.mseCurvature()).get("v");
                for (int r = 0; r < n; r++) {
                    columns.data()[r * n + c] = column.data()[r];
                }
            }
            double rel = Setups.relativeL2(full, columns);
            System.out.printf("3-D full Hessian vs its products: rel-L2 %.2e%n", rel);
            assertTrue(rel < 1e-10, "the full Hessian differs from its products by " + rel);
        }
    }

    /** Storing every 3rd forward step approximates the exact gradient and holds less memory. */
    @Test
    void sampledGradientIsCloseAndSmaller() {
        NdArray v = NdArray.filled(2000, 16, 18, 20);
        for (int i = 8 * 18 * 20; i < v.size(); i++) {
            v.data()[i] = 2300;
        }
        double[] w = org.seiche.wave.Wavelets.ricker(20, 150, 0.001, 0.05);
        NdArray amplitudes = new NdArray(new int[] {1, 1, 150}, w);
        NdArray[] g = new NdArray[2];
        long[] bytes = new long[2];
        int[] intervals = {1, 3};
        for (int k = 0; k < 2; k++) {
            SimulationSetup setup = Setups.setup(v, new double[] {5, 5, 5},
                    new org.seiche.api.PropagatorSettings(4, new int[] {5}, 20, Double.NaN, intervals[k], Map.of()), 0.001,
                    amplitudes, new Locations(1, 1, 3, new int[] {1, 9, 10}),
                    new Locations(1, 3, 3, new int[] {1, 2, 2, 1, 15, 17, 3, 9, 19}), Precision.FLOAT64);
            try (Simulation sim = Setups.PROPAGATOR.prepare(setup); ForwardRun run = sim.forward(new int[] {0}, Set.of("v"))) {
                g[k] = run.adjoint(List.of(run.receiverData().get(0))).get("v");
                bytes[k] = sim.bytesPerShot(true);
            }
        }
        double rel = Setups.relativeL2(g[1], g[0]);
        System.out.printf("3-D gradient sampling interval 3 vs 1: rel-L2 %.3e, bytes per shot %d vs %d%n", rel, bytes[1],
                bytes[0]);
        assertTrue(rel < 0.05, "interval 3 gradient off by " + rel);
        assertTrue(bytes[1] < bytes[0] / 2, "interval 3 holds " + bytes[1] + " bytes, interval 1 " + bytes[0]);
    }

    /**
     * The memory a 3-D shot holds, as the pipeline plans it (summary.json's estimate and the
     * refusal before compute): 14 padded grids (u, previous u, psi, psi next, zeta, zeta next
     * per dimension), and for a gradient one grid per stored step and one for the gradient's
     * sum; what a gradient run of two shots held is twice that.
     */
    @Test
    void memoryPerShotCountsThePaddedGridsAndTheStoredSteps() {
        SimulationSetup setup = setup(new Random(1), 4, new int[] {0, 3, 2, 3, 3, 2}, 0.0008);
        long cells = (7 + 0 + 3 + 4) * (8 + 2 + 3 + 4) * (9 + 3 + 2 + 4);
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup)) {
            long steps = (long) NT * sim.stepRatio();
            assertEquals(14 * cells * Double.BYTES, sim.bytesPerShot(false));
            assertEquals((14 + 1 + steps) * cells * Double.BYTES, sim.bytesPerShot(true));
            try (ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("v"))) {
                run.adjoint(List.of(run.receiverData().get(0)));
                assertEquals(2 * sim.bytesPerShot(true), run.peakMemoryBytes());
            }
        }
    }

    /**
     * The SIMD loops and the portable ones, in both precisions, every accuracy; rows of 9, 21
     * and 40 cells + PML (40: x PML strips of whole 16-lane vectors).
     */
    @ParameterizedTest(name = "{0} accuracy {1}, {2} columns")
    @CsvSource({"float64, 2, 9", "float64, 4, 21", "float64, 6, 40", "float64, 8, 21", "float32, 2, 21", "float32, 4, 40",
                "float32, 6, 21", "float32, 8, 9"})
    void simdMatchesPortable(String precision, int accuracy, int nx) {
        assertTrue(new CpuScalarKernel(true).vectorised(), "the tests run with --add-modules jdk.incubator.vector");
        Precision p = Precision.parse(precision);
        Random random = new Random(accuracy + nx);
        SimulationSetup setup = setup(random, new int[] {8, 9, nx}, accuracy, new int[] {0, 4, 5, 3, 6, 4}, 0.0008, p);
        Map<String, NdArray> simd = run(new ScalarPropagator(new CpuScalarKernel(true)), setup);
        Map<String, NdArray> portable = run(new ScalarPropagator(new CpuScalarKernel(false)), setup);
        double tolerance = p == Precision.FLOAT64 ? 1e-12 : 1e-5;
        for (String name : portable.keySet()) {
            double rel = Setups.relativeL2(simd.get(name), portable.get(name));
            System.out.printf("3-D %s accuracy %d, %d columns, %s: SIMD vs portable rel-L2 %.2e%n", precision, accuracy, nx,
                    name, rel);
            assertTrue(rel < tolerance, name + " differs by " + rel);
        }
    }

    /** One shot of 30 x 32 x 34 cells + PML, split into bands of planes on 2 threads: the bits of 1 thread. */
    @ParameterizedTest(name = "{0}, accuracy {1}")
    @CsvSource({"float64, 4", "float32, 8"})
    void bandsGiveTheBitsOfOneThread(String precision, int accuracy) {
        Random random = new Random(11);
        SimulationSetup base = setup(random, new int[] {30, 32, 34}, accuracy, new int[] {0, 5, 4, 6, 5, 3}, 0.0008,
                Precision.parse(precision));
        Map<String, NdArray> one = run(Setups.PROPAGATOR, onThreads(base, 1), new int[] {0});
        Map<String, NdArray> two = run(Setups.PROPAGATOR, onThreads(base, 2), new int[] {0});
        for (String name : one.keySet()) {
            assertArrayEquals(one.get(name).data(), two.get(name).data(), name + " on 2 threads");
        }
    }

    private static SimulationSetup onThreads(SimulationSetup s, int threads) {
        return new SimulationSetup(s.model(), s.survey(), s.settings(), new TestDevice(threads), s.precision());
    }

    private static Map<String, NdArray> run(ScalarPropagator propagator, SimulationSetup setup) {
        return run(propagator, setup, new int[] {0, 1});
    }

    private static Map<String, NdArray> run(ScalarPropagator propagator, SimulationSetup setup, int[] shots) {
        try (Simulation sim = propagator.prepare(setup);
             ForwardRun run = sim.forward(shots, Set.of("v", Simulation.SOURCE_AMPLITUDES))) {
            NdArray data = run.receiverData().get(0);
            Map<String, NdArray> out = new HashMap<>(run.adjoint(List.of(data)));
            out.put("data", data);
            return out;
        }
    }

    private static SimulationSetup setup(Random random, int accuracy, int[] pml, double dt) {
        return setup(random, SHAPE, accuracy, pml, dt, Precision.FLOAT64);
    }

    /**
     * A smooth random model of 1500-2500 m/s, 2 shots of 2 sources and 3 receivers, one of
     * each unused, on the model's corners and edges too.
     */
    static SimulationSetup setup(Random random, int[] shape, int accuracy, int[] pml, double dt, Precision precision) {
        NdArray v = NdArray.zeros(shape);
        double kz = random.nextDouble();
        double ky = random.nextDouble();
        double kx = random.nextDouble();
        for (int z = 0; z < shape[0]; z++) {
            for (int y = 0; y < shape[1]; y++) {
                for (int x = 0; x < shape[2]; x++) {
                    v.data()[(z * shape[1] + y) * shape[2] + x] = 2000 + 400 * Math.sin(kz * z + 0.3) * Math.cos(ky * y)
                            * Math.cos(kx * x + 0.1) + 50 * random.nextGaussian();
                }
            }
        }
        int z1 = shape[0] - 1;
        int y1 = shape[1] - 1;
        int x1 = shape[2] - 1;
        Locations sources = new Locations(2, 2, 3, new int[] {0, Math.min(3, y1), Math.min(5, x1), z1 / 2, 2, x1, 2, y1, 1,
                -1, -1, -1});
        Locations receivers = new Locations(2, 3, 3, new int[] {0, 0, 0, z1, y1, x1, Math.min(3, z1), Math.min(4, y1),
                Math.min(5, x1), 1, 2, 3, -1, -1, -1, z1, 1, x1 / 2});
        NdArray amplitudes = Setups.random(random, 1, 2, 2, NT);
        return Setups.setup(v, SPACING, Setups.settings(accuracy, pml, 20, 2600), dt, amplitudes, sources, receivers,
                precision);
    }

    private static NdArray observed(SimulationSetup setup, Random random) {
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup); ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
            NdArray d = run.receiverData().get(0);
            return Setups.random(random, 0.5 * Math.sqrt(Setups.dot(d, d) / d.size()), d.shape());
        }
    }

    /** The gradient of the mse at the setup's v, and H w for the given directions. */
    private static NdArray[] gradientAndProducts(SimulationSetup setup, NdArray observed, NdArray... directions) {
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup); ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("v"))) {
            NdArray a = Setups.mseAdjoint(run.receiverData().get(0), observed);
            NdArray[] out = new NdArray[directions.length + 1];
            out[0] = run.adjoint(List.of(a)).get("v");
            for (int k = 0; k < directions.length; k++) {
                out[k + 1] = run.hessianVector(Map.of("v", directions[k]), List.of(a), Setups.mseCurvature()).get("v");
            }
            return out;
        }
    }

    private static SimulationSetup moved(SimulationSetup setup, NdArray v) {
        return new SimulationSetup(setup.model().with(Map.of("v", v)), setup.survey(), setup.settings(), setup.device(),
                setup.precision());
    }

    private static double loss(SimulationSetup setup, NdArray v, NdArray observed) {
        try (Simulation sim = Setups.PROPAGATOR.prepare(moved(setup, v));
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
            return Setups.mse(run.receiverData().get(0), observed);
        }
    }

    private static NdArray shifted(NdArray v, NdArray direction, double eps) {
        NdArray out = v.copy();
        for (int i = 0; i < out.size(); i++) {
            out.data()[i] += eps * direction.data()[i];
        }
        return out;
    }
}
