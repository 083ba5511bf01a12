package org.seiche.scalar.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.seiche.api.NdArray;

/**
 * Exact second-order runs of a {@link ScalarBatch} for one adjoint source a, on the batch's
 * stored steps: Hessian products and columns at two field runs each (a tangent forward and
 * a tangent adjoint), where Born runs take five. Made by {@link ScalarBatch#secondOrder};
 * the adjoint of a is run once, with its history. Directions are r = 2 dv / v on the padded
 * grid; arrays are shot-major as in {@link ScalarBatch}. Every method may be called from
 * several threads at once.
 */
@ConsumerType
public interface SecondOrderBatch extends AutoCloseable {
    /**
     * d loss / d r of the tangent (Born) adjoint driven by a: its part of the Hessian through
     * r's own dependence on v. Padded cells, summed over the shots.
     */
    NdArray ratioGradient();

    /**
     * Along the direction ratio: fills tangentSamples with the tangent (Born) receiver samples
     * J r, termGradient with the tangent adjoint at the sources (d / d source terms), and adds
     * to v2dt2Gradient the tangent of the batch's d loss / d (v^2 dt^2) for a (padded, summed
     * over the shots): together with {@link #ratioGradient} the second-order part of H r.
     */
    void tangent(NdArray ratio, NdArray tangentSamples, NdArray termGradient, NdArray v2dt2Gradient);

    /**
     * The batch's adjoint for other adjoint samples, as {@link ScalarBatch#backward} gives it,
     * on fields of its own: J^T applied to a data perturbation (the Gauss-Newton part).
     */
    void transposed(NdArray adjointSamples, NdArray termGradient, NdArray v2dt2Gradient);

    /** Bytes held for the runs: the adjoint's history. */
    long bytes();

    @Override
    void close();
}
