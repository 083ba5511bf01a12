package org.seiche.scalar.cpu;

import java.nio.file.Path;
import java.util.Arrays;

import org.seiche.api.NdArray;
import org.seiche.api.StepListener;
import org.seiche.api.Storage;
import org.seiche.wave.storage.DoubleSteps;
import org.seiche.scalar.spi.SecondOrderBatch;
import org.seiche.wave.FlushToZero;

/**
 * Second-order runs of a forward batch on its stored steps S(u)[t] (every step), the same
 * arithmetic as {@link DoubleBornBatch} with the fields that do not depend on the direction
 * run once: the adjoint of a, mu = v^2 dt^2 lambda, kept as mu[t + 1] and its adjoint
 * spatial term A[t] for every step t. Per direction r = 2 dv / v, with c = r v^2 dt^2:
 * the tangent u1 forward (source c S(u)[t], and r times the source terms), gathering
 * mu[t + 1] S(u1)[t]; then the tangent adjoint mu0 backward (source c A[t], and c times a at
 * the receivers), gathering mu0[t + 1] S(u)[t] and mu0 at the sources. Each call runs its
 * shots one after the other on its own fields, so that calls run in parallel; on steps kept
 * other than plainly in memory (on disk or compressed, as the forward run's plan says, which
 * mu and A follow) a store reads into buffers of its own, so that calls take turns.
 */
final class DoubleSecondOrder implements SecondOrderBatch {
    private final DoubleShotLoops loops;
    /** Told of steps from inside the flush-to-zero window, so run in the caller's mode. */
    private final StepListener listener;
    private final ArrayPool pool;
    private final DoubleSteps[] background;
    private final DoubleSteps[] lambda;
    private final DoubleSteps[] adjointTerm;
    private final NdArray adjointSamples;
    private final NdArray sourceTerms;
    private final NdArray ratioGradient;
    private final int first;
    private final int end;
    /** Whether the stores read in place (plain memory), so that calls need not take turns. */
    private final boolean inPlace;

    /** Runs the adjoint of adjointSamples for every shot, keeping its history as {@code storage} plans. */
    DoubleSecondOrder(DoubleShotLoops loops, ArrayPool pool, DoubleSteps[] background, NdArray adjointSamples,
                      NdArray sourceTerms, Storage.Plan storage, Path directory) {
        this.loops = loops;
        this.listener = FlushToZero.outside(loops.listener);
        this.pool = pool;
        this.background = background;
        this.adjointSamples = adjointSamples;
        this.sourceTerms = sourceTerms;
        inPlace = storage.mode() == Storage.Mode.MEMORY && storage.compression() == Storage.Compression.NONE;
        DoubleCoefficients c = loops.coefficients;
        first = c.domainStart[0];
        end = c.domainEnd[0];
        int cells = c.cells();
        lambda = new DoubleSteps[loops.shots];
        adjointTerm = new DoubleSteps[loops.shots];
        double[] g = new double[cells];
        DoubleWavefield w = new DoubleWavefield(pool, c);
        double[] row = new double[c.rowScratch()];
        int mode = FlushToZero.enable();
        try {
            for (int s = 0; s < loops.shots; s++) {
                lambda[s] = DoubleSteps.of(storage, cells, loops.steps, directory, pool);
                adjointTerm[s] = DoubleSteps.of(storage, cells, loops.steps, directory, pool);
                w.clear(true);
                for (int t = loops.steps - 1; t >= 0; t--) {
                    System.arraycopy(w.u, 0, lambda[s].target(t), lambda[s].targetOffset(t), cells);
                    lambda[s].written(t);
                    loops.ratioAtSources(g, w.u, s, t, sourceTerms);
                    loops.stencil.image(g, w.u, background[s].source(t), background[s].sourceOffset(t), first, end, 1);
                    background[s].read(t);
                    loops.stencil.step(w, first, end, true, adjointTerm[s].target(t), adjointTerm[s].targetOffset(t), row);
                    adjointTerm[s].written(t);
                    w.advance();
                    loops.injectAdjoint(w.u, c.v2dt2, s, t, adjointSamples);
                    listener.stepped(1);
                }
            }
        } finally {
            FlushToZero.restore(mode);
            w.release(pool);
        }
        ratioGradient = NdArray.zeros(c.paddedShape);
        HostCopy.addTo(g, ratioGradient);
    }


    @Override
    public NdArray ratioGradient() {
        return ratioGradient;
    }

    @Override
    public void tangent(NdArray ratio, NdArray tangentSamples, NdArray termGradient, NdArray v2dt2Gradient) {
        if (inPlace) {
            runTangent(ratio, tangentSamples, termGradient, v2dt2Gradient);
        } else {
            synchronized (this) {
                runTangent(ratio, tangentSamples, termGradient, v2dt2Gradient);
            }
        }
    }

    private void runTangent(NdArray ratio, NdArray tangentSamples, NdArray termGradient, NdArray v2dt2Gradient) {
        DoubleCoefficients c = loops.coefficients;
        int cells = c.cells();
        double[] r = HostCopy.toDouble(ratio.data());
        double[] rv = new double[cells];
        for (int i = 0; i < cells; i++) {
            rv[i] = r[i] * c.v2dt2[i];
        }
        // zero on the guard cells, which the SIMD stencils step (see DoubleBornBatch)
        double[] coupling = c.domainOnly(rv);
        double[] row = new double[c.rowScratch()];
        double[] gradient = (double[]) pool.take(double.class, cells);
        double[] spatial = (double[]) pool.take(double.class, cells);
        DoubleWavefield w = new DoubleWavefield(pool, c);
        int mode = FlushToZero.enable();
        try {
            for (int s = 0; s < loops.shots; s++) {
                Arrays.fill(gradient, 0);
                w.clear(false);
                for (int t = 0; t < loops.steps; t++) {
                    loops.record(w.u, s, t, tangentSamples);
                    loops.stencil.step(w, first, end, false, spatial, 0, row);
                    loops.stencil.image(w.previous, coupling, background[s].source(t), background[s].sourceOffset(t), first, end, 1);
                    background[s].read(t);
                    loops.stencil.image(gradient, spatial, lambda[s].source(t), lambda[s].sourceOffset(t), first, end, 1);
                    lambda[s].read(t);
                    loops.injectScaled(w.previous, r, s, t, sourceTerms);
                    w.advance();
                    listener.stepped(1);
                }
                w.clear(true);
                for (int t = loops.steps - 1; t >= 0; t--) {
                    loops.stencil.image(gradient, w.u, background[s].source(t), background[s].sourceOffset(t), first, end, 1);
                    background[s].read(t);
                    loops.sourceGradient(w.u, s, t, termGradient);
                    loops.stencil.step(w, first, end, true, null, 0, row);
                    loops.stencil.image(w.previous, coupling, adjointTerm[s].source(t), adjointTerm[s].sourceOffset(t), first, end, 1);
                    adjointTerm[s].read(t);
                    w.advance();
                    loops.injectAdjoint(w.u, coupling, s, t, adjointSamples);
                    listener.stepped(1);
                }
                HostCopy.addQuotient(gradient, c.v2dt2, v2dt2Gradient);
            }
        } finally {
            FlushToZero.restore(mode);
            w.release(pool);
            pool.give(gradient);
            pool.give(spatial);
        }
    }


    @Override
    public void transposed(NdArray samples, NdArray termGradient, NdArray v2dt2Gradient) {
        if (inPlace) {
            runTransposed(samples, termGradient, v2dt2Gradient);
        } else {
            synchronized (this) {
                runTransposed(samples, termGradient, v2dt2Gradient);
            }
        }
    }

    private void runTransposed(NdArray samples, NdArray termGradient, NdArray v2dt2Gradient) {
        DoubleCoefficients c = loops.coefficients;
        int cells = c.cells();
        double[] row = new double[c.rowScratch()];
        double[] gradient = (double[]) pool.take(double.class, cells);
        DoubleWavefield w = new DoubleWavefield(pool, c);
        int mode = FlushToZero.enable();
        try {
            for (int s = 0; s < loops.shots; s++) {
                Arrays.fill(gradient, 0);
                w.clear(true);
                for (int t = loops.steps - 1; t >= 0; t--) {
                    loops.sourceGradient(w.u, s, t, termGradient);
                    loops.stencil.image(gradient, w.u, background[s].source(t), background[s].sourceOffset(t), first, end, 1);
                    background[s].read(t);
                    loops.stencil.step(w, first, end, true, null, 0, row);
                    w.advance();
                    loops.injectAdjoint(w.u, c.v2dt2, s, t, samples);
                    listener.stepped(1);
                }
                HostCopy.addQuotient(gradient, c.v2dt2, v2dt2Gradient);
            }
        } finally {
            FlushToZero.restore(mode);
            w.release(pool);
            pool.give(gradient);
        }
    }

    @Override
    public long bytes() {
        long bytes = 0;
        for (int s = 0; s < loops.shots; s++) {
            bytes += lambda[s] == null ? 0 : lambda[s].bytes() + adjointTerm[s].bytes();
        }
        return bytes;
    }

    @Override
    public void close() {
        for (int s = 0; s < loops.shots; s++) {
            if (lambda[s] != null) {
                lambda[s].close();
                adjointTerm[s].close();
            }
        }
    }
}
