package org.seiche.optimisers.newton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seiche.inversion.support.OptimiserChecks.assertResumesExactly;
import static org.seiche.inversion.support.OptimiserChecks.stepsToConverge;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.api.SeicheException;
import org.seiche.inversion.support.Problems;
import org.seiche.inversion.support.Vectors;

class NewtonTest {
    private static double[] start(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 50})
    void newtonSolvesAConvexQuadraticInOneStep(int n) {
        Problems.Problem f = Problems.quadratic(Problems.spectrum(n, 100), start(n, 1), 1, n);
        int steps = stepsToConverge(new NewtonOptimiser().start(Map.of(), n), f, new double[n], 1e-10, 5);
        System.out.printf("newton quadratic n=%d: %d step, %d Hessian products%n", n, steps, f.hessianProducts);
        assertEquals(1, steps);
        assertEquals(n, f.hessianProducts);
    }

    @Test
    void aStepThatRaisesTheLossIsHalvedUntilItLowersIt() {
        // step 3 on a quadratic lands twice as far past the minimum as the start is before it (loss x4);
        // its half lands half as far past it (loss / 4), and is kept
        int n = 10;
        double[] target = start(n, 7);
        Map<Optimiser, Map<String, Object>> runs = Map.of(new NewtonOptimiser(), Map.of("step", 3.0),
                new TruncatedNewtonOptimiser(), Map.of("step", 3.0, "cg_iterations", 20.0, "tolerance", 1e-12));
        runs.forEach((o, config) -> {
            Problems.Problem f = Problems.quadratic(Problems.spectrum(n, 5), target, 1, 8);
            double[] x0 = new double[n];
            double[] x = o.start(config, n).step(x0, f.evaluate(x0), f);
            for (int i = 0; i < n; i++) {
                assertEquals(1.5 * target[i], x[i], 1e-8, o.name());
            }
        });
    }

    @Test
    void newtonSolvesARawVelocityQuadraticInOneStepToo() {
        int n = 30;
        double[] target = Vectors.axpy(100, start(n, 2), new double[n]);
        Arrays.setAll(target, i -> 1500 + target[i]);
        Problems.Problem f = Problems.quadratic(Problems.spectrum(n, 10), target, 1e-8, 4);
        double[] x0 = new double[n];
        Arrays.fill(x0, 1500);
        assertEquals(1, stepsToConverge(new NewtonOptimiser().start(Map.of(), n), f, x0, 1e-8, 3));
    }

    /** A problem that also takes its products in batches, counting the batches. */
    private static final class Batched implements Objective {
        final Problems.Problem inner;
        int batches;

        Batched(Problems.Problem inner) {
            this.inner = inner;
        }

        @Override
        public Evaluation evaluate(double[] x) {
            return inner.evaluate(x);
        }

        @Override
        public double[] hessianVector(double[] x, double[] w) {
            throw new AssertionError("a batch-taking objective gets its products in a batch");
        }

        @Override
        public double[][] hessianVectors(double[] x, double[][] directions) {
            batches++;
            double[][] out = new double[directions.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = inner.hessianVector(x, directions[i]);
            }
            return out;
        }
    }

    @Test
    void newtonTakesTheHessianInOneBatchWhenTheObjectiveOffersIt() {
        double[] x0 = {-1.2, 1};
        Batched batched = new Batched(Problems.rosenbrock());
        Problems.Problem plain = Problems.rosenbrock();
        double[] a = new NewtonOptimiser().start(Map.of(), 2).step(x0, batched.evaluate(x0), batched);
        double[] b = new NewtonOptimiser().start(Map.of(), 2).step(x0, plain.evaluate(x0), plain);
        assertArrayEquals(b, a, 0);
        assertEquals(1, batched.batches);
        assertEquals(2, batched.inner.hessianProducts);
    }

    @Test
    void theShiftIsOneAndAHalfTimesTheMostNegativeEigenvalue() {
        double[][] h = {{-2, 0, 0}, {0, 1, 0}, {0, 0, 3}};
        ShiftedCholesky.Step s = ShiftedCholesky.solve(MatrixUtils.createRealMatrix(h), new double[] {1, 1, 1});
        assertEquals(3, s.tau(), 1e-12);
        assertArrayEquals(new double[] {-1 / 1.0, -1 / 4.0, -1 / 6.0}, s.h(), 1e-12);
    }

    @Test
    void aSingularHessianGetsTheSmallestShiftThatFactorises() {
        // rank one: lambda_min = 0 (to rounding), so tau = 0 fails and is raised
        double[][] h = {{1, 1}, {1, 1}};
        ShiftedCholesky.Step s = ShiftedCholesky.solve(MatrixUtils.createRealMatrix(h), new double[] {1, -1});
        assertTrue(s.tau() > 0 && s.tau() < 1e-6, "tau " + s.tau());
        assertTrue(Double.isFinite(s.h()[0]) && s.h()[0] < 0, Arrays.toString(s.h()));
    }

    @Test
    void truncatedNewtonSolvesAQuadraticInAboutNConjugateGradientSteps() {
        int n = 50;
        Problems.Problem f = Problems.quadratic(Problems.spectrum(n, 100), start(n, 3), 1, 9);
        Optimiser.Run tn = new TruncatedNewtonOptimiser().start(Map.of("cg_iterations", 100.0, "tolerance", 1e-10), n);
        int steps = stepsToConverge(tn, f, new double[n], 1e-8, 5);
        System.out.printf("truncated-newton quadratic n=%d condition 100: %d step, %d CG iterations%n", n, steps,
                f.hessianProducts);
        assertEquals(1, steps);
        // n in exact arithmetic; rounding erodes conjugacy and adds a few at condition 100
        assertTrue(f.hessianProducts <= 1.25 * n, f.hessianProducts + " CG iterations");
    }

    @Test
    void truncatedNewtonWithItsDefaultsConvergesOverAFewSteps() {
        int n = 50;
        Problems.Problem f = Problems.quadratic(Problems.spectrum(n, 10), start(n, 5), 1, 6);
        int steps = stepsToConverge(new TruncatedNewtonOptimiser().start(Map.of(), n), f, new double[n], 1e-8, 20);
        System.out.printf("truncated-newton defaults, quadratic n=%d condition 10: %d steps, %d CG iterations%n", n,
                steps, f.hessianProducts);
        assertTrue(steps > 0 && steps <= 3, steps + " steps");
    }

    @Test
    void bothReachRosenbrocksMinimum() {
        double[] x0 = {-1.2, 1};
        Problems.Problem f = Problems.rosenbrock();
        int newton = stepsToConverge(new NewtonOptimiser().start(Map.of(), 2), f, x0, 1e-6 / 2.2, 50);
        Problems.Problem g = Problems.rosenbrock();
        int tn = stepsToConverge(new TruncatedNewtonOptimiser().start(Map.of(), 2), g, x0, 1e-6 / 2.2, 50);
        System.out.printf("rosenbrock to 1e-6: newton %d steps, truncated-newton %d steps%n", newton, tn);
        assertTrue(newton > 0 && tn > 0, "newton " + newton + ", truncated-newton " + tn);
    }

    @Test
    void truncatedNewtonFallsBackToAScaledDescentStepOnNegativeCurvature() {
        // f = -x0^2 / 2 + x1^2 / 2 near (1500, 1500): H d for d = -g has negative curvature
        Objective saddle = new Objective() {
            @Override
            public Evaluation evaluate(double[] x) {
                return new Evaluation(0.5 * (x[1] * x[1] - x[0] * x[0]), new double[] {-x[0], x[1]});
            }

            @Override
            public double[] hessianVector(double[] x, double[] w) {
                return new double[] {-w[0], w[1]};
            }
        };
        double[] x = {1500, 1};
        double[] next = new TruncatedNewtonOptimiser().start(Map.of(), 2).step(x, saddle.evaluate(x), saddle);
        assertEquals(1500 * 1.02, next[0], 1e-9);
        assertTrue(saddle.evaluate(next).loss() < saddle.evaluate(x).loss());
    }

    @Test
    void resumedRunsContinueExactly() {
        double[] x0 = {-1.2, 1};
        assertResumesExactly(new NewtonOptimiser(), Map.of("step", 0.5), Problems.rosenbrock(), x0);
        assertResumesExactly(new TruncatedNewtonOptimiser(), Map.of("cg_iterations", 1.0), Problems.rosenbrock(), x0);
    }

    @Test
    void anObjectiveWithoutHessianProductsGetsOneLine() {
        Objective gradientOnly = x -> new Objective.Evaluation(0, new double[] {1, 1});
        double[] x = {1, 1};
        assertEquals("inversion.optimiser: truncated-newton needs Hessian-vector products and this objective gives no"
                + " Hessian-vector products; use lbfgs, or a propagator that gives them",
                assertThrows(SeicheException.class, () -> new TruncatedNewtonOptimiser().start(Map.of(), 2)
                        .step(x, gradientOnly.evaluate(x), gradientOnly)).getMessage());
        assertTrue(assertThrows(SeicheException.class, () -> new NewtonOptimiser().start(Map.of(), 2)
                .step(x, gradientOnly.evaluate(x), gradientOnly)).getMessage().startsWith("inversion.optimiser: newton"));
    }

    @Test
    void newtonRefusesModelsTooLargeForADenseHessian() {
        assertTrue(assertThrows(SeicheException.class, () -> new NewtonOptimiser().start(Map.of(), 100_000)).getMessage()
                .startsWith("inversion.optimiser: newton builds a dense Hessian of 100000 x 100000 values"));
        assertEquals("inversion.optimiser.cg_iterations: must be a whole number of at least 1, got 0.0",
                assertThrows(SeicheException.class,
                        () -> new TruncatedNewtonOptimiser().start(Map.of("cg_iterations", 0.0), 2)).getMessage());
    }
}
