package org.seiche.losses;

import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

/**
 * What every loss needs of a batch [shots, receivers, nt]: the shape check and the survey's
 * sample and trace counts, which make a batch's share of a mean add up to the whole.
 */
final class Survey {
    private Survey() {
    }

    static void check(NdArray data, NdArray observed) {
        check(data, observed, "observed");
    }

    /** Refuses an array {@code what} not shaped like the receiver data, naming it. */
    static void check(NdArray data, NdArray other, String what) {
        if (!data.sameShape(other)) {
            throw new SeicheException(what + ": shape " + other.shapeString() + " does not match the receiver data "
                    + data.shapeString());
        }
    }

    /** Samples in the whole survey: the batch's per-shot samples times the survey's shots. */
    static double samples(NdArray data, int totalShots) {
        return (double) data.size() / Math.max(1, data.dim(0)) * totalShots;
    }

    /** Traces in the whole survey: the batch's per-shot traces times the survey's shots. */
    static double traces(NdArray data, int totalShots) {
        return samples(data, totalShots) / Math.max(1, samplesPerTrace(data));
    }

    /** Samples per trace, the last axis. */
    static int samplesPerTrace(NdArray data) {
        return data.ndim() == 0 ? 1 : data.dim(data.ndim() - 1);
    }
}
