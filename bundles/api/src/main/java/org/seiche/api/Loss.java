package org.seiche.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A misfit between modelled and observed receiver data, additive over shot batches: the
 * loss of a survey is the sum of its batches' values, each computed knowing the survey's
 * total shot count. Registered with the property {@code loss.name}.
 */
@ConsumerType
public interface Loss {
    String PROPERTY = "loss.name";

    String name();

    /** This batch's share of the loss; data and observed are [shots, receivers, nt]. */
    double value(NdArray data, NdArray observed, int totalShots);

    /** d value / d data (the adjoint source), shaped like data. */
    NdArray adjointSource(NdArray data, NdArray observed, int totalShots);

    /** The second derivative applied to a data perturbation, for Hessian products. */
    default NdArray curvature(NdArray data, NdArray observed, NdArray direction, int totalShots) {
        throw new UnsupportedOperationException("loss " + name() + " gives no second derivative");
    }
}
