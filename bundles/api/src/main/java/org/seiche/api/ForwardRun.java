package org.seiche.api;

import java.util.List;
import java.util.Map;

/**
 * Receiver data of one forward run and, when gradients were asked for, the adjoint.
 * Receiver data: one array per receiver group, [shots, receiversPerShot, nt].
 */
public interface ForwardRun extends AutoCloseable {
    List<NdArray> receiverData();

    /**
     * Further arrays this run offers for output besides the receiver data, by file stem,
     * shot-major like the receiver data ([shots, ...]): e.g. the Born propagator's background
     * data, {@code receiver_data_background}, when its setup asks for them.
     */
    default Map<String, NdArray> extraData() {
        return Map.of();
    }

    /**
     * Runs the adjoint with the given adjoint sources (d loss / d receiver data, one per
     * receiver group, shaped like {@link #receiverData()}) and returns the gradients asked
     * for: model parameters summed over this run's shots (shaped like the model), and
     * source amplitudes per shot ([shots, sourcesPerShot, nt], one per source group, named
     * {@code source_amplitudes} for the first group and {@code source_amplitudes_<i>} after).
     */
    Map<String, NdArray> adjoint(List<NdArray> adjointSources);

    /**
     * Exact Hessian-vector product of the loss whose adjoint source is given:
     * H w = J^T (L'' J w) + (second-order terms of the propagator weighted by the adjoint source).
     * {@code lossCurvature} maps tangent receiver data to L'' applied to it.
     */
    default Map<String, NdArray> hessianVector(Map<String, NdArray> direction, List<NdArray> adjointSources,
                                               java.util.function.UnaryOperator<List<NdArray>> lossCurvature) {
        throw new UnsupportedOperationException("this propagator gives no Hessian-vector products");
    }

    /** Gauss-Newton product J^T (L'' J w): the Hessian without the second-order terms. */
    default Map<String, NdArray> gaussNewtonVector(Map<String, NdArray> direction,
                                                   java.util.function.UnaryOperator<List<NdArray>> lossCurvature) {
        throw new UnsupportedOperationException("this propagator gives no Gauss-Newton products");
    }

    /**
     * The full Hessian of that loss w.r.t. one model parameter: [n, n] for its n cells,
     * row-major (row i = H e_i), products as {@link #hessianVector} gives them. Propagators
     * that have a faster way than n products override this; the default says there is none,
     * and callers then take the n products themselves.
     */
    default NdArray hessian(String parameter, List<NdArray> adjointSources,
                            java.util.function.UnaryOperator<List<NdArray>> lossCurvature) {
        throw new UnsupportedOperationException("this propagator gives no full Hessian: take n Hessian-vector products");
    }

    /** Largest number of bytes this run held at once. */
    long peakMemoryBytes();

    /** Releases the stored wavefields (to a pool for reuse). */
    @Override
    default void close() {
    }
}
