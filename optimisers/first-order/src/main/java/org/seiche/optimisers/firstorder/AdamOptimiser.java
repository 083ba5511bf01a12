package org.seiche.optimisers.firstorder;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.inversion.support.Backtracking;
import org.seiche.inversion.support.OptimiserState;
import org.seiche.inversion.support.Settings;

/**
 * adam {lr, beta1 = 0.9, beta2 = 0.999, eps = 1e-8}: PyTorch's Adam, its step halved while it
 * does not lower the loss (Backtracking). Each component moves
 * by about lr per step whatever the gradient's scale, so lr is in the units of x (m/s for
 * raw velocities). eps is absolute: with raw-velocity gradients of ~1e-8 it damps the step;
 * lower it (or invert a relative model) there.
 */
@Component(service = Optimiser.class, property = Optimiser.PROPERTY + "=adam")
public final class AdamOptimiser implements Optimiser {
    @Override
    public String name() {
        return "adam";
    }

    @Override
    public Set<String> options() {
        return Set.of("lr", "beta1", "beta2", "eps");
    }

    @Override
    public Run start(Map<String, Object> config, int size) {
        Settings s = Settings.ofOptimiser(config, options());
        double lr = s.positive("lr");
        double beta1 = beta(s, "beta1", 0.9);
        double beta2 = beta(s, "beta2", 0.999);
        double eps = s.positive("eps", 1e-8);
        return new Adam(lr, beta1, beta2, eps, size);
    }

    private static double beta(Settings s, String key, double fallback) {
        double b = s.nonNegative(key, fallback);
        if (b >= 1) {
            throw s.fail(key, "must be in [0, 1), got " + b);
        }
        return b;
    }

    private static final class Adam implements Run {
        private final double lr;
        private final double beta1;
        private final double beta2;
        private final double eps;
        private double[] first;
        private double[] second;
        private int steps;

        Adam(double lr, double beta1, double beta2, double eps, int size) {
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
            this.first = new double[size];
            this.second = new double[size];
        }

        @Override
        public double[] step(double[] x, Objective.Evaluation atX, Objective objective) {
            double[] g = atX.gradient();
            steps++;
            // StrictMath: the same bits whether interpreted or compiled, so a resumed run matches
            double correction1 = 1 - StrictMath.pow(beta1, steps);
            double correction2 = 1 - StrictMath.pow(beta2, steps);
            double[] d = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                first[i] = beta1 * first[i] + (1 - beta1) * g[i];
                second[i] = beta2 * second[i] + (1 - beta2) * g[i] * g[i];
                double denominator = Math.sqrt(second[i] / correction2) + eps;
                d[i] = -lr * (first[i] / correction1) / denominator;
            }
            return Backtracking.step(objective, x, atX, d);
        }

        @Override
        public Map<String, Object> state() {
            return OptimiserState.of("adam").put("first_moment", first).put("second_moment", second)
                    .put("steps", steps).values();
        }

        @Override
        public void restore(Map<String, Object> state) {
            OptimiserState s = OptimiserState.read("adam", state);
            first = s.vector("first_moment", first.length);
            second = s.vector("second_moment", second.length);
            steps = s.integer("steps");
        }
    }
}
