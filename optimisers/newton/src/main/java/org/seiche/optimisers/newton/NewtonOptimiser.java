package org.seiche.optimisers.newton;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.api.SeicheException;
import org.seiche.inversion.support.Backtracking;
import org.seiche.inversion.support.OptimiserState;
import org.seiche.inversion.support.Settings;
import org.seiche.inversion.support.Vectors;

/**
 * newton {step = 1}: x <- x + step h with h from the dense Hessian (one product per value
 * of x) shifted by its smallest eigenvalue and solved by Cholesky. For small models (the
 * Hessian has size^2 values); larger ones use truncated-newton.
 */
@Component(service = Optimiser.class, property = Optimiser.PROPERTY + "=newton")
public final class NewtonOptimiser implements Optimiser {
    static final String NAME = "newton";
    /** 5000^2 doubles are 200 MB, and 5000 Hessian products already cost thousands of gradients. */
    private static final int MAX_SIZE = 5000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> options() {
        return Set.of("step");
    }

    @Override
    public Run start(Map<String, Object> config, int size) {
        Settings s = Settings.ofOptimiser(config, options());
        if (size > MAX_SIZE) {
            throw new SeicheException("inversion.optimiser: newton builds a dense Hessian of " + size + " x " + size
                    + " values (at most " + MAX_SIZE + " x " + MAX_SIZE + "); use truncated-newton for this model");
        }
        return new Newton(s.positive("step", 1));
    }

    private record Newton(double step) implements Run {
        @Override
        public double[] step(double[] x, Objective.Evaluation atX, Objective objective) {
            if (Vectors.maxAbs(atX.gradient()) == 0) {
                return x;
            }
            ShiftedCholesky.Step h = ShiftedCholesky.solve(DenseHessian.at(objective, x), atX.gradient());
            return Backtracking.step(objective, x, atX, Vectors.scale(step, h.h()));
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
