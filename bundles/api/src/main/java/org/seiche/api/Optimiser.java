package org.seiche.api;

import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Steps an inversion: from x and the objective's value and gradient there, a new x.
 * Registered with the property {@code optimiser.name}. Its state (momenta, curvature pairs)
 * can be saved and restored, so that a resumed run continues exactly.
 */
@ConsumerType
public interface Optimiser {
    String PROPERTY = "optimiser.name";

    String name();

    Run start(Map<String, Object> config, int size);

    /**
     * The configuration keys {@link #start} reads: what a pipeline's optimiser block may hold
     * beyond name. The pipeline refuses any other key, naming it, before any propagation.
     * None unless overridden.
     */
    default Set<String> options() {
        return Set.of();
    }

    /** One optimisation in progress. */
    interface Run {
        /**
         * The next point; may evaluate the objective more (line search). It is a point the
         * objective has projected ({@link Objective#project}) whose loss is below atX's, or x
         * itself when no step lowers the loss (the pipeline then ends the run and says why).
         */
        double[] step(double[] x, Objective.Evaluation atX, Objective objective);

        /** Everything needed to continue exactly, as plain arrays and numbers. */
        Map<String, Object> state();

        void restore(Map<String, Object> state);
    }
}
