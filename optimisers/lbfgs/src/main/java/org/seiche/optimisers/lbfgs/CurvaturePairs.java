package org.seiche.optimisers.lbfgs;

import java.util.ArrayList;
import java.util.List;

import org.seiche.inversion.support.Vectors;

/**
 * The last few (s, y) = (step, change of gradient) pairs and the inverse-Hessian product
 * they define (the two-loop recursion, H0 = s'y / y'y of the newest pair).
 */
final class CurvaturePairs {
    /** Pairs whose s and y are this close to orthogonal carry no usable curvature. */
    private static final double MIN_COSINE = 1e-8;

    private final int history;
    private final List<double[]> steps = new ArrayList<>();
    private final List<double[]> changes = new ArrayList<>();

    CurvaturePairs(int history) {
        this.history = history;
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    void clear() {
        steps.clear();
        changes.clear();
    }

    /** Keeps the pair if it shows positive curvature. */
    void add(double[] s, double[] y) {
        double sy = Vectors.dot(s, y);
        if (sy > MIN_COSINE * Math.sqrt(Vectors.dot(s, s) * Vectors.dot(y, y))) {
            keep(s, y);
        }
    }

    /** Appends a pair, dropping the oldest beyond the history. */
    private void keep(double[] s, double[] y) {
        steps.add(s);
        changes.add(y);
        if (steps.size() > history) {
            steps.remove(0);
            changes.remove(0);
        }
    }

    /** -H g. */
    double[] direction(double[] g) {
        int k = steps.size();
        double[] q = g.clone();
        double[] alpha = new double[k];
        double[] rho = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            rho[i] = 1 / Vectors.dot(steps.get(i), changes.get(i));
            alpha[i] = rho[i] * Vectors.dot(steps.get(i), q);
            q = Vectors.axpy(-alpha[i], changes.get(i), q);
        }
        double[] sNew = steps.get(k - 1);
        double[] yNew = changes.get(k - 1);
        double[] r = Vectors.scale(Vectors.dot(sNew, yNew) / Vectors.dot(yNew, yNew), q);
        for (int i = 0; i < k; i++) {
            double beta = rho[i] * Vectors.dot(changes.get(i), r);
            r = Vectors.axpy(alpha[i] - beta, steps.get(i), r);
        }
        return Vectors.scale(-1, r);
    }

    List<double[]> steps() {
        return steps;
    }

    List<double[]> changes() {
        return changes;
    }

    /** Saved pairs, newest last; a shorter history than the saved run's keeps the newest. */
    void restore(List<double[]> s, List<double[]> y) {
        clear();
        for (int i = 0; i < Math.min(s.size(), y.size()); i++) {
            keep(s.get(i), y.get(i));
        }
    }
}
