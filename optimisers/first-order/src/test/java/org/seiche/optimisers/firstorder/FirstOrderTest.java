package org.seiche.optimisers.firstorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seiche.inversion.support.OptimiserChecks.assertResumesExactly;
import static org.seiche.inversion.support.OptimiserChecks.run;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.api.SeicheException;
import org.seiche.inversion.support.Problems;

class FirstOrderTest {
    private static final double[] ROSENBROCK_START = {-1.2, 1};

    @Test
    void sgdWithMomentumFollowsItsRecurrence() {
        Optimiser.Run sgd = new SgdOptimiser().start(Map.of("lr", 0.1, "momentum", 0.5), 1);
        // f = 2 x: every full step lowers it
        Objective f = p -> new Objective.Evaluation(2 * p[0], new double[] {2});
        double[] x = {1};
        x = sgd.step(x, f.evaluate(x), f);
        assertEquals(1 - 0.1 * 2, x[0], 1e-15);
        x = sgd.step(x, f.evaluate(x), f);
        assertEquals(0.8 - 0.1 * (0.5 * 2 + 2), x[0], 1e-15);
    }

    @Test
    void adamsFirstStepMovesEachComponentByTheLearningRate() {
        Optimiser.Run adam = new AdamOptimiser().start(Map.of("lr", 0.01), 2);
        Objective f = p -> new Objective.Evaluation(3 * p[0] - 1e-3 * p[1], new double[] {3, -1e-3});
        double[] x0 = {1, 1};
        double[] x = adam.step(x0, f.evaluate(x0), f);
        assertEquals(1 - 0.01, x[0], 1e-10);
        assertEquals(1 + 0.01, x[1], 1e-7);
    }

    @Test
    void aStepThatRaisesTheLossIsHalvedAndNoneIsKeptWhenNoneLowersIt() {
        // f = x^2 from x = 1 with lr 1.5: the full step lands on -2 (loss 4), its half on -0.5 (0.25)
        Objective square = p -> new Objective.Evaluation(p[0] * p[0], new double[] {2 * p[0]});
        double[] x = {1};
        assertArrayEquals(new double[] {-0.5}, new SgdOptimiser().start(Map.of("lr", 1.5), 1).step(x, square.evaluate(x), square));
        assertArrayEquals(new double[] {-0.5}, new AdamOptimiser().start(Map.of("lr", 1.5), 1).step(x, square.evaluate(x), square),
                1e-7);
        // a gradient of the wrong sign: every step raises the loss, so x comes back unchanged
        Objective wrong = p -> new Objective.Evaluation(p[0] * p[0], new double[] {-2 * p[0]});
        assertArrayEquals(x, new SgdOptimiser().start(Map.of("lr", 0.1), 1).step(x, wrong.evaluate(x), wrong));
        assertArrayEquals(x, new AdamOptimiser().start(Map.of("lr", 0.1), 1).step(x, wrong.evaluate(x), wrong));
    }

    @Test
    void trialPointsAreProjected() {
        // f = (x - 3)^2 with x projected onto [0, 2]: the step from 1 towards 3 stops at 2, and that point is kept
        Objective bounded = new Objective() {
            @Override
            public Evaluation evaluate(double[] p) {
                assertTrue(p[0] <= 2, "evaluated an unprojected point " + p[0]);
                return new Evaluation((p[0] - 3) * (p[0] - 3), new double[] {2 * (p[0] - 3)});
            }

            @Override
            public double[] project(double[] p) {
                return new double[] {Math.min(2, Math.max(0, p[0]))};
            }
        };
        double[] x = {1};
        assertArrayEquals(new double[] {2}, new SgdOptimiser().start(Map.of("lr", 1.0), 1).step(x, bounded.evaluate(x), bounded));
        assertArrayEquals(new double[] {2}, new AdamOptimiser().start(Map.of("lr", 5.0), 1).step(x, bounded.evaluate(x), bounded));
    }

    @Test
    void bothConvergeOnAQuadraticIn50Dimensions() {
        Problems.Problem f = Problems.quadratic(Problems.spectrum(50, 10), new double[50], 1, 5);
        double[] x0 = new double[50];
        Arrays.fill(x0, 1);
        double sgd = f.error(run(new SgdOptimiser().start(Map.of("lr", 0.1, "momentum", 0.5), 50), f, x0, 200), x0);
        double adam = f.error(run(new AdamOptimiser().start(Map.of("lr", 0.01), 50), f, x0, 1000), x0);
        System.out.printf("quadratic 50-D: sgd error %.1e after 200 steps, adam %.1e after 1000%n", sgd, adam);
        assertTrue(sgd < 1e-6, "sgd error " + sgd);
        assertTrue(adam < 1e-2, "adam error " + adam);
    }

    @Test
    void bothDecreaseRosenbrock() {
        Problems.Problem f = Problems.rosenbrock();
        double f0 = f.evaluate(ROSENBROCK_START).loss();
        double sgd = f.evaluate(run(new SgdOptimiser().start(Map.of("lr", 1e-3, "momentum", 0.9), 2), f,
                ROSENBROCK_START, 1000)).loss();
        double adam = f.evaluate(run(new AdamOptimiser().start(Map.of("lr", 0.02), 2), f, ROSENBROCK_START, 1000)).loss();
        System.out.printf("rosenbrock from %.1f: sgd %.2e, adam %.2e after 1000 steps%n", f0, sgd, adam);
        assertTrue(sgd < 0.01 * f0, "sgd " + sgd);
        assertTrue(adam < 0.01 * f0, "adam " + adam);
    }

    @Test
    void resumedRunsContinueExactly() {
        Problems.Problem f = Problems.rosenbrock();
        assertResumesExactly(new SgdOptimiser(), Map.of("lr", 1e-3, "momentum", 0.9), f, ROSENBROCK_START);
        assertResumesExactly(new AdamOptimiser(), Map.of("lr", 0.02), f, ROSENBROCK_START);
    }

    @Test
    void refusesBadSettingsAndAnotherOptimisersState() {
        assertEquals("inversion.optimiser.lr: missing", message(() -> new SgdOptimiser().start(Map.of(), 2)));
        assertEquals("inversion.optimiser.momentum: must be below 1, got 1.0",
                message(() -> new SgdOptimiser().start(Map.of("lr", 1.0, "momentum", 1.0), 2)));
        assertEquals("inversion.optimiser.beta2: must be in [0, 1), got 1.5",
                message(() -> new AdamOptimiser().start(Map.of("lr", 1.0, "beta2", 1.5), 2)));
        Map<String, Object> sgdState = new SgdOptimiser().start(Map.of("lr", 1.0), 2).state();
        assertTrue(message(() -> new AdamOptimiser().start(Map.of("lr", 1.0), 2).restore(sgdState))
                .startsWith("checkpoint: the optimiser state was saved by 'sgd', this run uses 'adam'"));
        assertArrayEquals(new double[2], (double[]) sgdState.get("velocity"));
    }

    private static String message(Runnable r) {
        return assertThrows(SeicheException.class, r::run).getMessage();
    }
}
