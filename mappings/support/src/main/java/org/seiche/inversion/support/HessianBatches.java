package org.seiche.inversion.support;

import org.seiche.api.Objective;

/**
 * An objective that takes many Hessian-vector products at one point at once. The
 * pipeline's objective implements it: it models the shots forward and adjoint once for
 * all the products and runs them in parallel on the device, where a loop of
 * {@link Objective#hessianVector} calls would repeat that modelling for each and run one
 * product at a time. Dense Newton builds its Hessian with it when the objective offers it.
 */
public interface HessianBatches {
    /** H w for each direction w, in order; the same values as one hessianVector call each. */
    double[][] hessianVectors(double[] x, double[][] directions);
}
