package org.seiche.scalar.cpu;

import java.util.function.IntConsumer;

import org.seiche.api.Device;
import org.seiche.api.NdArray;
import org.seiche.scalar.ScalarBatch;
import org.seiche.scalar.Transducers;

/**
 * The time loops of a batch of shots on the CPU. With at least as many shots as threads,
 * each thread runs whole shots; otherwise every step is split into bands of rows across
 * the threads (one parallel call per step). Nothing is allocated inside the time loops.
 */
final class DoubleBatch implements ScalarBatch {
    private final DoubleCoefficients coefficients;
    private final DoubleStencil stencil;
    private final Device device;
    private final ArrayPool pool;
    private final Transducers sources;
    private final Transducers receivers;
    private final int steps;
    private final int storeInterval;
    private final int shots;
    private final int bands;
    private final boolean wholeShots;
    private final DoubleWavefield[] fields;
    private final double[][] rows;
    private final DoubleHistory[] stored;
    private final double[][] gradients;
    private long peak;
    private boolean closed;

    DoubleBatch(DoubleCoefficients coefficients, DoubleStencil stencil, Device device, ArrayPool pool,
                Transducers sources, Transducers receivers, int steps, int storeInterval) {
        this.coefficients = coefficients;
        this.stencil = stencil;
        this.device = device;
        this.pool = pool;
        this.sources = sources;
        this.receivers = receivers;
        this.steps = steps;
        this.storeInterval = storeInterval;
        this.shots = sources.shots();
        int threads = Math.max(1, device.threads());
        int domainRows = coefficients.domainEnd[0] - coefficients.domainStart[0];
        this.wholeShots = shots >= threads;
        this.bands = wholeShots ? 1 : Math.min(domainRows, (threads + shots - 1) / shots);
        int cells = coefficients.cells();
        fields = new DoubleWavefield[shots];
        rows = new double[shots * bands][];
        for (int s = 0; s < shots; s++) {
            fields[s] = new DoubleWavefield(pool, cells);
            for (int band = 0; band < bands; band++) {
                rows[s * bands + band] = new double[coefficients.columns];
            }
        }
        stored = storeInterval > 0 ? new DoubleHistory[shots] : null;
        gradients = new double[shots][];
        notePeak();
    }

    static int storedSteps(int steps, int interval) {
        return (steps + interval - 1) / interval;
    }

    @Override
    public void forward(NdArray sourceTerms, NdArray receiverSamples) {
        int cells = coefficients.cells();
        for (int s = 0; s < shots; s++) {
            fields[s].clear();
            if (stored != null && stored[s] == null) {
                stored[s] = new DoubleHistory(pool, cells, storedSteps(steps, storeInterval));
            }
        }
        notePeak();
        runShots(group -> forwardLoop(group, sourceTerms, receiverSamples));
    }

    @Override
    public void backward(NdArray adjointSamples, NdArray sourceTermGradient, NdArray v2dt2Gradient) {
        int cells = coefficients.cells();
        for (int s = 0; s < shots; s++) {
            fields[s].clear();
            if (stored != null) {
                if (gradients[s] == null) {
                    gradients[s] = (double[]) pool.take(double.class, cells);
                }
                java.util.Arrays.fill(gradients[s], 0);
            }
        }
        notePeak();
        runShots(group -> backwardLoop(group, adjointSamples, sourceTermGradient));
        if (stored != null) {
            for (int s = 0; s < shots; s++) {
                HostCopy.addQuotient(gradients[s], coefficients.v2dt2, v2dt2Gradient);
            }
        }
    }

    private void runShots(java.util.function.Consumer<int[]> loop) {
        if (wholeShots) {
            device.parallel(shots, s -> loop.accept(new int[] {s}));
        } else {
            int[] all = new int[shots];
            for (int s = 0; s < shots; s++) {
                all[s] = s;
            }
            loop.accept(all);
        }
    }

    private void forwardLoop(int[] group, NdArray sourceTerms, NdArray receiverSamples) {
        StepTask task = new StepTask(group, false);
        for (int t = 0; t < steps; t++) {
            for (int s : group) {
                record(s, t, receiverSamples);
            }
            task.spatialSlot = stored != null && t % storeInterval == 0 ? t / storeInterval : -1;
            run(task, group.length * bands);
            for (int s : group) {
                inject(s, t, sourceTerms);
                fields[s].advance();
            }
        }
    }

    private void backwardLoop(int[] group, NdArray adjointSamples, NdArray sourceTermGradient) {
        StepTask task = new StepTask(group, true);
        for (int t = steps - 1; t >= 0; t--) {
            // here u holds mu[t + 1] = v^2 dt^2 d loss / d u[t + 1]
            for (int s : group) {
                sourceGradient(s, t, sourceTermGradient);
            }
            task.spatialSlot = stored != null && t % storeInterval == 0 ? t / storeInterval : -1;
            run(task, group.length * bands);
            for (int s : group) {
                fields[s].advance();
                injectAdjoint(s, t, adjointSamples);
            }
        }
    }

    private void run(StepTask task, int count) {
        if (count == 1) {
            task.accept(0);
        } else {
            device.parallel(count, task);
        }
    }

    /** One band of one shot's step; reused across steps so the loop allocates nothing. */
    private final class StepTask implements IntConsumer {
        private final int[] group;
        private final boolean adjoint;
        int spatialSlot;

        StepTask(int[] group, boolean adjoint) {
            this.group = group;
            this.adjoint = adjoint;
        }

        @Override
        public void accept(int task) {
            int s = group[task / bands];
            int band = task % bands;
            int first = coefficients.domainStart[0];
            int count = coefficients.domainEnd[0] - first;
            int from = first + count * band / bands;
            int to = first + count * (band + 1) / bands;
            double[] spatial = spatialSlot >= 0 ? stored[s].array(spatialSlot) : null;
            int at = spatialSlot >= 0 ? stored[s].offset(spatialSlot) : 0;
            if (adjoint) {
                if (spatial != null) {
                    // d loss / d (v^2 dt^2) gathers lambda[t + 1] S[t] = mu S / (v^2 dt^2), divided at the end
                    stencil.image(gradients[s], fields[s].u, spatial, at, from, to, storeInterval);
                }
                stencil.step(fields[s], from, to, true, null, 0, rows[s * bands + band]);
            } else {
                stencil.step(fields[s], from, to, false, spatial, at, rows[s * bands + band]);
            }
        }
    }

    private void record(int s, int t, NdArray receiverSamples) {
        var out = receiverSamples.data();
        double[] u = fields[s].u;
        for (int r = 0; r < receivers.perShot(); r++) {
            int cell = receivers.cell(s, r);
            if (cell >= 0) {
                out[(s * receivers.perShot() + r) * steps + t] = u[cell];
            }
        }
    }

    /** Adds the source terms of step t to u[t + 1] (still in the previous-field buffer). */
    private void inject(int s, int t, NdArray sourceTerms) {
        var in = sourceTerms.data();
        double[] next = fields[s].previous;
        for (int r = 0; r < sources.perShot(); r++) {
            int cell = sources.cell(s, r);
            if (cell >= 0) {
                next[cell] += (double) in[(s * sources.perShot() + r) * steps + t];
            }
        }
    }

    /** d loss / d source term of step t = lambda[t + 1] at the source = mu / (v^2 dt^2). */
    private void sourceGradient(int s, int t, NdArray sourceTermGradient) {
        var out = sourceTermGradient.data();
        double[] mu = fields[s].u;
        for (int r = 0; r < sources.perShot(); r++) {
            int cell = sources.cell(s, r);
            if (cell >= 0) {
                out[(s * sources.perShot() + r) * steps + t] = mu[cell] / coefficients.v2dt2[cell];
            }
        }
    }

    /** lambda[t] += d loss / d u[t] at the receivers, i.e. mu += v^2 dt^2 times it. */
    private void injectAdjoint(int s, int t, NdArray adjointSamples) {
        var in = adjointSamples.data();
        double[] mu = fields[s].u;
        for (int r = 0; r < receivers.perShot(); r++) {
            int cell = receivers.cell(s, r);
            if (cell >= 0) {
                mu[cell] += coefficients.v2dt2[cell] * (double) in[(s * receivers.perShot() + r) * steps + t];
            }
        }
    }

    /** Counts the arrays held now into the peak. */
    private void notePeak() {
        int cells = coefficients.cells();
        long arrays = (long) shots * DoubleWavefield.ARRAYS;
        long bytes = 0;
        for (int s = 0; s < shots; s++) {
            arrays += gradients[s] != null ? 1 : 0;
            if (stored != null && stored[s] != null) {
                bytes += DoubleHistory.bytes(cells, storedSteps(steps, storeInterval));
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
        for (int s = 0; s < shots; s++) {
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
