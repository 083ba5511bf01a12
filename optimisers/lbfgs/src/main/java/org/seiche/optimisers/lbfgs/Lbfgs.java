package org.seiche.optimisers.lbfgs;

import java.util.Map;

import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.inversion.support.FirstStep;
import org.seiche.inversion.support.OptimiserState;
import org.seiche.inversion.support.Vectors;

/**
 * One L-BFGS run. The pair of a step is formed at the next call, from the x and gradient
 * the pipeline gives then: that x is the projected one (bounds), so the pair describes the
 * step actually taken.
 */
final class Lbfgs implements Optimiser.Run {
    private static final String NAME = "lbfgs";

    private final int size;
    private final int lineSearchBudget;
    private final double stepFraction;
    private final CurvaturePairs pairs;
    private double[] previousX;
    private double[] previousGradient;

    Lbfgs(int size, int history, int lineSearchBudget, double stepFraction) {
        this.size = size;
        this.lineSearchBudget = lineSearchBudget;
        this.stepFraction = stepFraction;
        this.pairs = new CurvaturePairs(history);
    }

    @Override
    public double[] step(double[] x, Objective.Evaluation atX, Objective objective) {
        double[] g = atX.gradient();
        if (previousX != null) {
            pairs.add(Vectors.minus(x, previousX), Vectors.minus(g, previousGradient));
        }
        previousX = x.clone();
        previousGradient = g.clone();
        if (Vectors.maxAbs(g) == 0) {
            return x;
        }
        double[] d = pairs.isEmpty() ? Vectors.scale(-1, g) : pairs.direction(g);
        if (!(Vectors.dot(g, d) < 0)) {
            // the memory no longer describes this objective (stochastic batches, projections)
            pairs.clear();
            d = Vectors.scale(-1, g);
        }
        double alpha = pairs.isEmpty() ? FirstStep.length(x, d, stepFraction) : 1;
        StrongWolfe.Point p = StrongWolfe.search(objective, x, atX, d, alpha, lineSearchBudget);
        if (p == null && !pairs.isEmpty()) {
            // no decrease along the curvature's direction: try steepest descent before giving up
            pairs.clear();
            d = Vectors.scale(-1, g);
            p = StrongWolfe.search(objective, x, atX, d, FirstStep.length(x, d, stepFraction), lineSearchBudget);
        }
        if (p == null) {
            // no step lowers the loss: x itself, and the pipeline ends the run saying so
            pairs.clear();
            return x;
        }
        return p.x();
    }

    @Override
    public Map<String, Object> state() {
        return OptimiserState.of(NAME).put("steps", pairs.steps()).put("gradient_changes", pairs.changes())
                .put("previous_x", previousX).put("previous_gradient", previousGradient).values();
    }

    @Override
    public void restore(Map<String, Object> state) {
        OptimiserState s = OptimiserState.read(NAME, state);
        pairs.restore(s.vectors("steps", size), s.vectors("gradient_changes", size));
        previousX = s.vector("previous_x", size);
        previousGradient = s.vector("previous_gradient", size);
    }
}
