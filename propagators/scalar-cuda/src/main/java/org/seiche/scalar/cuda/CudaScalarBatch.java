package org.seiche.scalar.cuda;

import org.seiche.api.NdArray;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.device.cuda.spi.DeviceMemory;
import org.seiche.device.cuda.spi.StoredSteps;
import org.seiche.device.cuda.spi.MemoryPlan;
import org.seiche.scalar.spi.ScalarBatch;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.scalar.spi.Transducers;

/**
 * The time loops of a batch of shots on the GPU, step by step as the CPU kernels do them
 * (ScalarBatch's contract). The stored forward steps of every shot stay until the backward
 * run, on the GPU or overflowing to mapped host memory ({@link MemoryPlan}).
 */
final class CudaScalarBatch extends CudaShots implements ScalarBatch {
    private final ScalarFields fields;
    private StoredSteps stored;

    CudaScalarBatch(CudaScalarOperator op, Transducers sources, Transducers receivers, int steps, int storeInterval,
                    SnapshotTap snapshots) {
        super(op, sources, receivers, steps, storeInterval, op.fieldBytes(storeInterval > 0),
                op.storedBytes(steps, storeInterval), snapshots);
        this.fields = new ScalarFields(precision, op.layout.dims, (long) plan.shotsAtOnce() * cells);
        try {
            this.stored = store();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        hold(fields.bytes() + onDevice(stored));
    }

    @Override
    public void forward(NdArray sourceTerms, NdArray receiverSamples) {
        context.use();
        try (DeviceArray terms = DeviceArray.of(precision, sourceTerms.data());
             DeviceArray samples = new DeviceArray(precision, receiverSamples.size())) {
            samples.zero();
            notePeak(terms.bytes() + samples.bytes());
            eachGroup((first, group) -> {
                fields.zero();
                for (int t = 0; t < steps; t++) {
                    record(first, group, t, fields.u(), samples);
                    step(fn.forward, group, fields.arguments(), stored(stored, t, first));
                    injectSources(first, group, t, null, terms, fields.next());
                    fields.advance();
                    offer(first, group, t + 1, SnapshotTap.WAVEFIELD, false, fields.u());
                }
            });
            System.arraycopy(samples.download(), 0, receiverSamples.data(), 0, receiverSamples.size());
        }
    }

    @Override
    public void backward(NdArray adjointSamples, NdArray sourceTermGradient, NdArray v2dt2Gradient) {
        context.use();
        try (DeviceArray adjoint = DeviceArray.of(precision, adjointSamples.data());
             DeviceArray termGradient = new DeviceArray(precision, sourceTermGradient.size());
             DeviceArray gradient = stored != null ? new DeviceArray(precision, (long) plan.shotsAtOnce() * cells)
                     : null) {
            termGradient.zero();
            notePeak(adjoint.bytes() + termGradient.bytes() + (gradient != null ? gradient.bytes() : 0));
            eachGroup((first, group) -> {
                fields.zero();
                if (gradient != null) {
                    gradient.zero();
                }
                // the adjoint field of the last step (zero) keeps the frames those of the forward run
                offer(first, group, steps, SnapshotTap.WAVEFIELD, true, fields.u());
                for (int t = steps - 1; t >= 0; t--) {
                    // here u holds mu[t + 1] = v^2 dt^2 d loss / d u[t + 1]
                    sourceGradient(first, group, t, fields.u(), termGradient);
                    if (gradient != null && slot(t) >= 0) {
                        image(group, gradient, fields.u(), stored(stored, t, first));
                    }
                    step(fn.adjoint, group, fields.arguments(), null);
                    fields.advance();
                    injectReceivers(first, group, t, op.v2dt2, adjoint, fields.u());
                    offer(first, group, t, SnapshotTap.WAVEFIELD, true, fields.u());
                }
                if (gradient != null) {
                    addQuotients(gradient.download(), group, v2dt2Gradient);
                }
            });
            System.arraycopy(termGradient.download(), 0, sourceTermGradient.data(), 0, sourceTermGradient.size());
        }
    }

    @Override
    void releaseFields() {
        DeviceMemory.free(stored, fields);
    }
}
