package org.seiche.optimisers.lbfgs;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Optimiser;
import org.seiche.inversion.support.Settings;

/**
 * lbfgs {history = 10, max_line_search = 20, step_fraction = 0.02}: limited-memory BFGS
 * with a strong-Wolfe line search (c1 1e-4, c2 0.9). max_line_search counts objective
 * evaluations per step. A step without curvature pairs (the first, or after a reset) is
 * scaled so that the largest component of x moves by step_fraction of max|x|.
 */
@Component(service = Optimiser.class, property = Optimiser.PROPERTY + "=lbfgs")
public final class LbfgsOptimiser implements Optimiser {
    @Override
    public String name() {
        return "lbfgs";
    }

    @Override
    public Set<String> options() {
        return Set.of("history", "max_line_search", "step_fraction");
    }

    @Override
    public Run start(Map<String, Object> config, int size) {
        Settings s = Settings.ofOptimiser(config, options());
        return new Lbfgs(size, s.integer("history", 10, 1), s.integer("max_line_search", 20, 1),
                s.positive("step_fraction", 0.02));
    }
}
