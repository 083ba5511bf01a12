package org.seiche.api;

import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Inversion space to simulation space, one link of a chain (preconditioners are mappings
 * whose forward is the identity). Registered with the property {@code mapping.name};
 * {@link #create} binds it to its configuration (file references already loaded as
 * {@link NdArray}) and the run's model and survey.
 */
@ConsumerType
public interface Mapping {
    String PROPERTY = "mapping.name";

    String name();

    Link create(Map<String, Object> config, Model model, Survey survey);

    /**
     * The configuration keys {@link #create} reads: what a pipeline's mapping block may hold
     * beyond name and parameter. The pipeline refuses any other key, naming it, before any
     * propagation. None unless overridden.
     */
    default Set<String> options() {
        return Set.of();
    }

    /** A configured mapping of one parameter array. */
    interface Link {
        /** m = f(x). */
        NdArray toSimulation(NdArray x);

        /** The start point in inversion space for a simulation-space model (f^-1). */
        NdArray toInversion(NdArray m);

        /** The adjoint of the Jacobian of f at x applied to g: d loss / d x from d loss / d m. */
        NdArray gradientToInversion(NdArray x, NdArray g);

        /**
         * Projects this link's input onto its feasible set (bounds). The pipeline calls it
         * in the link's own space: on the values the links before it give, never on the
         * inversion-space vector itself unless the link comes first.
         */
        default NdArray project(NdArray x) {
            return x;
        }

        /** Whether {@link #project} can change anything; a projecting link needs exact inverses before it. */
        default boolean projects() {
            return false;
        }

        /**
         * Whether {@link #toInversion} exactly undoes {@link #toSimulation} on the values this
         * link passes, so a projection made after it can be taken back to inversion space.
         * A link that only approximates its inverse (a smoothing of the model) says false,
         * and the pipeline refuses a projecting link after it at load.
         */
        default boolean invertible() {
            return true;
        }
    }
}
