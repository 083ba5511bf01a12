package org.seiche.scalar.cpu;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntConsumer;

import org.seiche.api.NdArray;
import org.seiche.api.Storage;
import org.seiche.scalar.spi.BornBatch;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.wave.storage.DoubleSteps;

/**
 * The Born (tangent-linear) time loops of a batch of shots on the CPU. Forward: the
 * background u and the scattered u1 take the same step; u1's extra source
 * r (u[t+1] - 2 u[t] + u[t-1]) is r v^2 dt^2 S(u)[t] everywhere plus r times the source
 * term at the sources. Adjoint, in mu = v^2 dt^2 lambda: mu1 is the scalar adjoint of the
 * data misfit; mu0 (background) is driven by mu0 += r (mu1[t] - 2 mu1[t+1] + mu1[t+2]),
 * which is r v^2 dt^2 A1 (A1 = mu1's adjoint spatial term) plus r v^2 dt^2 times the
 * adjoint source at the receivers. Gradients: d/dr = sum lambda1[t+1] (u[t+1] - 2 u[t] +
 * u[t-1]); d/d(v^2 dt^2) = sum lambda1[t+1] S(u1)[t] + lambda0[t+1] S(u)[t]. The stored
 * S(u) and S(u1) are kept as the storage plan says (see {@link DoubleBatch}); checkpointing
 * snapshots both fields.
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
    private final Storage.Plan storage;
    private final Path directory;
    private final DoubleSteps[] backgroundStore;
    private final DoubleSteps[] scatteredStore;
    /** The checkpoints (checkpoint mode), else null; per shot its fields as they take a state. */
    private final DoubleReplay checkpoints;
    private final DoubleWavefield[][] wavefields;
    /** Per shot, where this step's S(u) and S(u1) go (forward) or come from (adjoint): null for nowhere. */
    private final double[][] keptBackground;
    private final int[] keptBackgroundAt;
    private final double[][] keptScattered;
    private final int[] keptScatteredAt;
    private final double[][] spatial;
    private final double[][] ratioGradients;
    private final double[][] v2dt2Gradients;
    private NdArray sourceTerms;
    private long peak;
    private boolean closed;

    DoubleBornBatch(DoubleShotLoops loops, ArrayPool pool, int storeInterval, NdArray ratio, boolean velocity,
                    Storage.Plan storage, Path directory) {
        this.loops = loops;
        this.storage = storage;
        this.directory = directory;
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
        boolean checkpointed = storeInterval > 0 && storage.mode() == Storage.Mode.CHECKPOINT;
        backgroundStore = new DoubleSteps[storeInterval > 0 && !checkpointed ? shots : 0];
        scatteredStore = new DoubleSteps[this.velocity && !checkpointed ? shots : 0];
        checkpoints = checkpointed ? new DoubleReplay(loops, pool, storeInterval, storage.snapshots(), 2,
                this.velocity ? 2 : 1, this::replayStep) : null;
        wavefields = new DoubleWavefield[shots][];
        for (int s = 0; s < shots; s++) {
            wavefields[s] = new DoubleWavefield[] {background[s], scattered[s]};
        }
        keptBackground = new double[shots][];
        keptBackgroundAt = new int[shots];
        keptScattered = new double[shots][];
        keptScatteredAt = new int[shots];
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
                backgroundStore[s] = DoubleSteps.of(storage, cells, slots, directory, pool);
            }
            if (scatteredStore.length > 0 && scatteredStore[s] == null) {
                scatteredStore[s] = DoubleSteps.of(storage, cells, slots, directory, pool);
            }
        }
        notePeak();
        this.sourceTerms = sourceTerms;
        loops.runShots(group -> forwardLoop(group, sourceTerms, scatteredSamples, backgroundSamples));
        notePeak();
    }

    private void forwardLoop(int[] group, NdArray sourceTerms, NdArray scatteredSamples, NdArray backgroundSamples) {
        IntConsumer step = bornStep(group, wavefields);
        for (int t = 0; t < loops.steps; t++) {
            for (int s : group) {
                loops.record(scattered[s].u, s, t, scatteredSamples);
                if (backgroundSamples != null) {
                    loops.record(background[s].u, s, t, backgroundSamples);
                }
            }
            int slot = slot(t);
            keep(group, slot);
            loops.run(group, step);
            for (int s : group) {
                if (backgroundStore.length > 0 && slot >= 0) {
                    backgroundStore[s].written(slot);
                }
                if (scatteredStore.length > 0 && slot >= 0) {
                    scatteredStore[s].written(slot);
                }
            }
            advance(group, wavefields, t);
            offer(group, t + 1, false, true);
        }
    }

    /**
     * The Born step of the group's fields on (per shot: background, scattered): S(u) into
     * keptBackground (the scratch array when null), S(u1) into keptScattered when not null.
     */
    private IntConsumer bornStep(int[] group, DoubleWavefield[][] on) {
        return loops.step(group, (s, from, to, row) -> {
            boolean keep = keptBackground[s] != null;
            loops.stencil.bornStep(on[s][0], on[s][1], coupling, from, to, keep ? keptBackground[s] : spatial[s],
                    keep ? keptBackgroundAt[s] : 0, keep, keptScattered[s], keptScatteredAt[s], row);
        });
    }

    /** After a step t: the source terms of step t, the next fields become the current ones; nothing kept any more. */
    private void advance(int[] group, DoubleWavefield[][] on, int t) {
        for (int s : group) {
            keptBackground[s] = null;
            keptScattered[s] = null;
            loops.inject(on[s][0].previous, s, t, sourceTerms);
            loops.injectScaled(on[s][1].previous, ratio, s, t, sourceTerms);
            on[s][0].advance();
            on[s][1].advance();
        }
    }

    /** Checkpointing's forward step of its own fields (see {@link DoubleReplay.Forward}). */
    private void replayStep(int[] group, DoubleWavefield[][] on, double[][][] taped, int t) {
        for (int s : group) {
            keptBackground[s] = taped == null ? null : taped[s][0];
            keptScattered[s] = taped == null || !velocity ? null : taped[s][1];
            keptBackgroundAt[s] = 0;
            keptScatteredAt[s] = 0;
        }
        loops.replay(group, bornStep(group, on));
        advance(group, on, t);
    }

    /**
     * Before the forward step of stored step slot (-1: none): where each shot's S(u) and
     * S(u1) go, its stores' slot or, checkpointing, the taped step's arrays (after the
     * snapshot the first sweep saves there, if any).
     */
    private void keep(int[] group, int slot) {
        if (checkpoints != null) {
            checkpoints.forward(group, wavefields, slot);
        }
        for (int s : group) {
            keptBackground[s] = null;
            keptScattered[s] = null;
            if (slot < 0 || (checkpoints != null && !checkpoints.keepsInForward(slot))) {
                continue;
            }
            if (checkpoints != null) {
                keptBackground[s] = checkpoints.taped(s)[0];
                keptBackgroundAt[s] = 0;
                keptScattered[s] = velocity ? checkpoints.taped(s)[1] : null;
                keptScatteredAt[s] = 0;
                continue;
            }
            keptBackground[s] = backgroundStore[s].target(slot);
            keptBackgroundAt[s] = backgroundStore[s].targetOffset(slot);
            if (velocity) {
                keptScattered[s] = scatteredStore[s].target(slot);
                keptScatteredAt[s] = scatteredStore[s].targetOffset(slot);
            }
        }
    }

    /** Before the adjoint step of stored step slot (-1: none): S(u), and S(u1) when asked, read or recomputed. */
    private void fetch(int[] group, int slot, boolean withScattered) {
        if (slot < 0) {
            return;
        }
        if (checkpoints != null) {
            checkpoints.tape(group, slot);
        }
        for (int s : group) {
            if (checkpoints != null) {
                keptBackground[s] = checkpoints.taped(s)[0];
                keptBackgroundAt[s] = 0;
                keptScattered[s] = withScattered ? checkpoints.taped(s)[1] : null;
                keptScatteredAt[s] = 0;
                continue;
            }
            keptBackground[s] = backgroundStore[s].source(slot);
            keptBackgroundAt[s] = backgroundStore[s].sourceOffset(slot);
            if (withScattered) {
                keptScattered[s] = scatteredStore[s].source(slot);
                keptScatteredAt[s] = scatteredStore[s].sourceOffset(slot);
            }
        }
    }

    /** After the adjoint step of stored step slot: done with what {@link #fetch} gave. */
    private void fetched(int[] group, int slot, boolean withScattered) {
        for (int s : group) {
            if (checkpoints == null && slot >= 0) {
                backgroundStore[s].read(slot);
                if (withScattered) {
                    scatteredStore[s].read(slot);
                }
            }
            keptBackground[s] = null;
            keptScattered[s] = null;
        }
    }

    /** Forward steps the adjoint recomputed (checkpointing), summed over the shots. */
    @Override
    public long recomputedSteps() {
        return checkpoints == null ? 0 : checkpoints.recomputed();
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
        notePeak();
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
        IntConsumer step = loops.step(group, (s, from, to, row) -> {
            if (keptBackground[s] != null) {
                double[] bg = keptBackground[s];
                int at = keptBackgroundAt[s];
                // d/dr: lambda1[t+1] (u[t+1] - 2 u[t] + u[t-1]) = mu1 S(u) away from the sources
                loops.stencil.image(ratioGradients[s], scattered[s].u, bg, at, from, to, storeInterval);
                if (withBackground) {
                    loops.stencil.image(v2dt2Gradients[s], scattered[s].u, keptScattered[s], keptScatteredAt[s], from, to,
                            storeInterval);
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
            int slot = slot(t);
            fetch(group, slot, withBackground);
            loops.run(group, step);
            fetched(group, slot, withBackground);
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
        long arrays = (long) loops.shots * (2 * DoubleWavefield.arrays(loops.coefficients.ndim) + 1);
        long bytes = 0;
        for (int s = 0; s < loops.shots; s++) {
            arrays += (ratioGradients[s] != null ? 1 : 0) + (v2dt2Gradients[s] != null ? 1 : 0);
            bytes += s < backgroundStore.length && backgroundStore[s] != null ? backgroundStore[s].bytes() : 0;
            bytes += s < scatteredStore.length && scatteredStore[s] != null ? scatteredStore[s].bytes() : 0;
        }
        bytes += checkpoints != null ? checkpoints.bytes() : 0;
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
                backgroundStore[s].close();
            }
            if (s < scatteredStore.length && scatteredStore[s] != null) {
                scatteredStore[s].close();
            }
        }
        if (checkpoints != null) {
            checkpoints.release();
        }
    }
}
