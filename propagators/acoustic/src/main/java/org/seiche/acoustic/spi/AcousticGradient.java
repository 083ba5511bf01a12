package org.seiche.acoustic.spi;

/**
 * What an adjoint run gives: for every source point's trace, the adjoint field read at the
 * point every step ([source traces][steps], unscaled: the propagator applies the chain rule
 * of its source scaling), and the gradients of K and of each dimension's buoyancy on the
 * grid (null when not asked), summed over the batch's shots.
 */
public record AcousticGradient(double[] sourceTraces, double[] k, double[][] buoyancy) {
}
