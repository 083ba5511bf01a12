package org.seiche.scalar.cpu;

import java.util.Arrays;
import java.util.function.IntConsumer;

import org.seiche.api.NdArray;
import org.seiche.scalar.BornBatch;
import org.seiche.scalar.SnapshotTap;

/**
 * The Born (tangent-linear) time loops of a batch of shots on the CPU. Forward: the
 * background u and the scattered u1 take the same step; u1's extra source
 * r (u[t+1] - 2 u[t] + u[t-1]) is r v^2 dt^2 S(u)[t] everywhere plus r times the source
 * term at the sources. Adjoint, in mu = v^2 dt^2 lambda: mu1 is the scalar adjoint of the
 * data misfit; mu0 (background) is driven by mu0 += r (mu1[t] - 2 mu1[t+1] + mu1[t+2]),
 * which is r v^2 dt^2 A1 (A1 = mu1's adjoint spatial term) plus r v^2 dt^2 times the
 * adjoint source at the receivers. Gradients: d/dr = sum lambda1[t+1] (u[t+1] - 2 u[t] +
 * u[t-1]); d/d(v^2 dt^2) = sum lambda1[t+1] S(u1)[t] + lambda0[t+1] S(u)[t].
 */
final class DoubleBornBatch implements BornBatch {
    private final DoubleShotLoops loops;
    private final ArrayPool pool;
    private final int storeInterval;
    private final boolean velocity;
    private final double[] ratio;
    /** r v^2 dt^2: the weight of S(u) in u1's source, and of A1 in mu0's. */
    private final double[] coupling;
    private final DoubleWavefield[] background;
    private final DoubleWavefield[] scattered;
    private final DoubleHistory[] backgroundStore;
    private final DoubleHistory[] scatteredStore;
    private final double[][] spatial;
    private final double[][] ratioGradients;
    private final double[][] v2dt2Gradients;
    private NdArray sourceTerms;
    private long peak;
    private boolean closed;

    DoubleBornBatch(DoubleShotLoops loops, ArrayPool pool, int storeInterval, NdArray ratio, boolean velocity) {
        this.loops = loops;
        this.pool = pool;
        this.storeInterval = storeInterval;
        this.velocity = velocity && storeInterval > 0;
        this.ratio = HostCopy.toDouble(ratio.data());
        int cells = loops.coefficients.cells();
        double[] rv = new double[cells];
        for (int i = 0; i < cells; i++) {
            rv[i] = this.ratio[i] * loops.coefficients.v2dt2[i];
        }
        // zero on the guard cells, which the SIMD stencils step: the coupling must leave them at zero
        coupling = loops.coefficients.domainOnly(rv);
        int shots = loops.shots;
        background = new DoubleWavefield[shots];
        scattered = new DoubleWavefield[shots];
        spatial = new double[shots][];
        for (int s = 0; s < shots; s++) {
            background[s] = new DoubleWavefield(pool, loops.coefficients);
            scattered[s] = new DoubleWavefield(pool, loops.coefficients);
            spatial[s] = take(cells);
        }
        backgroundStore = new DoubleHistory[storeInterval > 0 ? shots : 0];
        scatteredStore = new DoubleHistory[this.velocity ? shots : 0];
        ratioGradients = new double[shots][];
        v2dt2Gradients = new double[shots][];
        notePeak();
    }

    private double[] take(int cells) {
        return (double[]) pool.take(double.class, cells);
    }

    private int slot(int t) {
        return storeInterval > 0 && t % storeInterval == 0 ? t / storeInterval : -1;
    }

    @Override
    public void forward(NdArray sourceTerms, NdArray scatteredSamples, NdArray backgroundSamples) {
        int cells = loops.coefficients.cells();
        int slots = DoubleBatch.storedSteps(loops.steps, Math.max(1, storeInterval));
        for (int s = 0; s < loops.shots; s++) {
            background[s].clear(false);
            scattered[s].clear(false);
            if (backgroundStore.length > 0 && backgroundStore[s] == null) {
                backgroundStore[s] = new DoubleHistory(pool, cells, slots);
            }
            if (scatteredStore.length > 0 && scatteredStore[s] == null) {
                scatteredStore[s] = new DoubleHistory(pool, cells, slots);
            }
        }
        notePeak();
        this.sourceTerms = sourceTerms;
        loops.runShots(group -> forwardLoop(group, sourceTerms, scatteredSamples, backgroundSamples));
    }

    private void forwardLoop(int[] group, NdArray sourceTerms, NdArray scatteredSamples, NdArray backgroundSamples) {
        int[] slot = {-1};
        IntConsumer step = loops.step(group, (s, from, to, row) -> {
            boolean stored = slot[0] >= 0;
            double[] bgSpatial = stored ? backgroundStore[s].array(slot[0]) : spatial[s];
            int at = stored ? backgroundStore[s].offset(slot[0]) : 0;
            boolean keep = stored && velocity;
            loops.stencil.bornStep(background[s], scattered[s], coupling, from, to, bgSpatial, at, stored,
                    keep ? scatteredStore[s].array(slot[0]) : null, keep ? scatteredStore[s].offset(slot[0]) : 0, row);
        });
        for (int t = 0; t < loops.steps; t++) {
            for (int s : group) {
                loops.record(scattered[s].u, s, t, scatteredSamples);
                if (backgroundSamples != null) {
                    loops.record(background[s].u, s, t, backgroundSamples);
                }
            }
            slot[0] = slot(t);
            loops.run(group, step);
            for (int s : group) {
                loops.inject(background[s].previous, s, t, sourceTerms);
                loops.injectScaled(scattered[s].previous, ratio, s, t, sourceTerms);
                background[s].advance();
                scattered[s].advance();
            }
            offer(group, t + 1, false, true);
        }
    }

    /** Offers the background and scattered fields (or their adjoints) of the group's shots to the snapshots, if any. */
    private void offer(int[] group, int step, boolean adjoint, boolean withBackground) {
        if (loops.snapshots != null) {
            for (int s : group) {
                if (withBackground) {
                    loops.snapshots.offer(s, step, SnapshotTap.WAVEFIELD, adjoint, background[s].u);
                }
                loops.snapshots.offer(s, step, SnapshotTap.SCATTERED, adjoint, scattered[s].u);
            }
        }
    }


    @Override
    public void backward(NdArray adjointSamples, NdArray sourceTermGradient, NdArray ratioGradient,
                         NdArray v2dt2Gradient) {
        if (storeInterval <= 0) {
            throw new IllegalStateException("the Born forward run kept no steps for an adjoint");
        }
        int cells = loops.coefficients.cells();
        // the background adjoint only serves the velocity gradient
        boolean withBackground = velocity && v2dt2Gradient != null;
        for (int s = 0; s < loops.shots; s++) {
            background[s].clear(true);
            scattered[s].clear(true);
            ratioGradients[s] = cleared(ratioGradients[s], cells);
            if (withBackground) {
                v2dt2Gradients[s] = cleared(v2dt2Gradients[s], cells);
            }
        }
        notePeak();
        loops.runShots(group -> backwardLoop(group, adjointSamples, sourceTermGradient, withBackground));
        for (int s = 0; s < loops.shots; s++) {
            HostCopy.addTo(ratioGradients[s], ratioGradient);
            if (withBackground) {
                HostCopy.addQuotient(v2dt2Gradients[s], loops.coefficients.v2dt2, v2dt2Gradient);
            }
        }
    }

    private double[] cleared(double[] a, int cells) {
        double[] out = a != null ? a : take(cells);
        Arrays.fill(out, 0);
        return out;
    }

    private void backwardLoop(int[] group, NdArray adjointSamples, NdArray sourceTermGradient, boolean withBackground) {
        int[] slot = {-1};
        IntConsumer step = loops.step(group, (s, from, to, row) -> {
            if (slot[0] >= 0) {
                double[] bg = backgroundStore[s].array(slot[0]);
                int at = backgroundStore[s].offset(slot[0]);
                // d/dr: lambda1[t+1] (u[t+1] - 2 u[t] + u[t-1]) = mu1 S(u) away from the sources
                loops.stencil.image(ratioGradients[s], scattered[s].u, bg, at, from, to, storeInterval);
                if (withBackground) {
                    loops.stencil.image(v2dt2Gradients[s], scattered[s].u, scatteredStore[s].array(slot[0]),
                            scatteredStore[s].offset(slot[0]), from, to, storeInterval);
                    loops.stencil.image(v2dt2Gradients[s], background[s].u, bg, at, from, to, storeInterval);
                }
            }
            loops.stencil.step(scattered[s], from, to, true, withBackground ? spatial[s] : null, 0, row);
            if (withBackground) {
                loops.stencil.step(background[s], from, to, true, null, 0, row);
                loops.stencil.image(background[s].previous, coupling, spatial[s], 0, from, to, 1);
            }
        });
        // the adjoint fields of the last step (zero) keep the frames those of the forward run
        offer(group, loops.steps, true, withBackground);
        for (int t = loops.steps - 1; t >= 0; t--) {
            for (int s : group) {
                loops.ratioAtSources(ratioGradients[s], scattered[s].u, s, t, sourceTerms);
                if (withBackground) {
                    loops.sourceGradient(background[s].u, s, t, sourceTermGradient);
                }
            }
            slot[0] = slot(t);
            loops.run(group, step);
            for (int s : group) {
                scattered[s].advance();
                loops.injectAdjoint(scattered[s].u, loops.coefficients.v2dt2, s, t, adjointSamples);
                if (withBackground) {
                    background[s].advance();
                    loops.injectAdjoint(background[s].u, coupling, s, t, adjointSamples);
                }
            }
            offer(group, t, true, withBackground);
        }
    }


    private void notePeak() {
        int cells = loops.coefficients.cells();
        int slots = DoubleBatch.storedSteps(loops.steps, Math.max(1, storeInterval));
        long arrays = (long) loops.shots * (2 * DoubleWavefield.arrays(loops.coefficients.ndim) + 1);
        long bytes = 0;
        for (int s = 0; s < loops.shots; s++) {
            arrays += (ratioGradients[s] != null ? 1 : 0) + (v2dt2Gradients[s] != null ? 1 : 0);
            bytes += s < backgroundStore.length && backgroundStore[s] != null ? DoubleHistory.bytes(cells, slots) : 0;
            bytes += s < scatteredStore.length && scatteredStore[s] != null ? DoubleHistory.bytes(cells, slots) : 0;
        }
        peak = Math.max(peak, bytes + arrays * cells * Double.BYTES);
    }

    @Override
    public long peakBytes() {
        return peak;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int s = 0; s < loops.shots; s++) {
            background[s].release(pool);
            scattered[s].release(pool);
            pool.give(spatial[s]);
            pool.give(ratioGradients[s]);
            pool.give(v2dt2Gradients[s]);
            if (s < backgroundStore.length && backgroundStore[s] != null) {
                backgroundStore[s].release(pool);
            }
            if (s < scatteredStore.length && scatteredStore[s] != null) {
                scatteredStore[s].release(pool);
            }
        }
    }
}
