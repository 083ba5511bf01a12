package org.seiche.elastic.spi;

import java.util.Map;

/**
 * What an adjoint run gives: for every source point's trace, the adjoint wavefield read at
 * the point every step ([source traces][steps], unscaled: the propagator applies the chain
 * rule of its source scaling), and the gradients of the asked coefficients on the grid,
 * summed over the batch's shots.
 */
public record ElasticGradient(double[] sourceTraces, Map<Coefficient, double[]> coefficients) {
    public ElasticGradient {
        coefficients = Map.copyOf(coefficients);
    }
}
