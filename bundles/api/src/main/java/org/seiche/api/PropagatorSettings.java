package org.seiche.api;

import java.util.Map;

/**
 * How a propagator discretises: spatial finite-difference order (2, 4, 6, 8), PML widths
 * per side [d0_start, d0_end, d1_start, d1_end, ...] (0 = free surface), the frequency the
 * PML is tuned for, the velocity bounding the stable step (NaN = the model's), the forward
 * wavefield's storage interval for gradients (1 = exact), propagator-specific options, and
 * where a gradient run keeps the forward wavefield (see {@link Storage}).
 */
public record PropagatorSettings(int accuracy, int[] pmlWidth, double pmlFreq, double maxVel,
                                 int gradientSamplingInterval, Map<String, Object> options, Storage storage) {
    /** Settings that keep every stored step in memory. */
    public PropagatorSettings(int accuracy, int[] pmlWidth, double pmlFreq, double maxVel, int gradientSamplingInterval,
                              Map<String, Object> options) {
        this(accuracy, pmlWidth, pmlFreq, maxVel, gradientSamplingInterval, options, Storage.MEMORY);
    }

    public PropagatorSettings {
        options = Map.copyOf(options);
        if (storage == null) {
            storage = Storage.MEMORY;
        }
        if (accuracy != 2 && accuracy != 4 && accuracy != 6 && accuracy != 8) {
            throw new SeicheException("propagator.accuracy: must be 2, 4, 6 or 8, got " + accuracy);
        }
        for (int w : pmlWidth) {
            if (w < 0) {
                throw new SeicheException("propagator.pml_width: widths must be >= 0, got " + w);
            }
        }
        if (!(pmlFreq > 0) && pmlWidth.length > 0) {
            throw new SeicheException("propagator.pml_freq: must be positive, got " + pmlFreq);
        }
        if (!Double.isNaN(maxVel) && !(maxVel > 0)) {
            throw new SeicheException("propagator.max_vel: must be positive, got " + maxVel);
        }
        if (gradientSamplingInterval < 1) {
            throw new SeicheException("propagator.gradient_sampling_interval: must be >= 1, got " + gradientSamplingInterval);
        }
    }

    /** Widths for an ndim-dimensional model: one value for every side, or two per dimension. */
    public int[] widths(int ndim) {
        if (pmlWidth.length == 1) {
            int[] w = new int[2 * ndim];
            java.util.Arrays.fill(w, pmlWidth[0]);
            return w;
        }
        if (pmlWidth.length != 2 * ndim) {
            throw new SeicheException("propagator.pml_width: give one width or " + (2 * ndim) + " (two per dimension), got "
                    + pmlWidth.length);
        }
        return pmlWidth.clone();
    }

    /** These settings with another storage. */
    public PropagatorSettings withStorage(Storage s) {
        return new PropagatorSettings(accuracy, pmlWidth, pmlFreq, maxVel, gradientSamplingInterval, options, s);
    }

    public static PropagatorSettings defaults() {
        return new PropagatorSettings(4, new int[] {20}, 25.0, Double.NaN, 1, Map.of());
    }
}
