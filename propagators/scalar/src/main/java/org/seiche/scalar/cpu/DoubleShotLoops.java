package org.seiche.scalar.cpu;

import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.seiche.api.Device;
import org.seiche.api.NdArray;
import org.seiche.api.StepListener;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.scalar.spi.Transducers;
import org.seiche.wave.FlushToZero;
import org.seiche.wave.StepTeam;

/**
 * How the time loops of a batch of shots run on the CPU, and what they do at the sources
 * and receivers. Every step of a large enough grid is split into bands of rows across the
 * threads (a team of them steps the bands together), the shots one after another or, when
 * there are fewer shots than threads, all at once; small grids with at least as many
 * shots as threads run whole shots on each thread. Nothing here allocates inside a time loop.
 */
final class DoubleShotLoops {
    /** The work of one band of rows of one shot in a step. */
    interface Band {
        void run(int shot, int fromRow, int toRow, double[] row);
    }

    /**
     * Fewest cells worth a band of their own: a parallel call per step costs tens of
     * microseconds, so small grids (a Hessian's many products, run in parallel already)
     * step whole.
     */
    private static final int MIN_BAND_CELLS = 1 << 15;
    /** Steps between moves of the cuts between bands, and the imbalance that moves one (percent). */
    private static final int STEPS_PER_CUT = 8;
    private static final long IMBALANCE_PERCENT = 103;
    /** Longs between two bands' times: a cache line, so that the threads do not share one. */
    private static final int NANOS_STRIDE = 8;

    final DoubleCoefficients coefficients;
    final DoubleSweep stencil;
    final Transducers sources;
    final Transducers receivers;
    final int steps;
    final int shots;
    /** Hears of every step of every group of shots. */
    final StepListener listener;
    /** Takes the wavefields for snapshots; null when none were asked for. */
    final SnapshotTap snapshots;
    private final Device device;
    private final int bands;
    private final boolean wholeShots;
    /** Shots one after another, each in bands across the threads (large grids). */
    private final boolean oneByOne;
    private final double[][] rows;
    /**
     * Where the bands of a step split the domain's rows: band b is [cuts[b], cuts[b + 1]).
     * Moved a row at a time toward the band that took longer, so that no thread waits for
     * the others at every step (one core of a shared machine may run slower than the other).
     */
    private final int[] cuts;
    /** Nanoseconds each band took since the cuts last moved, a cache line apart. */
    private final long[] bandNanos;
    private int stepsSinceCut;
    /** The team stepping the bands while a time loop of {@link #runShots} runs. */
    private StepTeam team;

    DoubleShotLoops(DoubleCoefficients coefficients, DoubleSweep stencil, Device device, Transducers sources,
                    Transducers receivers, int steps, StepListener listener, SnapshotTap snapshots) {
        this.coefficients = coefficients;
        this.stencil = stencil;
        this.device = device;
        this.sources = sources;
        this.receivers = receivers;
        this.steps = steps;
        this.listener = listener;
        this.snapshots = snapshots;
        this.shots = sources.shots();
        int threads = Math.max(1, device.threads());
        int domainRows = coefficients.domainEnd[0] - coefficients.domainStart[0];
        int worthwhile = Math.max(1, coefficients.cells() / MIN_BAND_CELLS);
        // a large grid's fields do not fit one core's cache: its shots go one after another,
        // each split into bands across the threads (measured 1.0 -> 1.5 Gcells/s for 4 shots
        // of 540 x 540 on 2 threads); small grids run whole shots side by side
        this.oneByOne = shots >= threads && worthwhile >= threads && threads > 1;
        this.wholeShots = shots >= threads && !oneByOne;
        this.bands = wholeShots ? 1 : oneByOne ? Math.min(domainRows, threads)
                : Math.min(Math.min(domainRows, worthwhile), (threads + shots - 1) / shots);
        int first = coefficients.domainStart[0];
        cuts = new int[bands + 1];
        for (int b = 0; b <= bands; b++) {
            cuts[b] = first + domainRows * b / bands;
        }
        bandNanos = new long[bands * NANOS_STRIDE];
        rows = new double[shots * bands][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[coefficients.rowScratch()];
        }
    }

    /**
     * Runs a time loop over groups of shots: each shot alone on a thread; or one shot after
     * another, or all together, their bands stepped by a team of threads (or by the device's
     * pool when this already runs inside it, as a Hessian's products do, so that nothing
     * spins against its workers).
     */
    void runShots(Consumer<int[]> loop) {
        if (wholeShots) {
            device.parallel(shots, s -> loop.accept(new int[] {s}));
            return;
        }
        if (oneByOne && !(Thread.currentThread() instanceof ForkJoinWorkerThread)) {
            try (StepTeam t = new StepTeam(bands)) {
                team = t;
                for (int s = 0; s < shots; s++) {
                    loop.accept(new int[] {s});
                }
            } finally {
                team = null;
            }
            return;
        }
        int[] all = new int[shots];
        for (int s = 0; s < shots; s++) {
            all[s] = s;
        }
        if (shots * bands == 1 || Thread.currentThread() instanceof ForkJoinWorkerThread) {
            loop.accept(all);
            return;
        }
        try (StepTeam t = new StepTeam(shots * bands)) {
            team = t;
            loop.accept(all);
        } finally {
            team = null;
        }
    }

    /**
     * A reusable parallel step of a group of shots: every band of every shot runs the band's
     * work, with the processor flushing subnormals on whichever thread runs it.
     */
    IntConsumer step(int[] group, Band work) {
        boolean timed = balances(group);
        return task -> {
            int s = group[task / bands];
            int band = task % bands;
            long t0 = timed ? System.nanoTime() : 0;
            int mode = FlushToZero.enable();
            try {
                work.run(s, cuts[band], cuts[band + 1], rows[s * bands + band]);
            } finally {
                FlushToZero.restore(mode);
            }
            if (timed) {
                bandNanos[band * NANOS_STRIDE] += System.nanoTime() - t0;
            }
        };
    }

    /** Whether the steps of a group move the cuts: one shot in several bands. */
    private boolean balances(int[] group) {
        return group.length == 1 && bands > 1;
    }

    /** Every few steps of one shot in bands, moves each cut a row toward the slower of its two bands. */
    private void balance() {
        if (++stepsSinceCut < STEPS_PER_CUT) {
            return;
        }
        stepsSinceCut = 0;
        for (int b = 1; b < bands; b++) {
            long above = bandNanos[(b - 1) * NANOS_STRIDE];
            long below = bandNanos[b * NANOS_STRIDE];
            if (above * 100 > below * IMBALANCE_PERCENT && cuts[b] - 1 > cuts[b - 1]) {
                cuts[b]--;
            } else if (below * 100 > above * IMBALANCE_PERCENT && cuts[b] + 1 < cuts[b + 1]) {
                cuts[b]++;
            }
        }
        java.util.Arrays.fill(bandNanos, 0);
    }

    /** Runs a step made by {@link #step} for a group. */
    void run(int[] group, IntConsumer step) {
        replay(group, step);
        listener.stepped(group.length);
    }

    /** Runs a step as {@link #run} does without telling the listener: a step recomputed for checkpointing. */
    void replay(int[] group, IntConsumer step) {
        int count = group.length * bands;
        if (count == 1) {
            step.accept(0);
        } else if (team != null) {
            team.run(step);
        } else {
            device.parallel(count, step);
        }
        if (balances(group)) {
            balance();
        }
    }

    /** Records field at the receivers of shot s as sample t. */
    void record(double[] field, int s, int t, NdArray samples) {
        var out = samples.data();
        for (int r = 0; r < receivers.perShot(); r++) {
            int cell = receivers.cell(s, r);
            if (cell >= 0) {
                out[(s * receivers.perShot() + r) * steps + t] = field[cell];
            }
        }
    }

    /** Adds the source terms of step t of shot s to field at the source cells. */
    void inject(double[] field, int s, int t, NdArray sourceTerms) {
        var in = sourceTerms.data();
        for (int r = 0; r < sources.perShot(); r++) {
            int cell = sources.cell(s, r);
            if (cell >= 0) {
                field[cell] += (double) in[(s * sources.perShot() + r) * steps + t];
            }
        }
    }

    /** d loss / d source term of step t = lambda[t + 1] at the source = mu / (v^2 dt^2). */
    void sourceGradient(double[] mu, int s, int t, NdArray sourceTermGradient) {
        var out = sourceTermGradient.data();
        for (int r = 0; r < sources.perShot(); r++) {
            int cell = sources.cell(s, r);
            if (cell >= 0) {
                out[(s * sources.perShot() + r) * steps + t] = mu[cell] / coefficients.v2dt2[cell];
            }
        }
    }

    /**
     * A Born tangent field u1 gets r times the source term at the sources (its share of
     * r (u[t+1] - 2 u[t] + u[t-1]), r = 2 dv / v).
     */
    void injectScaled(double[] field, double[] ratio, int s, int t, NdArray sourceTerms) {
        var in = sourceTerms.data();
        for (int k = 0; k < sources.perShot(); k++) {
            int cell = sources.cell(s, k);
            if (cell >= 0) {
                field[cell] += ratio[cell] * (double) in[(s * sources.perShot() + k) * steps + t];
            }
        }
    }

    /** d/dr at the sources gathers mu / (v^2 dt^2) times the source term (its part of u[t+1] - 2 u[t] + u[t-1]). */
    void ratioAtSources(double[] gradient, double[] mu, int s, int t, NdArray sourceTerms) {
        var in = sourceTerms.data();
        for (int k = 0; k < sources.perShot(); k++) {
            int cell = sources.cell(s, k);
            if (cell >= 0) {
                gradient[cell] += mu[cell] / coefficients.v2dt2[cell] * (double) in[(s * sources.perShot() + k) * steps + t];
            }
        }
    }

    /** lambda[t] += d loss / d u[t] at the receivers, i.e. mu += v^2 dt^2 times it (times weight). */
    void injectAdjoint(double[] mu, double[] weight, int s, int t, NdArray adjointSamples) {
        var in = adjointSamples.data();
        for (int r = 0; r < receivers.perShot(); r++) {
            int cell = receivers.cell(s, r);
            if (cell >= 0) {
                mu[cell] += weight[cell] * (double) in[(s * receivers.perShot() + r) * steps + t];
            }
        }
    }
}
