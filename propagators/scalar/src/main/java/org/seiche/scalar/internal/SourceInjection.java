package org.seiche.scalar.internal;

import org.seiche.api.NdArray;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.Transducers;

/**
 * The scalar source term of a batch of shots: amplitudes f upsampled to the inner steps
 * and scaled to -v^2 dt^2 f at each source cell (the term a kernel adds to u[t+1] at step
 * t), and the adjoint of that map with respect to the amplitudes and to v^2 dt^2.
 */
public final class SourceInjection {
    private final double[] v2dt2;
    private final InnerSteps steps;
    private final Transducers sources;
    private final NdArray innerAmplitudes;

    /** @param amplitudes [shots, sources, nt] of the batch, upsampled here */
    public SourceInjection(ScalarGrid grid, InnerSteps steps, Transducers sources, NdArray amplitudes) {
        this(steps.upsample(amplitudes), grid, steps, sources);
    }

    private SourceInjection(NdArray innerAmplitudes, ScalarGrid grid, InnerSteps steps, Transducers sources) {
        this.v2dt2 = grid.v2dt2();
        this.steps = steps;
        this.sources = sources;
        this.innerAmplitudes = innerAmplitudes;
    }

    /** From amplitudes already at the inner steps, [shots, sources, nt * ratio] (see {@link ScalarProblem#innerAmplitudes}). */
    public static SourceInjection upsampled(ScalarGrid grid, InnerSteps steps, Transducers sources, NdArray innerAmplitudes) {
        return new SourceInjection(innerAmplitudes, grid, steps, sources);
    }

    /** The amplitudes at the inner steps, [shots, sources, steps]. */
    public NdArray innerAmplitudes() {
        return innerAmplitudes;
    }

    /** -v^2 dt^2 f per source and inner step, [shots, sources, steps]; zero for unused sources. */
    public NdArray terms() {
        return scaled(innerAmplitudes, -1);
    }

    /** d loss / d amplitudes [shots, sources, nt] from d loss / d terms. */
    public NdArray amplitudeGradient(NdArray termGradient) {
        return steps.upsampleAdjoint(scaled(termGradient, -1));
    }

    /** Adds d loss / d (v^2 dt^2) of the source cells, through the terms, to a padded gradient. */
    public void addV2dt2Gradient(NdArray termGradient, double[] v2dt2Gradient) {
        int n = steps.steps();
        double[] f = innerAmplitudes.data();
        double[] g = termGradient.data();
        for (int s = 0; s < sources.shots(); s++) {
            for (int r = 0; r < sources.perShot(); r++) {
                int cell = sources.cell(s, r);
                if (cell < 0) {
                    continue;
                }
                int o = (s * sources.perShot() + r) * n;
                double sum = 0;
                for (int t = 0; t < n; t++) {
                    sum -= f[o + t] * g[o + t];
                }
                v2dt2Gradient[cell] += sum;
            }
        }
    }

    /** sign * v^2 dt^2 of each trace's cell times the trace; unused traces zero. */
    private NdArray scaled(NdArray traces, double sign) {
        int n = traces.dim(2);
        double[] out = new double[traces.size()];
        for (int s = 0; s < sources.shots(); s++) {
            for (int r = 0; r < sources.perShot(); r++) {
                int cell = sources.cell(s, r);
                if (cell < 0) {
                    continue;
                }
                double scale = sign * v2dt2[cell];
                int o = (s * sources.perShot() + r) * n;
                for (int t = 0; t < n; t++) {
                    out[o + t] = scale * traces.data()[o + t];
                }
            }
        }
        return new NdArray(traces.shape(), out);
    }
}
