package org.seiche.scalar.cuda;

import org.seiche.api.NdArray;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.device.cuda.spi.DeviceMemory;
import org.seiche.device.cuda.spi.StoredSteps;
import org.seiche.scalar.spi.BornBatch;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.scalar.spi.Transducers;

/**
 * Born's time loops on the GPU, in the order and arithmetic of the CPU's DoubleBornBatch.
 * Forward: the background u and the scattered u1 in one step kernel (born_forward), u1
 * driven by coupling S(u) (coupling = r v^2 dt^2) and r times the source terms. Adjoint,
 * in mu = v^2 dt^2 lambda: mu1 takes the scalar adjoint step; for the velocity gradient
 * the background's mu0 runs alongside (born_adjoint), driven by coupling A1 and coupling
 * times the adjoint source. d / d r gathers mu1 times the stored S(u) (and at the sources
 * mu1 / (v^2 dt^2) times the source term); d / d (v^2 dt^2) gathers mu1 S(u1) + mu0 S(u).
 */
final class CudaBornBatch extends CudaShots implements BornBatch {
    private final boolean velocity;
    private ScalarFields background;
    private ScalarFields scattered;
    /** r, and r v^2 dt^2 as the CPU forms it (the product of the two rounded to the precision). */
    private DeviceArray ratio;
    private DeviceArray coupling;
    /** S(u) of the stored steps, and S(u1) for the velocity gradient. */
    private StoredSteps backgroundStore;
    private StoredSteps scatteredStore;
    private NdArray sourceTerms;

    CudaBornBatch(CudaScalarOperator op, Transducers sources, Transducers receivers, int steps, int storeInterval,
                  NdArray ratio, boolean velocity, SnapshotTap snapshots) {
        super(op, sources, receivers, steps, storeInterval, fieldBytes(op, storeInterval, velocity),
                storedTerms(storeInterval, velocity) * op.storedBytes(steps, storeInterval), snapshots);
        this.velocity = velocity && storeInterval > 0;
        try {
            long values = (long) plan.shotsAtOnce() * cells;
            background = new ScalarFields(precision, op.layout.dims, values);
            scattered = new ScalarFields(precision, op.layout.dims, values);
            this.ratio = DeviceArray.of(precision, ratio.data());
            double[] r = this.ratio.download();
            double[] c = new double[cells];
            for (int i = 0; i < cells; i++) {
                // two values of the precision: their product in double is exact, rounded once on upload
                c[i] = r[i] * op.v2dt2Values[i];
            }
            coupling = DeviceArray.of(precision, c);
            backgroundStore = store();
            scatteredStore = this.velocity ? store() : null;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        hold(background.bytes() + scattered.bytes() + this.ratio.bytes() + coupling.bytes() + onDevice(backgroundStore)
                + onDevice(scatteredStore));
    }

    /** Terms stored per step: S(u), and S(u1) for the velocity gradient. */
    private static int storedTerms(int storeInterval, boolean velocity) {
        return storeInterval > 0 ? (velocity ? 2 : 1) : 0;
    }

    /** Both fields, and the gradient accumulators of the adjoint (d / d r, and d / d v^2 dt^2). */
    private static long fieldBytes(CudaScalarOperator op, int storeInterval, boolean velocity) {
        return (2L * ScalarFields.arrays(op.layout.dims) + storedTerms(storeInterval, velocity)) * op.arrayBytes();
    }

    @Override
    public void forward(NdArray sourceTerms, NdArray scatteredSamples, NdArray backgroundSamples) {
        context.use();
        this.sourceTerms = sourceTerms;
        try (DeviceArray terms = DeviceArray.of(precision, sourceTerms.data());
             DeviceArray scatteredOut = new DeviceArray(precision, scatteredSamples.size());
             DeviceArray backgroundOut = backgroundSamples != null
                     ? new DeviceArray(precision, backgroundSamples.size()) : null) {
            scatteredOut.zero();
            if (backgroundOut != null) {
                backgroundOut.zero();
            }
            notePeak(terms.bytes() + 2 * scatteredOut.bytes());
            eachGroup((first, group) -> {
                background.zero();
                scattered.zero();
                for (int t = 0; t < steps; t++) {
                    record(first, group, t, scattered.u(), scatteredOut);
                    if (backgroundOut != null) {
                        record(first, group, t, background.u(), backgroundOut);
                    }
                    step(fn.bornForward, group, background.arguments(), stored(backgroundStore, t, first),
                            scattered.arguments(), stored(scatteredStore, t, first), coupling.pointer());
                    injectSources(first, group, t, null, terms, background.next());
                    injectSources(first, group, t, ratio, terms, scattered.next());
                    background.advance();
                    scattered.advance();
                    offerBoth(first, group, t + 1, false, true);
                }
            });
            System.arraycopy(scatteredOut.download(), 0, scatteredSamples.data(), 0, scatteredSamples.size());
            if (backgroundOut != null) {
                System.arraycopy(backgroundOut.download(), 0, backgroundSamples.data(), 0, backgroundSamples.size());
            }
        }
    }

    @Override
    public void backward(NdArray adjointSamples, NdArray sourceTermGradient, NdArray ratioGradient,
                         NdArray v2dt2Gradient) {
        if (storeInterval <= 0) {
            throw new IllegalStateException("the Born forward run kept no steps for an adjoint");
        }
        // the background adjoint only serves the velocity gradient
        boolean withBackground = velocity && v2dt2Gradient != null;
        long values = (long) plan.shotsAtOnce() * cells;
        context.use();
        try (DeviceArray adjoint = DeviceArray.of(precision, adjointSamples.data());
             DeviceArray terms = DeviceArray.of(precision, sourceTerms.data());
             DeviceArray termGradient = withBackground ? new DeviceArray(precision, sourceTermGradient.size()) : null;
             DeviceArray ratioSums = new DeviceArray(precision, values);
             DeviceArray v2dt2Sums = withBackground ? new DeviceArray(precision, values) : null) {
            notePeak(adjoint.bytes() + terms.bytes() + (withBackground ? termGradient.bytes() : 0));
            if (withBackground) {
                termGradient.zero();
            }
            eachGroup((first, group) -> {
                scattered.zero();
                ratioSums.zero();
                if (withBackground) {
                    background.zero();
                    v2dt2Sums.zero();
                }
                // the adjoint fields of the last step (zero) keep the frames those of the forward run
                offerBoth(first, group, steps, true, withBackground);
                for (int t = steps - 1; t >= 0; t--) {
                    sourceRatio(first, group, t, scattered.u(), terms, ratioSums);
                    if (withBackground) {
                        sourceGradient(first, group, t, background.u(), termGradient);
                    }
                    if (slot(t) >= 0) {
                        image(group, ratioSums, scattered.u(), stored(backgroundStore, t, first));
                        if (withBackground) {
                            image(group, v2dt2Sums, scattered.u(), stored(scatteredStore, t, first));
                            image(group, v2dt2Sums, background.u(), stored(backgroundStore, t, first));
                        }
                    }
                    if (withBackground) {
                        step(fn.bornAdjoint, group, background.arguments(), scattered.arguments(), coupling.pointer());
                    } else {
                        step(fn.adjoint, group, scattered.arguments(), null);
                    }
                    scattered.advance();
                    injectReceivers(first, group, t, op.v2dt2, adjoint, scattered.u());
                    if (withBackground) {
                        background.advance();
                        injectReceivers(first, group, t, coupling, adjoint, background.u());
                    }
                    offerBoth(first, group, t, true, withBackground);
                }
                addPerShot(ratioSums.download(), group, ratioGradient);
                if (withBackground) {
                    addQuotients(v2dt2Sums.download(), group, v2dt2Gradient);
                }
            });
            if (withBackground) {
                System.arraycopy(termGradient.download(), 0, sourceTermGradient.data(), 0, sourceTermGradient.size());
            }
        }
    }

    /** Offers the background (when it runs) and the scattered field, as the CPU's Born batch does. */
    private void offerBoth(int first, int group, int step, boolean adjoint, boolean withBackground) {
        if (withBackground) {
            offer(first, group, step, SnapshotTap.WAVEFIELD, adjoint, background.u());
        }
        offer(first, group, step, SnapshotTap.SCATTERED, adjoint, scattered.u());
    }

    @Override
    void releaseFields() {
        DeviceMemory.free(backgroundStore, scatteredStore, ratio, coupling, background, scattered);
    }
}
