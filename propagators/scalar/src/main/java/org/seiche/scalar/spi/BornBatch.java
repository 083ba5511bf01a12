package org.seiche.scalar.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.seiche.api.NdArray;

/**
 * The tangent-linear (Born) runs of a batch of shots on a device: the background field u
 * of {@link ScalarBatch} and the scattered field u1, stepped by the same operator with the
 * extra source e[t] = r (u[t+1] - 2 u[t] + u[t-1]) per cell, r = 2 dv / v the scatter ratio
 * (docs/born.md: 2 v dv dt^2 (S - f)). Receivers record u1; arrays are shot-major as in
 * {@link ScalarBatch}.
 */
@ConsumerType
public interface BornBatch extends AutoCloseable {
    /** Runs every step; fills scatteredSamples with u1, and backgroundSamples (when not null) with u. */
    void forward(NdArray sourceTerms, NdArray scatteredSamples, NdArray backgroundSamples);

    /**
     * The exact adjoint of {@link #forward} for d loss / d scatteredSamples: adds
     * d loss / d r (padded cells, summed over shots) to ratioGradient; when the batch was
     * opened for the velocity gradient and v2dt2Gradient is not null, also writes
     * d loss / d sourceTerms into sourceTermGradient and adds d loss / d (v^2 dt^2) to
     * v2dt2Gradient (this runs the background adjoint too).
     */
    void backward(NdArray adjointSamples, NdArray sourceTermGradient, NdArray ratioGradient, NdArray v2dt2Gradient);

    long peakBytes();

    /** Forward steps its adjoint runs recomputed from checkpoints, summed over the shots (0 when it keeps them). */
    default long recomputedSteps() {
        return 0;
    }

    @Override
    void close();
}
