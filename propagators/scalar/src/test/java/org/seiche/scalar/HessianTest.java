package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.io.Npy;
import org.seiche.wave.Wavelets;

/**
 * Hessian-vector products of the mean squared error w.r.t. v: symmetric, equal to central
 * differences of the exact gradient (float64), and the full Hessian of hessian_tiny.
 */
class HessianTest {
    private static final int[] SHAPE = {9, 11};

    private static SimulationSetup setup(NdArray v, double dt, int[] pml, Precision precision) {
        Random random = new Random(3);
        return Setups.setup(v, new double[] {4, 5}, Setups.settings(4, pml, 25, 2400), dt,
                Setups.random(random, 1, 2, 1, 40), Setups.locations(2, 1, 1, 2, 7, 9),
                Setups.locations(2, 3, 0, 0, 8, 10, 4, 5, 0, 10, 8, 0, -1, -1), precision);
    }

    private static NdArray velocity(Random random) {
        NdArray v = NdArray.zeros(SHAPE);
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = 1800 + 400 * random.nextDouble();
        }
        return v;
    }

    /** The gradient of the mse at v, and H w for the given directions. */
    private static NdArray[] gradientAndProducts(SimulationSetup setup, NdArray observed, NdArray... directions) {
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup);
             ForwardRun run = sim.forward(ReferenceCaseTest.allShots(sim.shots()), Set.of("v"))) {
            NdArray data = run.receiverData().get(0);
            NdArray a = Setups.mseAdjoint(data, observed);
            NdArray[] out = new NdArray[directions.length + 1];
            out[0] = run.adjoint(List.of(a)).get("v");
            for (int k = 0; k < directions.length; k++) {
                out[k + 1] = run.hessianVector(Map.of("v", directions[k]), List.of(a), Setups.mseCurvature()).get("v");
            }
            return out;
        }
    }

    private static NdArray observed(SimulationSetup setup, Random random) {
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup);
             ForwardRun run = sim.forward(ReferenceCaseTest.allShots(sim.shots()), Set.of())) {
            NdArray d = run.receiverData().get(0);
            return Setups.random(random, Math.sqrt(Setups.dot(d, d) / d.size()), d.shape());
        }
    }

    @Test
    void hessianIsSymmetricAndMatchesGradientDifferences() {
        for (double dt : new double[] {0.0006, 0.0025}) {
            Random random = new Random(5);
            NdArray v = velocity(random);
            SimulationSetup setup = setup(v, dt, new int[] {0, 4, 3, 5}, Precision.FLOAT64);
            NdArray observed = observed(setup, random);
            NdArray w1 = Setups.random(random, 1, SHAPE);
            NdArray w2 = Setups.random(random, 1, SHAPE);
            NdArray[] r = gradientAndProducts(setup, observed, w1, w2);
            double a = Setups.dot(r[1], w2);
            double b = Setups.dot(w1, r[2]);
            double asymmetry = Math.abs(a - b) / Math.abs(a);
            double eps = 0.02;
            NdArray plus = gradientAndProducts(setup(Setups.shifted(v, w1, eps), dt, new int[] {0, 4, 3, 5}, Precision.FLOAT64),
                    observed)[0];
            NdArray minus = gradientAndProducts(setup(Setups.shifted(v, w1, -eps), dt, new int[] {0, 4, 3, 5}, Precision.FLOAT64),
                    observed)[0];
            NdArray numeric = NdArray.zeros(SHAPE);
            for (int i = 0; i < numeric.size(); i++) {
                numeric.data()[i] = (plus.data()[i] - minus.data()[i]) / (2 * eps);
            }
            double rel = Setups.relativeL2(r[1], numeric);
            System.out.printf("Hessian dt %s: <Hw1,w2> %.12e <w1,Hw2> %.12e asymmetry %.2e; H w vs gradient differences rel-L2 %.2e%n",
                    dt, a, b, asymmetry, rel);
            assertTrue(asymmetry < 1e-8, "asymmetry " + asymmetry);
            assertTrue(rel < 1e-5, "H w differs from gradient differences by " + rel);
        }
    }

    /**
     * The second-order runs (a run that stored its steps) give the products of the Born runs
     * (a run that did not), and the full Hessian is the matrix of those products; float64.
     */
    @Test
    void secondOrderRunsMatchBornRunsAndTheFullHessianItsProducts() {
        Random random = new Random(9);
        NdArray v = velocity(random);
        SimulationSetup setup = setup(v, 0.0025, new int[] {0, 4, 3, 5}, Precision.FLOAT64);
        NdArray observed = observed(setup, random);
        NdArray w = Setups.random(random, 1, SHAPE);
        int n = v.size();
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup);
             ForwardRun stored = sim.forward(ReferenceCaseTest.allShots(sim.shots()), Set.of("v"));
             ForwardRun plain = sim.forward(ReferenceCaseTest.allShots(sim.shots()), Set.of())) {
            NdArray a = Setups.mseAdjoint(stored.receiverData().get(0), observed);
            NdArray fast = stored.hessianVector(Map.of("v", w), List.of(a), Setups.mseCurvature()).get("v");
            NdArray born = plain.hessianVector(Map.of("v", w), List.of(a), Setups.mseCurvature()).get("v");
            double products = Setups.relativeL2(fast, born);
            NdArray full = stored.hessian("v", List.of(a), Setups.mseCurvature());
            NdArray columns = NdArray.zeros(n, n);
            for (int c = 0; c < n; c++) {
                NdArray e = NdArray.zeros(SHAPE);
                e.data()[c] = 1;
                NdArray column = stored.hessianVector(Map.of("v", e), List.of(a), Setups.mseCurvature()).get("v");
                for (int r = 0; r < n; r++) {
                    columns.data()[r * n + c] = column.data()[r];
                }
            }
            double matrix = Setups.relativeL2(full, columns);
            System.out.printf("second-order runs vs Born runs: H w rel-L2 %.2e; full Hessian vs its products rel-L2 %.2e%n",
                    products, matrix);
            assertTrue(products < 1e-10, "H w by second-order runs differs from Born runs by " + products);
            assertTrue(matrix < 1e-10, "the full Hessian differs from its products by " + matrix);
        }
    }

    @Test
    void fullHessianMatchesHessianTiny() throws Exception {
        Path dir = ReferenceCaseTest.folder("hessian_tiny");
        NdArray v = Npy.read(dir.resolve("v.npy"));
        Locations sources = Npy.readLocations(dir.resolve("source_locations.npy"), 2);
        Locations receivers = Npy.readLocations(dir.resolve("receiver_locations.npy"), 2);
        NdArray amplitudes = new NdArray(new int[] {1, 1, 60}, Wavelets.ricker(25, 60, 0.004, 0.06));
        SimulationSetup setup = Setups.setup(v, new double[] {4, 4}, Setups.settings(4, new int[] {0, 20, 20, 20}, 25, 2000),
                0.004, amplitudes, sources, receivers, Precision.FLOAT32);
        NdArray observed = Npy.read(dir.resolve("observed.npy"));
        int n = v.size();
        NdArray hessian;
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup); ForwardRun run = sim.forward(new int[] {0}, Set.of("v"))) {
            NdArray a = Setups.mseAdjoint(run.receiverData().get(0), observed);
            hessian = run.hessian("v", List.of(a), Setups.mseCurvature());
        }
        double rel = Setups.relativeL2(hessian, Npy.read(dir.resolve("expected/hessian_v.npy")));
        System.out.printf("hessian_tiny hessian_v rel-L2 %.3e (tolerance 0.02)%n", rel);
        assertTrue(rel <= 0.02, "hessian rel-L2 " + rel);
    }
}
