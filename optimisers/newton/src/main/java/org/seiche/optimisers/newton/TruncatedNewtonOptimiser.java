package org.seiche.optimisers.newton;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.inversion.support.FirstStep;
import org.seiche.inversion.support.Backtracking;
import org.seiche.inversion.support.OptimiserState;
import org.seiche.inversion.support.Settings;
import org.seiche.inversion.support.Vectors;

/**
 * truncated-newton {cg_iterations = 10, tolerance = 1e-6, step = 1, step_fraction = 0.02}:
 * x <- x + step p with p from conjugate gradients on H p = -g (no dense matrix; at most
 * cg_iterations Hessian products, until ||H p + g|| <= tolerance ||g||). If the very first
 * CG direction has non-positive curvature, the step is steepest descent moving the largest
 * component by step_fraction of max|x|, as an unscaled -g would not move raw velocities.
 * Either step is halved while it does not lower the loss (Backtracking).
 */
@Component(service = Optimiser.class, property = Optimiser.PROPERTY + "=truncated-newton")
public final class TruncatedNewtonOptimiser implements Optimiser {
    static final String NAME = "truncated-newton";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> options() {
        return Set.of("cg_iterations", "tolerance", "step", "step_fraction");
    }

    @Override
    public Run start(Map<String, Object> config, int size) {
        Settings s = Settings.ofOptimiser(config, options());
        return new TruncatedNewton(s.integer("cg_iterations", 10, 1), s.positive("tolerance", 1e-6),
                s.positive("step", 1), s.positive("step_fraction", 0.02));
    }

    private record TruncatedNewton(int iterations, double tolerance, double step, double stepFraction) implements Run {
        @Override
        public double[] step(double[] x, Objective.Evaluation atX, Objective objective) {
            double[] g = atX.gradient();
            if (Vectors.maxAbs(g) == 0) {
                return x;
            }
            ConjugateGradients.Result cg = ConjugateGradients.solve(objective, x, g, iterations, tolerance);
            double[] d = cg.negativeCurvatureAtStart() ? Vectors.scale(-FirstStep.length(x, g, stepFraction), g)
                    : Vectors.scale(step, cg.p());
            return Backtracking.step(objective, x, atX, d);
        }

        @Override
        public Map<String, Object> state() {
            return OptimiserState.of(NAME).values();
        }

        @Override
        public void restore(Map<String, Object> state) {
            OptimiserState.read(NAME, state);
        }
    }
}
