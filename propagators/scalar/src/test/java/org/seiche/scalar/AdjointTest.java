package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;

/**
 * The adjoint is exact: a dot-product test of the linear map source amplitudes -> receiver
 * data, and central differences of the loss along a random velocity direction, in float64,
 * on small random models with PML, free surfaces, every accuracy and sub-stepping.
 */
class AdjointTest {
    private static final int[] SHAPE = {14, 17};
    private static final double[] SPACING = {5, 4};
    private static final int NT = 60;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(2, new int[] {4}, 0.0008),
                Arguments.of(4, new int[] {5, 3, 4, 6}, 0.0008),
                Arguments.of(6, new int[] {0, 4, 5, 3}, 0.0008),
                Arguments.of(8, new int[] {3}, 0.0008),
                Arguments.of(4, new int[] {0}, 0.0008),
                Arguments.of(4, new int[] {0, 5, 0, 4}, 0.0035),
                Arguments.of(8, new int[] {6, 0, 3, 4}, 0.0031));
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
            System.out.printf("dot product accuracy %d pml %s dt %s step ratio %d: <Jf,r> %.15e <f,J'r> %.15e rel %.2e%n",
                    accuracy, java.util.Arrays.toString(pml), dt, sim.stepRatio(), forward, backward, mismatch);
            assertTrue(mismatch < 1e-10, "dot-product mismatch " + mismatch);
        }
    }

    @ParameterizedTest(name = "accuracy {0} pml {1} dt {2}")
    @MethodSource("cases")
    void velocityGradientMatchesFiniteDifferences(int accuracy, int[] pml, double dt) {
        Random random = new Random(accuracy * 17L + pml.length);
        SimulationSetup setup = setup(random, accuracy, pml, dt);
        NdArray v = setup.model().parameter("v");
        NdArray observed;
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup);
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
            observed = Setups.random(random, 0.5 * rms(run.receiverData().get(0)), run.receiverData().get(0).shape());
        }
        NdArray gradient;
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup);
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("v"))) {
            NdArray data = run.receiverData().get(0);
            gradient = run.adjoint(List.of(Setups.mseAdjoint(data, observed))).get("v");
        }
        NdArray direction = Setups.random(random, 1, v.shape());
        double eps = 0.01;
        double plus = loss(setup, Setups.shifted(v, direction, eps), observed);
        double minus = loss(setup, Setups.shifted(v, direction, -eps), observed);
        double numeric = (plus - minus) / (2 * eps);
        double exact = Setups.dot(gradient, direction);
        double mismatch = Math.abs(numeric - exact) / Math.abs(exact);
        System.out.printf("finite differences accuracy %d pml %s dt %s: exact %.12e numeric %.12e rel %.2e%n", accuracy,
                java.util.Arrays.toString(pml), dt, exact, numeric, mismatch);
        assertTrue(mismatch < 1e-6, "finite-difference mismatch " + mismatch);
    }

    /** A smooth random model of 1500-2500 m/s, 2 shots of 2 sources and 3 receivers, one of each unused. */
    private static SimulationSetup setup(Random random, int accuracy, int[] pml, double dt) {
        NdArray v = NdArray.zeros(SHAPE);
        double ky = random.nextDouble();
        double kx = random.nextDouble();
        for (int y = 0; y < SHAPE[0]; y++) {
            for (int x = 0; x < SHAPE[1]; x++) {
                v.data()[y * SHAPE[1] + x] = 2000 + 400 * Math.sin(ky * y + 0.3) * Math.cos(kx * x) + 50 * random.nextGaussian();
            }
        }
        Locations sources = Setups.locations(2, 2, 0, 3, 5, 9, 2, 14, -1, -1);
        Locations receivers = Setups.locations(2, 3, 0, 0, 13, 16, 7, 8, 1, 2, -1, -1, 12, 1);
        NdArray amplitudes = Setups.random(random, 1, 2, 2, NT);
        PropagatorSettings settings = Setups.settings(accuracy, pml, 20, 2600);
        return Setups.setup(v, SPACING, settings, dt, amplitudes, sources, receivers, Precision.FLOAT64);
    }

    private static double loss(SimulationSetup setup, NdArray v, NdArray observed) {
        SimulationSetup moved = new SimulationSetup(setup.model().with(Map.of("v", v)), setup.survey(), setup.settings(),
                setup.device(), setup.precision());
        try (Simulation sim = Setups.PROPAGATOR.prepare(moved); ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
            return Setups.mse(run.receiverData().get(0), observed);
        }
    }

    private static double rms(NdArray a) {
        return Math.sqrt(Setups.dot(a, a) / a.size());
    }
}
