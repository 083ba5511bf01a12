package org.seiche.scalar.cpu;

import java.util.Arrays;
import java.util.function.IntConsumer;

import org.seiche.api.NdArray;
import org.seiche.scalar.ScalarBatch;
import org.seiche.scalar.SecondOrderBatch;
import org.seiche.scalar.SnapshotTap;

/** The forward and adjoint time loops of a batch of shots of the scalar equation on the CPU. */
final class DoubleBatch implements ScalarBatch {
    private final DoubleShotLoops loops;
    private final ArrayPool pool;
    private final int storeInterval;
    private final DoubleWavefield[] fields;
    private final DoubleHistory[] stored;
    private final double[][] gradients;
    private long peak;
    private boolean closed;

    DoubleBatch(DoubleShotLoops loops, ArrayPool pool, int storeInterval) {
        this.loops = loops;
        this.pool = pool;
        this.storeInterval = storeInterval;
        int cells = loops.coefficients.cells();
        fields = new DoubleWavefield[loops.shots];
        for (int s = 0; s < loops.shots; s++) {
            fields[s] = new DoubleWavefield(pool, loops.coefficients);
        }
        stored = storeInterval > 0 ? new DoubleHistory[loops.shots] : null;
        gradients = new double[loops.shots][];
        notePeak();
    }

    static int storedSteps(int steps, int interval) {
        return (steps + interval - 1) / interval;
    }

    /** Slot of step t in the store, or -1 when step t is not stored. */
    private int slot(int t) {
        return stored != null && t % storeInterval == 0 ? t / storeInterval : -1;
    }

    @Override
    public void forward(NdArray sourceTerms, NdArray receiverSamples) {
        for (int s = 0; s < loops.shots; s++) {
            fields[s].clear(false);
            if (stored != null && stored[s] == null) {
                stored[s] = new DoubleHistory(pool, loops.coefficients.cells(), storedSteps(loops.steps, storeInterval));
            }
        }
        notePeak();
        loops.runShots(group -> forwardLoop(group, sourceTerms, receiverSamples));
    }

    private void forwardLoop(int[] group, NdArray sourceTerms, NdArray receiverSamples) {
        int[] slot = {-1};
        IntConsumer step = loops.step(group, (s, from, to, row) -> {
            DoubleHistory h = slot[0] >= 0 ? stored[s] : null;
            loops.stencil.step(fields[s], from, to, false, h == null ? null : h.array(slot[0]),
                    h == null ? 0 : h.offset(slot[0]), row);
        });
        for (int t = 0; t < loops.steps; t++) {
            for (int s : group) {
                loops.record(fields[s].u, s, t, receiverSamples);
            }
            slot[0] = slot(t);
            loops.run(group, step);
            for (int s : group) {
                // the next u is still in the previous-field buffer
                loops.inject(fields[s].previous, s, t, sourceTerms);
                fields[s].advance();
            }
            offer(group, t + 1, false);
        }
    }

    @Override
    public void backward(NdArray adjointSamples, NdArray sourceTermGradient, NdArray v2dt2Gradient) {
        for (int s = 0; s < loops.shots; s++) {
            fields[s].clear(true);
            if (stored != null) {
                if (gradients[s] == null) {
                    gradients[s] = (double[]) pool.take(double.class, loops.coefficients.cells());
                }
                Arrays.fill(gradients[s], 0);
            }
        }
        notePeak();
        loops.runShots(group -> backwardLoop(group, adjointSamples, sourceTermGradient));
        if (stored != null) {
            for (int s = 0; s < loops.shots; s++) {
                HostCopy.addQuotient(gradients[s], loops.coefficients.v2dt2, v2dt2Gradient);
            }
        }
    }

    private void backwardLoop(int[] group, NdArray adjointSamples, NdArray sourceTermGradient) {
        int[] slot = {-1};
        IntConsumer step = loops.step(group, (s, from, to, row) -> {
            if (slot[0] >= 0) {
                // d loss / d (v^2 dt^2) gathers lambda[t + 1] S[t] = mu S / (v^2 dt^2), divided at the end
                loops.stencil.image(gradients[s], fields[s].u, stored[s].array(slot[0]), stored[s].offset(slot[0]),
                        from, to, storeInterval);
            }
            loops.stencil.step(fields[s], from, to, true, null, 0, row);
        });
        // the adjoint field of the last step (zero: no receiver samples it) keeps the frames those of the forward run
        offer(group, loops.steps, true);
        for (int t = loops.steps - 1; t >= 0; t--) {
            // here u holds mu[t + 1] = v^2 dt^2 d loss / d u[t + 1]
            for (int s : group) {
                loops.sourceGradient(fields[s].u, s, t, sourceTermGradient);
            }
            slot[0] = slot(t);
            loops.run(group, step);
            for (int s : group) {
                fields[s].advance();
                loops.injectAdjoint(fields[s].u, loops.coefficients.v2dt2, s, t, adjointSamples);
            }
            offer(group, t, true);
        }
    }

    /** Offers u[step] (or the adjoint's mu[step]) of the group's shots to the snapshots, if any. */
    private void offer(int[] group, int step, boolean adjoint) {
        if (loops.snapshots != null) {
            for (int s : group) {
                loops.snapshots.offer(s, step, SnapshotTap.WAVEFIELD, adjoint, fields[s].u);
            }
        }
    }

    /** On the stored steps when every step is stored (see {@link DoubleSecondOrder}). */
    @Override
    public SecondOrderBatch secondOrder(NdArray adjointSamples, NdArray sourceTerms) {
        if (stored == null || storeInterval != 1 || stored[0] == null) {
            return null;
        }
        return new DoubleSecondOrder(loops, pool, stored, adjointSamples, sourceTerms);
    }

    /** Counts the arrays held now into the peak. */
    private void notePeak() {
        int cells = loops.coefficients.cells();
        long arrays = (long) loops.shots * DoubleWavefield.arrays(loops.coefficients.ndim);
        long bytes = 0;
        for (int s = 0; s < loops.shots; s++) {
            arrays += gradients[s] != null ? 1 : 0;
            if (stored != null && stored[s] != null) {
                bytes += DoubleHistory.bytes(cells, storedSteps(loops.steps, storeInterval));
            }
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
            fields[s].release(pool);
            pool.give(gradients[s]);
            gradients[s] = null;
            if (stored != null && stored[s] != null) {
                stored[s].release(pool);
                stored[s] = null;
            }
        }
    }
}
