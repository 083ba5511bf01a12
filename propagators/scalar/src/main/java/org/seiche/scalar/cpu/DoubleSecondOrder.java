package org.seiche.scalar.cpu;

import java.util.Arrays;

import org.seiche.api.NdArray;
import org.seiche.api.StepListener;
import org.seiche.scalar.SecondOrderBatch;
import org.seiche.wave.FlushToZero;

/**
 * Second-order runs of a forward batch on its stored steps S(u)[t] (every step), the same
 * arithmetic as {@link DoubleBornBatch} with the fields that do not depend on the direction
 * run once: the adjoint of a, mu = v^2 dt^2 lambda, kept as mu[t + 1] and its adjoint
 * spatial term A[t] for every step t. Per direction r = 2 dv / v, with c = r v^2 dt^2:
 * the tangent u1 forward (source c S(u)[t], and r times the source terms), gathering
 * mu[t + 1] S(u1)[t]; then the tangent adjoint mu0 backward (source c A[t], and c times a at
 * the receivers), gathering mu0[t + 1] S(u)[t] and mu0 at the sources. Each call runs its
 * shots one after the other on its own fields, so that calls run in parallel.
 */
final class DoubleSecondOrder implements SecondOrderBatch {
    private final DoubleShotLoops loops;
    /** Told of steps from inside the flush-to-zero window, so run in the caller's mode. */
    private final StepListener listener;
    private final ArrayPool pool;
    private final DoubleHistory[] background;
    private final DoubleHistory[] lambda;
    private final DoubleHistory[] adjointTerm;
    private final NdArray adjointSamples;
    private final NdArray sourceTerms;
    private final NdArray ratioGradient;
    private final int first;
    private final int end;

    /** Runs the adjoint of adjointSamples for every shot, keeping its history. */
    DoubleSecondOrder(DoubleShotLoops loops, ArrayPool pool, DoubleHistory[] background, NdArray adjointSamples,
                      NdArray sourceTerms) {
        this.loops = loops;
        this.listener = FlushToZero.outside(loops.listener);
        this.pool = pool;
        this.background = background;
        this.adjointSamples = adjointSamples;
        this.sourceTerms = sourceTerms;
        DoubleCoefficients c = loops.coefficients;
        first = c.domainStart[0];
        end = c.domainEnd[0];
        int cells = c.cells();
        lambda = new DoubleHistory[loops.shots];
        adjointTerm = new DoubleHistory[loops.shots];
        double[] g = new double[cells];
        DoubleWavefield w = new DoubleWavefield(pool, c);
        double[] row = new double[c.rowScratch()];
        int mode = FlushToZero.enable();
        try {
            for (int s = 0; s < loops.shots; s++) {
                lambda[s] = new DoubleHistory(pool, cells, loops.steps);
                adjointTerm[s] = new DoubleHistory(pool, cells, loops.steps);
                w.clear(true);
                for (int t = loops.steps - 1; t >= 0; t--) {
                    System.arraycopy(w.u, 0, lambda[s].array(t), lambda[s].offset(t), cells);
                    loops.ratioAtSources(g, w.u, s, t, sourceTerms);
                    loops.stencil.image(g, w.u, background[s].array(t), background[s].offset(t), first, end, 1);
                    loops.stencil.step(w, first, end, true, adjointTerm[s].array(t), adjointTerm[s].offset(t), row);
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
                    loops.stencil.image(w.previous, coupling, background[s].array(t), background[s].offset(t), first, end, 1);
                    loops.stencil.image(gradient, spatial, lambda[s].array(t), lambda[s].offset(t), first, end, 1);
                    loops.injectScaled(w.previous, r, s, t, sourceTerms);
                    w.advance();
                    listener.stepped(1);
                }
                w.clear(true);
                for (int t = loops.steps - 1; t >= 0; t--) {
                    loops.stencil.image(gradient, w.u, background[s].array(t), background[s].offset(t), first, end, 1);
                    loops.sourceGradient(w.u, s, t, termGradient);
                    loops.stencil.step(w, first, end, true, null, 0, row);
                    loops.stencil.image(w.previous, coupling, adjointTerm[s].array(t), adjointTerm[s].offset(t), first, end, 1);
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
                    loops.stencil.image(gradient, w.u, background[s].array(t), background[s].offset(t), first, end, 1);
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
        return 2L * loops.shots * DoubleHistory.bytes(loops.coefficients.cells(), loops.steps);
    }

    @Override
    public void close() {
        for (int s = 0; s < loops.shots; s++) {
            if (lambda[s] != null) {
                lambda[s].release(pool);
                adjointTerm[s].release(pool);
            }
        }
    }
}
