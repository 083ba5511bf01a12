package org.seiche.scalar.internal;

import org.seiche.api.NdArray;
import org.seiche.wave.Resampling;
import org.seiche.wave.StepRatio;

/**
 * The survey's time axis (nt samples of dt) and the inner steps the kernels take (k per
 * sample, the stability sub-stepping of docs/numerics.md), with the band-limited resampling of
 * shot-major traces [shots, traces, n] between them and its adjoints.
 */
public final class InnerSteps {
    private final int nt;
    private final int ratio;
    private final double dt;
    private final Resampling resampling;

    public InnerSteps(double dt, int nt, double maxVel, double[] spacing) {
        this.nt = nt;
        this.ratio = StepRatio.of(dt, maxVel, spacing);
        this.dt = dt / ratio;
        this.resampling = new Resampling(nt, ratio);
    }

    /** Survey samples. */
    public int nt() {
        return nt;
    }

    /** Inner steps per survey sample. */
    public int ratio() {
        return ratio;
    }

    /** Inner steps in all: nt * ratio. */
    public int steps() {
        return nt * ratio;
    }

    /** The inner time step. */
    public double dt() {
        return dt;
    }

    /** Source traces at the inner steps. */
    public NdArray upsample(NdArray traces) {
        return map(traces, steps(), resampling::upsample);
    }

    /** d loss / d survey-sampled sources from d loss / d inner-sampled ones. */
    public NdArray upsampleAdjoint(NdArray innerGradient) {
        return map(innerGradient, nt, resampling::upsampleAdjoint);
    }

    /** Receiver traces at the survey's samples. */
    public NdArray downsample(NdArray inner) {
        return map(inner, nt, resampling::downsample);
    }

    /** d loss / d inner-sampled receiver traces from d loss / d survey-sampled ones. */
    public NdArray downsampleAdjoint(NdArray adjointSource) {
        return map(adjointSource, steps(), resampling::downsampleAdjoint);
    }

    /** One of Resampling's maps of many traces (from, its first trace, to, its first trace, count). */
    private interface Map {
        void apply(double[] from, int firstFrom, double[] to, int firstTo, int count);
    }

    private static NdArray map(NdArray traces, int outLength, Map f) {
        int count = traces.dim(0) * traces.dim(1);
        double[] out = new double[count * outLength];
        f.apply(traces.data(), 0, out, 0, count);
        return new NdArray(new int[] {traces.dim(0), traces.dim(1), outLength}, out);
    }
}
