package org.seiche.optimisers.lbfgs;

import org.seiche.api.Objective;
import org.seiche.api.SeicheException;
import org.seiche.inversion.support.Vectors;

/**
 * A line search for a step alpha along d with the strong Wolfe conditions (Nocedal and
 * Wright, algorithms 3.5 and 3.6): sufficient decrease phi(a) <= phi(0) + c1 a phi'(0) and
 * |phi'(a)| <= c2 |phi'(0)|. Steps double until the minimum is bracketed, then a safeguarded
 * cubic through the bracket's values and slopes narrows it. Within a budget of evaluations;
 * when it runs out, the lowest point with sufficient decrease is taken. A trial point the
 * objective refuses (a model the propagator will not run, e.g. a negative velocity) counts
 * as a step too long, so the search shrinks instead of ending the inversion.
 * <p>
 * The search path is projected, x(a) = P(x + a d) (bounds), so every point evaluated is
 * one that can be kept. Sufficient decrease is measured against the step actually taken,
 * phi(a) <= phi(0) + c1 g'(x(a) - x), and must lower the loss; the slope along the path
 * leaves out the components the projection held back.
 */
final class StrongWolfe {
    static final double C1 = 1e-4;
    static final double C2 = 0.9;
    /** A cubic's minimiser is kept this fraction of the bracket away from its ends. */
    private static final double SAFEGUARD = 0.1;

    /** A point of the search: phi = f(x(alpha)), slope = phi'(alpha), predicted = g(x)'(x(alpha) - x). */
    record Point(double alpha, double[] x, double phi, double slope, double predicted) {
    }

    /** Components of a trial the projection moved by more than this fraction of their step count as held. */
    private static final double HELD = 1e-6;

    private final Objective f;
    private final double[] x;
    private final double[] d;
    private final Point start;
    private final double[] startGradient;
    private final int budget;
    private int evaluations;
    private Point best;

    private StrongWolfe(Objective f, double[] x, Objective.Evaluation atX, double[] d, int budget) {
        this.f = f;
        this.x = x;
        this.d = d;
        this.start = new Point(0, x, atX.loss(), Vectors.dot(atX.gradient(), d), 0);
        this.startGradient = atX.gradient();
        this.budget = budget;
    }

    /** The accepted point, or null if no step within the budget decreased f enough. */
    static Point search(Objective f, double[] x, Objective.Evaluation atX, double[] d, double firstAlpha, int budget) {
        return new StrongWolfe(f, x, atX, d, budget).bracket(firstAlpha);
    }

    private Point bracket(double alpha) {
        Point previous = start;
        while (evaluations < budget) {
            Point p = evaluate(alpha);
            if (!decreases(p) || (previous != start && p.phi >= previous.phi)) {
                return zoom(previous, p);
            }
            if (flat(p)) {
                return p;
            }
            if (p.slope >= 0) {
                return zoom(p, previous);
            }
            previous = p;
            alpha *= 2;
        }
        return best;
    }

    /** lo: the lowest point so far with sufficient decrease; the minimum lies between lo and hi. */
    private Point zoom(Point lo, Point hi) {
        while (evaluations < budget) {
            Point p = evaluate(cubicMinimiser(lo, hi));
            if (!decreases(p) || p.phi >= lo.phi) {
                hi = p;
            } else {
                if (flat(p)) {
                    return p;
                }
                if (p.slope * (hi.alpha - lo.alpha) >= 0) {
                    hi = lo;
                }
                lo = p;
            }
        }
        return best;
    }

    private Point evaluate(double alpha) {
        evaluations++;
        double[] free = Vectors.axpy(alpha, d, x);
        double[] xa = f.project(free);
        double predicted = Vectors.dot(startGradient, Vectors.minus(xa, x));
        Objective.Evaluation e;
        try {
            e = f.evaluate(xa);
        } catch (SeicheException refused) {
            return new Point(alpha, xa, Double.POSITIVE_INFINITY, Double.NaN, predicted);
        }
        double slope = 0;
        for (int i = 0; i < d.length; i++) {
            if (Math.abs(xa[i] - free[i]) <= HELD * Math.abs(alpha * d[i])) {
                slope += e.gradient()[i] * d[i];
            }
        }
        Point p = new Point(alpha, xa, e.loss(), slope, predicted);
        if (decreases(p) && (best == null || p.phi < best.phi)) {
            best = p;
        }
        return p;
    }

    private boolean decreases(Point p) {
        return p.phi < start.phi && p.phi <= start.phi + C1 * Math.min(p.predicted, 0);
    }

    private boolean flat(Point p) {
        return Math.abs(p.slope) <= -C2 * start.slope;
    }

    /** The minimiser of the cubic matching both ends' values and slopes, kept inside the bracket. */
    private static double cubicMinimiser(Point a, Point b) {
        double d1 = a.slope + b.slope - 3 * (a.phi - b.phi) / (a.alpha - b.alpha);
        double d2 = Math.signum(b.alpha - a.alpha) * Math.sqrt(d1 * d1 - a.slope * b.slope);
        double t = b.alpha - (b.alpha - a.alpha) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2);
        double low = Math.min(a.alpha, b.alpha);
        double width = Math.abs(b.alpha - a.alpha);
        if (!Double.isFinite(t)) {
            // no real cubic minimiser (or a non-finite loss at an end): bisect
            return low + width / 2;
        }
        return Math.max(low + SAFEGUARD * width, Math.min(low + (1 - SAFEGUARD) * width, t));
    }
}
