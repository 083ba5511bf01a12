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
 * sgd {lr, momentum = 0}: v <- momentum v + g, x <- x - lr v (PyTorch's SGD without
 * dampening), the step halved while it does not lower the loss (Backtracking). lr has no default: it carries the units of x / g, which differ by orders
 * of magnitude between raw velocities and a relative model.
 */
@Component(service = Optimiser.class, property = Optimiser.PROPERTY + "=sgd")
public final class SgdOptimiser implements Optimiser {
    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public Set<String> options() {
        return Set.of("lr", "momentum");
    }

    @Override
    public Run start(Map<String, Object> config, int size) {
        Settings s = Settings.ofOptimiser(config, options());
        double lr = s.positive("lr");
        double momentum = s.nonNegative("momentum", 0);
        if (momentum >= 1) {
            throw s.fail("momentum", "must be below 1, got " + momentum);
        }
        return new Sgd(lr, momentum, new double[size]);
    }

    private static final class Sgd implements Run {
        private final double lr;
        private final double momentum;
        private double[] velocity;

        Sgd(double lr, double momentum, double[] velocity) {
            this.lr = lr;
            this.momentum = momentum;
            this.velocity = velocity;
        }

        @Override
        public double[] step(double[] x, Objective.Evaluation atX, Objective objective) {
            double[] g = atX.gradient();
            double[] d = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                velocity[i] = momentum * velocity[i] + g[i];
                d[i] = -lr * velocity[i];
            }
            return Backtracking.step(objective, x, atX, d);
        }

        @Override
        public Map<String, Object> state() {
            return OptimiserState.of("sgd").put("velocity", velocity).values();
        }

        @Override
        public void restore(Map<String, Object> state) {
            velocity = OptimiserState.read("sgd", state).vector("velocity", velocity.length);
        }
    }
}
