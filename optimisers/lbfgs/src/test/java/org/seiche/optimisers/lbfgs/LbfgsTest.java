package org.seiche.optimisers.lbfgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seiche.inversion.support.OptimiserChecks.assertResumesExactly;
import static org.seiche.inversion.support.OptimiserChecks.stepsToConverge;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.api.SeicheException;
import org.seiche.inversion.support.Problems;
import org.seiche.inversion.support.Vectors;

class LbfgsTest {
    private final Optimiser lbfgs = new LbfgsOptimiser();

    private static double[] ones(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 1);
        return x;
    }

    /**
     * Steps to 1e-8 of the minimiser. With c2 = 0.9 the line search is inexact, so there is no
     * termination in n steps as with exact searches; the limits are scipy's L-BFGS-B counts on
     * the same problems (7, 29, 92, 72) plus the few our deliberately short first step costs.
     */
    @ParameterizedTest(name = "n = {0}, condition {1}, history {2}")
    @CsvSource({"2, 10, 10, 10", "50, 10, 10, 32", "50, 100, 10, 95", "50, 100, 50, 75"})
    void convergesOnAConvexQuadratic(int n, double condition, int history, int limit) {
        Problems.Problem f = Problems.quadratic(Problems.spectrum(n, condition), new double[n], 1, n);
        int steps = stepsToConverge(lbfgs.start(Map.of("history", (double) history), n), f, ones(n), 1e-8, 1000);
        System.out.printf("lbfgs quadratic n=%d condition %.0f history %d: %d steps to 1e-8, %d evaluations%n",
                n, condition, history, steps, f.evaluations);
        assertTrue(steps > 0 && steps <= limit, steps + " steps");
    }

    @Test
    void aProjectedSearchEvaluatesOnlyFeasiblePointsAndReachesTheConstrainedMinimum() {
        // a quadratic whose minimiser (all 2) lies outside the box [0, 1]^n: the constrained minimum is all 1
        int n = 20;
        double[] target = new double[n];
        Arrays.fill(target, 2);
        Problems.Problem free = Problems.quadratic(Problems.spectrum(n, 10), target, 1, 3);
        Objective boxed = new Objective() {
            @Override
            public Evaluation evaluate(double[] x) {
                for (double v : x) {
                    assertTrue(v >= 0 && v <= 1, "evaluated " + v + ", outside the box");
                }
                return free.evaluate(x);
            }

            @Override
            public double[] project(double[] x) {
                double[] p = new double[x.length];
                for (int i = 0; i < p.length; i++) {
                    p[i] = Math.max(0, Math.min(1, x[i]));
                }
                return p;
            }
        };
        Optimiser.Run run = lbfgs.start(Map.of(), n);
        double[] x = new double[n];
        double loss = boxed.evaluate(x).loss();
        for (int i = 0; i < 30; i++) {
            double[] next = run.step(x, boxed.evaluate(x), boxed);
            double after = boxed.evaluate(next).loss();
            assertTrue(after <= loss, "step " + (i + 1) + " raised the loss from " + loss + " to " + after);
            x = next;
            loss = after;
        }
        // the constrained minimum by projected gradient steps of 1 / (largest eigenvalue), many of them
        double[] reference = new double[n];
        for (int i = 0; i < 5000; i++) {
            reference = boxed.project(Vectors.axpy(-0.1, free.evaluate(reference).gradient(), reference));
        }
        double distance = Math.sqrt(Vectors.dot(Vectors.minus(x, reference), Vectors.minus(x, reference)));
        System.out.printf("lbfgs projected on a box: %.2e from the constrained minimum after 30 steps%n", distance);
        assertTrue(distance < 1e-4, Arrays.toString(x) + " against " + Arrays.toString(reference));
    }

    @Test
    void reachesRosenbrocksMinimumInUnder100Steps() {
        Problems.Problem f = Problems.rosenbrock();
        double[] x0 = {-1.2, 1};
        int steps = stepsToConverge(lbfgs.start(Map.of(), 2), f, x0, 1e-6 / 2.2, 100); // |x0 - x*| = 2.2
        System.out.printf("lbfgs rosenbrock: %d steps to |x - x*| < 1e-6, %d evaluations%n", steps, f.evaluations);
        assertTrue(steps > 0, "did not reach 1e-6 of the minimum in 100 steps");
    }

    @Test
    void movesRawVelocitiesFromTheFirstStep() {
        // velocities ~1500 m/s, a target ~100 m/s away, gradients ~1e-6 .. 1e-8
        int n = 200;
        Random r = new Random(11);
        double[] x0 = new double[n];
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = 1500 + 50 * r.nextGaussian();
            target[i] = x0[i] + 100 * (2 * r.nextDouble() - 1);
        }
        Problems.Problem f = Problems.quadratic(Problems.spectrum(n, 4), target, 1e-8, 3);
        Optimiser.Run run = lbfgs.start(Map.of(), n);
        double f0 = f.evaluate(x0).loss();
        double[] x = x0;
        double[] losses = new double[3];
        for (int i = 0; i < 3; i++) {
            x = run.step(x, f.evaluate(x), f);
            losses[i] = f.evaluate(x).loss();
        }
        double[] firstMove = Vectors.minus(run.step(x0, f.evaluate(x0), f), x0);
        System.out.printf("lbfgs raw velocities: loss %.3e -> %s, first step max |dx| %.1f m/s%n", f0,
                Arrays.toString(losses), Vectors.maxAbs(firstMove));
        assertTrue(losses[2] < 0.9 * f0, "loss " + f0 + " -> " + losses[2]);
        assertTrue(Vectors.maxAbs(firstMove) > 1, "the first step should move velocities by metres per second");
    }

    @Test
    void resumedRunsContinueExactly() {
        assertResumesExactly(lbfgs, Map.of("history", 2.0), Problems.rosenbrock(), new double[] {-1.2, 1});
        double[] x0 = ones(20);
        assertResumesExactly(lbfgs, Map.of(), Problems.quadratic(Problems.spectrum(20, 50), new double[20], 1, 2), x0);
    }

    @ParameterizedTest
    @CsvSource({"1e-6", "1", "1e6"})
    void theLineSearchEndsOnAStrongWolfePointFromTooShortOrTooLongFirstSteps(double firstAlpha) {
        Problems.Problem f = Problems.rosenbrock();
        double[] x = {-1.2, 1};
        Objective.Evaluation at = f.evaluate(x);
        double[] d = Vectors.scale(-1, at.gradient());
        StrongWolfe.Point p = StrongWolfe.search(f, x, at, d, firstAlpha, 50);
        double slope0 = Vectors.dot(at.gradient(), d);
        assertTrue(p.phi() <= at.loss() + StrongWolfe.C1 * p.alpha() * slope0, "sufficient decrease");
        assertTrue(Math.abs(p.slope()) <= StrongWolfe.C2 * Math.abs(slope0), "curvature");
    }

    @Test
    void aTrialModelTheObjectiveRefusesShortensTheStep() {
        // f = (x - 1)^2 / 2, refusing x < 0.5 as a propagator refuses negative velocities
        Objective refusing = new Objective() {
            @Override
            public Evaluation evaluate(double[] x) {
                if (x[0] < 0.5) {
                    throw new SeicheException("model.parameters.v: must be positive");
                }
                return new Evaluation(0.5 * (x[0] - 1) * (x[0] - 1), new double[] {x[0] - 1});
            }
        };
        double[] x = {3};
        StrongWolfe.Point p = StrongWolfe.search(refusing, x, refusing.evaluate(x), new double[] {-2}, 10, 20);
        assertTrue(p.x()[0] >= 0.5 && p.phi() < refusing.evaluate(x).loss(), "x " + p.x()[0]);
    }

    @Test
    void aZeroGradientLeavesXAlone() {
        Problems.Problem f = Problems.quadratic(Problems.spectrum(3, 2), new double[3], 1, 1);
        double[] x = new double[3];
        assertEquals(x, lbfgs.start(Map.of(), 3).step(x, f.evaluate(x), f));
    }

    @Test
    void refusesBadSettings() {
        assertEquals("inversion.optimiser.history: must be a whole number of at least 1, got 0.0",
                assertThrows(SeicheException.class, () -> lbfgs.start(Map.of("history", 0.0), 2)).getMessage());
        assertEquals("inversion.optimiser.step_fraction: must be positive, got -0.1",
                assertThrows(SeicheException.class, () -> lbfgs.start(Map.of("step_fraction", -0.1), 2)).getMessage());
        assertEquals("inversion.optimiser.max_line_search: must be a whole number of at least 1, got 0.0",
                assertThrows(SeicheException.class, () -> lbfgs.start(Map.of("max_line_search", 0.0), 2)).getMessage());
        // a good setting is taken, not only accepted: the first step's line search keeps to its budget
        // (a first step far too short, so that the search would lengthen it over several evaluations)
        int unbounded = firstStepEvaluations(Map.of("step_fraction", 1e-6));
        assertTrue(unbounded > 2, unbounded + " evaluations");
        assertEquals(2, firstStepEvaluations(Map.of("step_fraction", 1e-6, "max_line_search", 2.0)));
    }

    /** Objective evaluations of the first step from Rosenbrock's usual start. */
    private int firstStepEvaluations(Map<String, Object> settings) {
        Problems.Problem f = Problems.rosenbrock();
        double[] x0 = {-1.2, 1};
        Objective.Evaluation at = f.evaluate(x0);
        f.evaluations = 0;
        lbfgs.start(settings, 2).step(x0, at, f);
        return f.evaluations;
    }
}
