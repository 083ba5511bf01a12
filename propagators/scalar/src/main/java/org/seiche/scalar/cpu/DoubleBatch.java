package org.seiche.scalar.cpu;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntConsumer;

import org.seiche.api.NdArray;
import org.seiche.api.Storage;
import org.seiche.scalar.spi.ScalarBatch;
import org.seiche.scalar.spi.SecondOrderBatch;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.wave.storage.DoubleSteps;

/**
 * The forward and adjoint time loops of a batch of shots of the scalar equation on the CPU.
 * The spatial terms of the stored steps are kept as the storage plan says: in a store of
 * steps (memory or disk, compressed or not) or recomputed from checkpoints.
 */
final class DoubleBatch implements ScalarBatch {
    private final DoubleShotLoops loops;
    private final ArrayPool pool;
    private final int storeInterval;
    private final Storage.Plan storage;
    private final Path directory;
    private final DoubleWavefield[] fields;
    /** Per shot, its wavefield as checkpointing takes a shot's state: {fields[s]}. */
    private final DoubleWavefield[][] wavefields;
    /** Per shot, its stored steps (memory and disk modes). */
    private final DoubleSteps[] stored;
    /** The checkpoints (checkpoint mode), else null. */
    private final DoubleReplay checkpoints;
    /** Per shot, where this step's spatial term goes (forward) or comes from (adjoint): null for nowhere. */
    private final double[][] kept;
    private final int[] keptAt;
    private final double[][] gradients;
    /** The source terms of the last forward run, which checkpointing's recomputed steps inject again. */
    private NdArray sourceTerms;
    private long peak;
    private boolean closed;

    DoubleBatch(DoubleShotLoops loops, ArrayPool pool, int storeInterval, Storage.Plan storage, Path directory) {
        this.loops = loops;
        this.pool = pool;
        this.storeInterval = storeInterval;
        this.storage = storage;
        this.directory = directory;
        int cells = loops.coefficients.cells();
        fields = new DoubleWavefield[loops.shots];
        for (int s = 0; s < loops.shots; s++) {
            fields[s] = new DoubleWavefield(pool, loops.coefficients);
        }
        boolean checkpointed = storeInterval > 0 && storage.mode() == Storage.Mode.CHECKPOINT;
        stored = storeInterval > 0 && !checkpointed ? new DoubleSteps[loops.shots] : null;
        checkpoints = checkpointed ? new DoubleReplay(loops, pool, storeInterval, storage.snapshots(), 1, 1,
                this::replayStep) : null;
        wavefields = new DoubleWavefield[loops.shots][];
        for (int s = 0; s < loops.shots; s++) {
            wavefields[s] = new DoubleWavefield[] {fields[s]};
        }
        kept = new double[loops.shots][];
        keptAt = new int[loops.shots];
        gradients = new double[loops.shots][];
        notePeak();
    }

    static int storedSteps(int steps, int interval) {
        return (steps + interval - 1) / interval;
    }

    /** Slot of step t in the store, or -1 when step t is not stored. */
    private int slot(int t) {
        return storeInterval > 0 && t % storeInterval == 0 ? t / storeInterval : -1;
    }

    @Override
    public void forward(NdArray sourceTerms, NdArray receiverSamples) {
        this.sourceTerms = sourceTerms;
        for (int s = 0; s < loops.shots; s++) {
            fields[s].clear(false);
            if (stored != null && stored[s] == null) {
                stored[s] = DoubleSteps.of(storage, loops.coefficients.cells(), storedSteps(loops.steps, storeInterval),
                        directory, pool);
            }
        }
        notePeak();
        loops.runShots(group -> forwardLoop(group, sourceTerms, receiverSamples));
        // what the forward run allocated as it went (checkpointing's snapshots)
        notePeak();
    }

    private void forwardLoop(int[] group, NdArray sourceTerms, NdArray receiverSamples) {
        IntConsumer step = loops.step(group, (s, from, to, row) ->
                loops.stencil.step(fields[s], from, to, false, kept[s], keptAt[s], row));
        for (int t = 0; t < loops.steps; t++) {
            for (int s : group) {
                loops.record(fields[s].u, s, t, receiverSamples);
            }
            int slot = slot(t);
            keep(group, slot);
            loops.run(group, step);
            for (int s : group) {
                if (stored != null && slot >= 0) {
                    stored[s].written(slot);
                }
                kept[s] = null;
                // the next u is still in the previous-field buffer
                loops.inject(fields[s].previous, s, t, sourceTerms);
                fields[s].advance();
            }
            offer(group, t + 1, false);
        }
    }

    /**
     * Before the forward step of stored step slot (-1: none): where each shot's spatial term
     * goes, its store's slot or, checkpointing, the taped step's array (after the snapshot
     * the first sweep saves there, if any).
     */
    private void keep(int[] group, int slot) {
        if (checkpoints != null) {
            checkpoints.forward(group, wavefields, slot);
        }
        for (int s : group) {
            if (slot < 0 || (checkpoints != null && !checkpoints.keepsInForward(slot))) {
                kept[s] = null;
            } else if (checkpoints != null) {
                kept[s] = checkpoints.taped(s)[0];
                keptAt[s] = 0;
            } else {
                kept[s] = stored[s].target(slot);
                keptAt[s] = stored[s].targetOffset(slot);
            }
        }
    }

    @Override
    public void backward(NdArray adjointSamples, NdArray sourceTermGradient, NdArray v2dt2Gradient) {
        for (int s = 0; s < loops.shots; s++) {
            fields[s].clear(true);
            if (storeInterval > 0) {
                if (gradients[s] == null) {
                    gradients[s] = (double[]) pool.take(double.class, loops.coefficients.cells());
                }
                Arrays.fill(gradients[s], 0);
            }
        }
        notePeak();
        loops.runShots(group -> backwardLoop(group, adjointSamples, sourceTermGradient));
        notePeak();
        if (storeInterval > 0) {
            for (int s = 0; s < loops.shots; s++) {
                HostCopy.addQuotient(gradients[s], loops.coefficients.v2dt2, v2dt2Gradient);
            }
        }
    }

    private void backwardLoop(int[] group, NdArray adjointSamples, NdArray sourceTermGradient) {
        IntConsumer step = loops.step(group, (s, from, to, row) -> {
            if (kept[s] != null) {
                // d loss / d (v^2 dt^2) gathers lambda[t + 1] S[t] = mu S / (v^2 dt^2), divided at the end
                loops.stencil.image(gradients[s], fields[s].u, kept[s], keptAt[s], from, to, storeInterval);
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
            int slot = slot(t);
            fetch(group, slot);
            loops.run(group, step);
            for (int s : group) {
                if (stored != null && slot >= 0) {
                    stored[s].read(slot);
                }
                kept[s] = null;
                fields[s].advance();
                loops.injectAdjoint(fields[s].u, loops.coefficients.v2dt2, s, t, adjointSamples);
            }
            offer(group, t, true);
        }
    }

    /** Before the adjoint step of stored step slot (-1: none): each shot's spatial term, read or recomputed. */
    private void fetch(int[] group, int slot) {
        if (slot < 0) {
            return;
        }
        if (checkpoints != null) {
            checkpoints.tape(group, slot);
        }
        for (int s : group) {
            if (checkpoints != null) {
                kept[s] = checkpoints.taped(s)[0];
                keptAt[s] = 0;
            } else {
                kept[s] = stored[s].source(slot);
                keptAt[s] = stored[s].sourceOffset(slot);
            }
        }
    }

    /** Checkpointing's forward step of its own wavefields (see {@link DoubleReplay.Forward}). */
    private void replayStep(int[] group, DoubleWavefield[][] on, double[][][] taped, int t) {
        for (int s : group) {
            kept[s] = taped == null ? null : taped[s][0];
            keptAt[s] = 0;
        }
        loops.replay(group, loops.step(group, (s, from, to, row) ->
                loops.stencil.step(on[s][0], from, to, false, kept[s], keptAt[s], row)));
        for (int s : group) {
            kept[s] = null;
            loops.inject(on[s][0].previous, s, t, sourceTerms);
            on[s][0].advance();
        }
    }

    /** Forward steps the adjoint recomputed (checkpointing), summed over the shots. */
    @Override
    public long recomputedSteps() {
        return checkpoints == null ? 0 : checkpoints.recomputed();
    }

    /** Offers u[step] (or the adjoint's mu[step]) of the group's shots to the snapshots, if any. */
    private void offer(int[] group, int step, boolean adjoint) {
        if (loops.snapshots != null) {
            for (int s : group) {
                loops.snapshots.offer(s, step, SnapshotTap.WAVEFIELD, adjoint, fields[s].u);
            }
        }
    }

    /**
     * On the stored steps when every step is stored, in memory or on disk, compressed or not
     * (see {@link DoubleSecondOrder}); checkpointing keeps none, so its products are Born runs.
     */
    @Override
    public SecondOrderBatch secondOrder(NdArray adjointSamples, NdArray sourceTerms) {
        if (stored == null || storeInterval != 1 || stored[0] == null) {
            return null;
        }
        return new DoubleSecondOrder(loops, pool, stored, adjointSamples, sourceTerms, storage, directory);
    }

    /** Counts the arrays held now into the peak. */
    private void notePeak() {
        int cells = loops.coefficients.cells();
        long arrays = (long) loops.shots * DoubleWavefield.arrays(loops.coefficients.ndim);
        long bytes = 0;
        for (int s = 0; s < loops.shots; s++) {
            arrays += gradients[s] != null ? 1 : 0;
            if (stored != null && stored[s] != null) {
                bytes += stored[s].bytes();
            }
        }
        if (checkpoints != null) {
            bytes += checkpoints.bytes();
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
                stored[s].close();
                stored[s] = null;
            }
        }
        if (checkpoints != null) {
            checkpoints.release();
        }
    }
}
