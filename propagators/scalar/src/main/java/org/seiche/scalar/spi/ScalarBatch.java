package org.seiche.scalar.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.seiche.api.NdArray;

/**
 * The wavefields of a batch of shots on a device. Step t of the forward run (t = 0 ..
 * steps - 1, all fields zero before step 0):
 * <pre>
 *   record u[t] at every receiver cell;
 *   u[t+1] = v^2 dt^2 S[t] + 2 u[t] - u[t-1], S the spatial term of docs/scalar.md (PML included);
 *   add the source terms of step t to u[t+1] at the source cells.
 * </pre>
 * Arrays are shot-major: sources [shots, sourcesPerShot, steps], receivers
 * [shots, receiversPerShot, steps]; unused transducers are skipped (their samples stay 0).
 */
@ConsumerType
public interface ScalarBatch extends AutoCloseable {
    /** Runs every step; fills receiverSamples with u at the receivers. */
    void forward(NdArray sourceTerms, NdArray receiverSamples);

    /**
     * The exact adjoint of {@link #forward} for the given d loss / d receiverSamples:
     * writes d loss / d sourceTerms into sourceTermGradient and adds d loss / d (v^2 dt^2),
     * summed over the batch's shots, to v2dt2Gradient (padded cells) when the batch was
     * opened with a store interval (otherwise v2dt2Gradient is not touched and may be null).
     * With an interval above 1 each stored step stands for its neighbours (an approximation).
     */
    void backward(NdArray adjointSamples, NdArray sourceTermGradient, NdArray v2dt2Gradient);

    /**
     * Second-order runs on this batch's stored steps for the adjoint samples a (d loss / d
     * receiverSamples) and the forward run's source terms; null when this kernel has none or
     * the batch does not store every step (callers then use Born runs).
     */
    default SecondOrderBatch secondOrder(NdArray adjointSamples, NdArray sourceTerms) {
        return null;
    }

    /** Largest number of bytes the batch held. */
    long peakBytes();

    /** Forward steps its adjoint runs recomputed from checkpoints, summed over the shots (0 when it keeps them). */
    default long recomputedSteps() {
        return 0;
    }

    /** Gives the wavefields and the stored steps back (to a pool for reuse). */
    @Override
    void close();
}
