package org.seiche.optimisers.lbfgs;

import java.util.Arrays;
import java.util.Map;

import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.inversion.support.FirstStep;
import org.seiche.inversion.support.OptimiserState;
import org.seiche.inversion.support.Vectors;

/**
 * One L-BFGS run. The pair of a step is formed at the next call, from the x and gradient
 * the pipeline gives then: that x is the projected one (bounds), so the pair describes the
 * step actually taken. Components a bound holds are left out of the direction (a projected
 * L-BFGS in the spirit of L-BFGS-B's free variables), so the search does not push into a bound.
 */
final class Lbfgs implements Optimiser.Run {
    private static final String NAME = "lbfgs";
    /** The probe step that finds the components a bound holds, as a fraction of max|x|. */
    private static final double PROBE = 1e-6;

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
        boolean[] held = held(objective, x, g);
        double[] free = without(held, g);
        if (Vectors.maxAbs(free) == 0) {
            return x;
        }
        double[] d = without(held, pairs.isEmpty() ? Vectors.scale(-1, free) : pairs.direction(free));
        if (!(Vectors.dot(g, d) < 0)) {
            // the memory no longer describes this objective (stochastic batches, projections)
            pairs.clear();
            d = Vectors.scale(-1, free);
        }
        double alpha = pairs.isEmpty() ? FirstStep.length(x, d, stepFraction) : 1;
        StrongWolfe.Point p = StrongWolfe.search(objective, x, atX, d, alpha, lineSearchBudget);
        if (p == null && !pairs.isEmpty()) {
            // no decrease along the curvature's direction: try steepest descent before giving up
            pairs.clear();
            d = Vectors.scale(-1, free);
            p = StrongWolfe.search(objective, x, atX, d, FirstStep.length(x, d, stepFraction), lineSearchBudget);
        }
        if (p == null) {
            // no step lowers the loss: x itself, and the pipeline ends the run saying so
            pairs.clear();
            return x;
        }
        return p.x();
    }

    /**
     * The components a bound holds: a short step down the gradient (moving the largest by 1e-6
     * of max|x|) that the projection takes back by more than half. They are left out of the
     * direction, so the curvature pairs describe the free components only; null when the
     * projection changes nothing (no bound active, or none at all).
     */
    private static boolean[] held(Objective objective, double[] x, double[] g) {
        double t = FirstStep.length(x, g, PROBE);
        double[] raw = Vectors.axpy(-t, g, x);
        double[] projected = objective.project(raw);
        if (Arrays.equals(projected, raw)) {
            return null;
        }
        boolean[] held = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            held[i] = Math.abs(projected[i] - raw[i]) > 0.5 * Math.abs(t * g[i]);
        }
        return held;
    }

    /** v with the held components zero. */
    private static double[] without(boolean[] held, double[] v) {
        if (held == null) {
            return v;
        }
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (held[i]) {
                out[i] = 0;
            }
        }
        return out;
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
