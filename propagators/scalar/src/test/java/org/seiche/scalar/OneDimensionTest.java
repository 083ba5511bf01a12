package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.wave.Wavelets;

/**
 * The scalar propagator on a 1-D model (along x): the adjoint is exact (dot product of
 * source amplitudes -> data), the gradients w.r.t. v and the source amplitudes equal
 * central differences of the loss, the Hessian-vector products equal central differences
 * of the gradient and the full Hessian is the matrix of its products (float64), with PML,
 * free surfaces, every accuracy and sub-stepping; the SIMD and portable loops and the two
 * precisions agree.
 */
class OneDimensionTest {
    private static final int CELLS = 40;
    private static final double[] SPACING = {5};
    private static final int NT = 70;
    private static final int[] SHOTS = {0, 1};

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(2, new int[] {4}, 0.0008),
                Arguments.of(4, new int[] {5, 3}, 0.0008),
                Arguments.of(6, new int[] {0, 4}, 0.0008),
                Arguments.of(8, new int[] {3, 0}, 0.0008),
                Arguments.of(4, new int[] {0}, 0.0008),
                Arguments.of(4, new int[] {0, 5}, 0.0035),
                Arguments.of(8, new int[] {6, 2}, 0.0031));
    }

    /** A smooth random model of 1500-2500 m/s, 2 shots of 2 sources and 3 receivers, one of each unused. */
    static SimulationSetup setup(Random random, int accuracy, int[] pml, double dt, Precision precision) {
        NdArray v = NdArray.zeros(CELLS);
        double k = random.nextDouble();
        for (int x = 0; x < CELLS; x++) {
            v.data()[x] = 2000 + 400 * Math.sin(k * x + 0.3) + 50 * random.nextGaussian();
        }
        PropagatorSettings settings = Setups.settings(accuracy, pml, 20, 2600);
        return Setups.setup(v, SPACING, settings, dt, Setups.random(random, 1, 2, 2, NT),
                Setups.locations(2, 2, 3, 20, 35, -1), Setups.locations(2, 3, 0, 39, 10, 5, -1, 30), precision);
    }

    @ParameterizedTest(name = "accuracy {0} pml {1} dt {2}")
    @MethodSource("cases")
    void sourceToDataIsAdjoint(int accuracy, int[] pml, double dt) {
        Random random = new Random(accuracy * 31L + pml.length);
        SimulationSetup setup = setup(random, accuracy, pml, dt, Precision.FLOAT64);
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup);
             ForwardRun run = sim.forward(SHOTS, Set.of(Simulation.SOURCE_AMPLITUDES))) {
            NdArray data = run.receiverData().get(0);
            NdArray r = Setups.random(random, 1, data.shape());
            NdArray adjoint = run.adjoint(List.of(r)).get(Simulation.SOURCE_AMPLITUDES);
            double forward = Setups.dot(data, r);
            double backward = Setups.dot(setup.survey().sources().get(0).amplitudes(), adjoint);
            double mismatch = Math.abs(forward - backward) / Math.abs(forward);
            System.out.printf("1-D dot product accuracy %d pml %s dt %s step ratio %d: %.15e %.15e rel %.2e%n", accuracy,
                    Arrays.toString(pml), dt, sim.stepRatio(), forward, backward, mismatch);
            assertTrue(sim.stepRatio() > 1 || dt < 0.001, "dt " + dt + " sub-steps");
            assertTrue(mismatch < 1e-10, "dot-product mismatch " + mismatch);
        }
    }

    @ParameterizedTest(name = "accuracy {0} pml {1} dt {2}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(int accuracy, int[] pml, double dt) {
        Random random = new Random(accuracy * 17L + pml.length);
        SimulationSetup setup = setup(random, accuracy, pml, dt, Precision.FLOAT64);
        NdArray observed = observed(setup, random);
        Map<String, NdArray> gradients;
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup);
             ForwardRun run = sim.forward(SHOTS, Set.of("v", Simulation.SOURCE_AMPLITUDES))) {
            gradients = run.adjoint(List.of(Setups.mseAdjoint(run.receiverData().get(0), observed)));
        }
        NdArray v = setup.model().parameter("v");
        NdArray dv = Setups.random(random, 1, v.shape());
        double eps = 0.01;
        check("v", gradients.get("v"), dv, (loss(setup, Setups.shifted(v, dv, eps), null, observed)
                - loss(setup, Setups.shifted(v, dv, -eps), null, observed)) / (2 * eps), accuracy);
        NdArray f = setup.survey().sources().get(0).amplitudes();
        NdArray df = Setups.random(random, 1, f.shape());
        check("source amplitudes", gradients.get(Simulation.SOURCE_AMPLITUDES), df,
                (loss(setup, v, Setups.shifted(f, df, eps), observed) - loss(setup, v, Setups.shifted(f, df, -eps), observed))
                        / (2 * eps), accuracy);
    }

    private static void check(String what, NdArray gradient, NdArray direction, double numeric, int accuracy) {
        double exact = Setups.dot(gradient, direction);
        double mismatch = Math.abs(numeric - exact) / Math.abs(exact);
        System.out.printf("1-D finite differences accuracy %d, %s: exact %.12e numeric %.12e rel %.2e%n", accuracy, what,
                exact, numeric, mismatch);
        assertTrue(mismatch < 1e-6, what + ": finite-difference mismatch " + mismatch);
    }

    /** Random data of half the modelled data's rms. */
    private static NdArray observed(SimulationSetup setup, Random random) {
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup); ForwardRun run = sim.forward(SHOTS, Set.of())) {
            NdArray d = run.receiverData().get(0);
            return Setups.random(random, 0.5 * Math.sqrt(Setups.dot(d, d) / d.size()), d.shape());
        }
    }

    /** The mse of the run with velocity v and, when not null, these source amplitudes. */
    private static double loss(SimulationSetup setup, NdArray v, NdArray amplitudes, NdArray observed) {
        try (Simulation sim = Setups.PROPAGATOR.prepare(moved(setup, v, amplitudes));
             ForwardRun run = sim.forward(SHOTS, Set.of())) {
            return Setups.mse(run.receiverData().get(0), observed);
        }
    }

    private static SimulationSetup moved(SimulationSetup setup, NdArray v, NdArray amplitudes) {
        SimulationSetup s = new SimulationSetup(setup.model().with(Map.of("v", v)), setup.survey(), setup.settings(),
                setup.device(), setup.precision());
        if (amplitudes == null) {
            return s;
        }
        var sources = setup.survey().sources().get(0);
        return Setups.setup(v, SPACING, setup.settings(), setup.survey().dt(), amplitudes, sources.locations(),
                setup.survey().receivers().get(0).locations(), setup.precision());
    }

    private static NdArray gradient(SimulationSetup setup, NdArray observed) {
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup); ForwardRun run = sim.forward(SHOTS, Set.of("v"))) {
            return run.adjoint(List.of(Setups.mseAdjoint(run.receiverData().get(0), observed))).get("v");
        }
    }

    /**
     * H w equals central differences of the gradient along w, H is symmetric, and the full
     * Hessian is the matrix of the products H e_c; with and without sub-steps.
     */
    @ParameterizedTest(name = "dt {0}")
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.0008, 0.0031})
    void hessianMatchesGradientDifferencesAndItsProducts(double dt) {
        Random random = new Random(5);
        SimulationSetup setup = setup(random, 4, new int[] {0, 6}, dt, Precision.FLOAT64);
        NdArray v = setup.model().parameter("v");
        NdArray observed = observed(setup, random);
        NdArray w1 = Setups.random(random, 1, CELLS);
        NdArray w2 = Setups.random(random, 1, CELLS);
        NdArray hw1;
        NdArray hw2;
        NdArray full;
        NdArray columns = NdArray.zeros(CELLS, CELLS);
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup); ForwardRun run = sim.forward(SHOTS, Set.of("v"))) {
            List<NdArray> a = List.of(Setups.mseAdjoint(run.receiverData().get(0), observed));
            hw1 = run.hessianVector(Map.of("v", w1), a, Setups.mseCurvature()).get("v");
            hw2 = run.hessianVector(Map.of("v", w2), a, Setups.mseCurvature()).get("v");
            full = run.hessian("v", a, Setups.mseCurvature());
            for (int c = 0; c < CELLS; c++) {
                NdArray e = NdArray.zeros(CELLS);
                e.data()[c] = 1;
                NdArray column = run.hessianVector(Map.of("v", e), a, Setups.mseCurvature()).get("v");
                for (int r = 0; r < CELLS; r++) {
                    columns.data()[r * CELLS + c] = column.data()[r];
                }
            }
        }
        double eps = 0.02;
        NdArray plus = gradient(moved(setup, Setups.shifted(v, w1, eps), null), observed);
        NdArray minus = gradient(moved(setup, Setups.shifted(v, w1, -eps), null), observed);
        NdArray numeric = NdArray.zeros(CELLS);
        for (int i = 0; i < CELLS; i++) {
            numeric.data()[i] = (plus.data()[i] - minus.data()[i]) / (2 * eps);
        }
        double rel = Setups.relativeL2(hw1, numeric);
        double asymmetry = Math.abs(Setups.dot(hw1, w2) - Setups.dot(w1, hw2)) / Math.abs(Setups.dot(hw1, w2));
        double matrix = Setups.relativeL2(full, columns);
        System.out.printf("1-D Hessian dt %s: H w vs gradient differences rel-L2 %.2e, asymmetry %.2e, "
                + "full Hessian vs its products rel-L2 %.2e%n", dt, rel, asymmetry, matrix);
        assertTrue(rel < 1e-5, "H w differs from gradient differences by " + rel);
        assertTrue(asymmetry < 1e-8, "asymmetry " + asymmetry);
        assertTrue(matrix < 1e-10, "the full Hessian differs from its products by " + matrix);
    }

    /** The SIMD and portable loops give the same data and gradients; float32 follows float64. */
    @ParameterizedTest(name = "accuracy {0} pml {1} dt {2}")
    @MethodSource("cases")
    void loopsAndPrecisionsAgree(int accuracy, int[] pml, double dt) {
        assertTrue(new CpuScalarKernel(true).vectorised(), "the tests run with --add-modules jdk.incubator.vector");
        ScalarPropagator simd = new ScalarPropagator(new CpuScalarKernel(true));
        ScalarPropagator portable = new ScalarPropagator(new CpuScalarKernel(false));
        for (Precision p : Precision.values()) {
            SimulationSetup setup = setup(new Random(accuracy), accuracy, pml, dt, p);
            Map<String, NdArray> a = run(simd, setup);
            Map<String, NdArray> b = run(portable, setup);
            for (String name : b.keySet()) {
                double rel = Setups.relativeL2(a.get(name), b.get(name));
                System.out.printf("1-D %s accuracy %d %s: SIMD vs portable rel-L2 %.2e%n", p, accuracy, name, rel);
                assertTrue(rel < (p == Precision.FLOAT64 ? 1e-12 : 5e-5), name + " differs by " + rel);
            }
        }
        Map<String, NdArray> single = run(simd, setup(new Random(accuracy), accuracy, pml, dt, Precision.FLOAT32));
        Map<String, NdArray> dual = run(simd, setup(new Random(accuracy), accuracy, pml, dt, Precision.FLOAT64));
        for (String name : dual.keySet()) {
            double rel = Setups.relativeL2(single.get(name), dual.get(name));
            System.out.printf("1-D accuracy %d %s: float32 vs float64 rel-L2 %.2e%n", accuracy, name, rel);
            assertTrue(rel < 1e-4, name + ": float32 differs from float64 by " + rel);
        }
    }

    /** Storing every 3rd step approximates the exact gradient (of a band-limited source) with less memory. */
    @Test
    void gradientSamplingApproximatesTheGradient() {
        SimulationSetup random = setup(new Random(4), 4, new int[] {6}, 0.0008, Precision.FLOAT64);
        NdArray ricker = NdArray.zeros(2, 2, NT);
        double[] w = Wavelets.ricker(40, NT, 0.0008, 0.025);
        for (int s = 0; s < 4; s++) {
            System.arraycopy(w, 0, ricker.data(), s * NT, NT);
        }
        SimulationSetup exact = moved(random, random.model().parameter("v"), ricker);
        SimulationSetup sampled = new SimulationSetup(exact.model(), exact.survey(),
                new PropagatorSettings(4, new int[] {6}, 20, 2600, 3, Map.of()), exact.device(), exact.precision());
        NdArray observed = NdArray.zeros(2, 3, NT);
        try (Simulation a = Setups.PROPAGATOR.prepare(exact); Simulation b = Setups.PROPAGATOR.prepare(sampled)) {
            double rel = Setups.relativeL2(gradient(sampled, observed), gradient(exact, observed));
            System.out.printf("1-D gradient sampling interval 3 vs 1: rel-L2 %.3e, bytes per shot %d vs %d%n", rel,
                    b.bytesPerShot(true), a.bytesPerShot(true));
            assertTrue(rel > 0 && rel < 0.1, "interval 3 gradient off by " + rel);
            assertTrue(b.bytesPerShot(true) < a.bytesPerShot(true));
        }
    }

    /** A snapshot of a line is the field a receiver in every cell records at that step. */
    @Test
    void aFrameIsWhatAReceiverInEveryCellRecords() {
        int[] every = new int[2 * CELLS];
        for (int i = 0; i < every.length; i++) {
            every[i] = i % CELLS;
        }
        SimulationSetup base = setup(new Random(8), 4, new int[] {0, 6}, 0.0008, Precision.FLOAT64);
        SimulationSetup setup = Setups.setup(base.model().parameter("v"), SPACING, base.settings(), base.survey().dt(),
                base.survey().sources().get(0).amplitudes(), base.survey().sources().get(0).locations(),
                Setups.locations(2, CELLS, every), Precision.FLOAT64);
        Map<String, NdArray> frames = new java.util.concurrent.ConcurrentHashMap<>();
        org.seiche.api.Snapshots request = new org.seiche.api.Snapshots(7, Set.of(SnapshotTap.WAVEFIELD), SHOTS, false,
                (shot, step, field, adjoint, values) -> frames.put(shot + "/" + step, values));
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup.withSnapshots(request));
             ForwardRun run = sim.forward(SHOTS, Set.of())) {
            NdArray data = run.receiverData().get(0);
            assertTrue(frames.size() == 2 * (NT / 7), "frames " + frames.keySet());
            for (Map.Entry<String, NdArray> e : frames.entrySet()) {
                int shot = Integer.parseInt(e.getKey().split("/")[0]);
                int step = Integer.parseInt(e.getKey().split("/")[1]);
                assertTrue(Arrays.equals(new int[] {CELLS}, e.getValue().shape()), "a frame is shaped like the model");
                // the field after the last step (step NT) is past the last sample
                for (int c = 0; c < CELLS && step < NT; c++) {
                    assertTrue(e.getValue().data()[c] == data.data()[(shot * CELLS + c) * NT + step],
                            "shot " + shot + " cell " + c + " step " + step);
                }
            }
        }
    }

    private static Map<String, NdArray> run(ScalarPropagator propagator, SimulationSetup setup) {
        try (Simulation sim = propagator.prepare(setup);
             ForwardRun run = sim.forward(SHOTS, Set.of("v", Simulation.SOURCE_AMPLITUDES))) {
            NdArray data = run.receiverData().get(0);
            Map<String, NdArray> out = new java.util.HashMap<>(run.adjoint(List.of(data)));
            out.put("data", data);
            return out;
        }
    }
}
