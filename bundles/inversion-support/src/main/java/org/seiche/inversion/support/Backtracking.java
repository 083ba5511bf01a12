package org.seiche.inversion.support;

import java.util.Arrays;

import org.seiche.api.Objective;
import org.seiche.api.SeicheException;

/**
 * A step of fixed-rule optimisers (sgd, adam, newton) that never raises the loss: the
 * projected point P(x + t d) for t = 1, 1/2, 1/4, ..., the first whose loss is below the
 * loss at x. A trial the objective refuses (a model the propagator will not run) counts as
 * too long a step.
 */
public final class Backtracking {
    /** Halvings tried before giving up: the shortest trial moves 1/1024 of the full step. */
    public static final int HALVINGS = 10;

    private Backtracking() {
    }

    /** The first projected point along d with a lower loss, or x itself if none within the halvings. */
    public static double[] step(Objective f, double[] x, Objective.Evaluation atX, double[] d) {
        double t = 1;
        for (int i = 0; i <= HALVINGS; i++, t /= 2) {
            double[] trial = f.project(Vectors.axpy(t, d, x));
            if (Arrays.equals(trial, x)) {
                // the projection takes the whole step back: shorter ones go nowhere either
                return x;
            }
            try {
                if (f.evaluate(trial).loss() < atX.loss()) {
                    return trial;
                }
            } catch (SeicheException refused) {
                // a model the objective will not evaluate: shorten the step
            }
        }
        return x;
    }
}
