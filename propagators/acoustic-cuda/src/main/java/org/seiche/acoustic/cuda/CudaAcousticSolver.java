package org.seiche.acoustic.cuda;

import org.seiche.acoustic.spi.AcousticGrid;
import org.seiche.acoustic.spi.AcousticRecording;
import org.seiche.acoustic.spi.AcousticShots;
import org.seiche.acoustic.spi.AcousticSolver;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.api.Storage;
import org.seiche.device.cuda.spi.CudaContext;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.device.cuda.spi.DeviceMemory;
import org.seiche.device.cuda.spi.ShotRounds;

/**
 * An acoustic grid's coefficients in device memory, in one precision; runs batches of shots
 * on them. Every stored step is kept in device memory (or in host memory mapped for the GPU
 * when the device is too small), uncompressed: another storage plan is refused.
 */
final class CudaAcousticSolver implements AcousticSolver {
    final CudaContext context;
    final Precision precision;
    final AcousticLayout layout;
    final AcousticFunctions functions;
    private final DeviceArray coefficients;
    private final DeviceArray k;
    private final DeviceArray buoyancy;
    private final DeviceArray profiles;

    CudaAcousticSolver(AcousticGrid grid, Precision precision, CudaContext context) {
        this.context = context;
        this.precision = precision;
        this.layout = new AcousticLayout(grid);
        context.use();
        this.functions = new AcousticFunctions(context, precision, layout.ndim, layout.accuracy);
        this.coefficients = DeviceArray.of(precision, layout.coefficients);
        this.k = DeviceArray.of(precision, layout.k);
        this.buoyancy = DeviceArray.of(precision, layout.buoyancy);
        this.profiles = DeviceArray.of(precision, layout.profiles);
    }

    @Override
    public AcousticRecording forward(AcousticShots shots) {
        Storage.Plan plan = shots.storage();
        if (plan != null && (plan.mode() != Storage.Mode.MEMORY || plan.compression() != Storage.Compression.NONE)) {
            throw new SeicheException("propagator.storage: this device's acoustic kernel keeps its stored steps in memory, "
                    + "uncompressed, only (use device cpu)");
        }
        context.use();
        return new CudaAcousticRecording(this, shots);
    }

    @Override
    public long bytesPerShot(int steps, boolean storing, int storeInterval) {
        return fieldBytes(storing) + storedBytes(steps, storing ? 1 + layout.ndim : 0, storeInterval);
    }

    /** One shot's state: the forward's, or for a gradient the adjoint's (the larger) and its gradient sums. */
    long fieldBytes(boolean storing) {
        return (storing ? layout.adjointArrays + 1 + layout.ndim : layout.forwardArrays) * gridBytes();
    }

    /** One shot's stored terms: a grid per stored step of each. */
    long storedBytes(int steps, int terms, int storeInterval) {
        return terms * ShotRounds.storedSteps(steps, storeInterval) * gridBytes();
    }

    long gridBytes() {
        return (long) layout.size * DeviceArray.bytesPerValue(precision);
    }

    /** The arguments every step kernel starts with (ACOUSTIC_GRID_ARGS), for a state of that many arrays per shot. */
    Object[] stepPrefix(int arrays, DeviceArray state) {
        return new Object[] {layout.shape[0], layout.shape[1], layout.shape[2], arrays, coefficients.pointer(), k.pointer(),
            buoyancy.pointer(), profiles.pointer(), state.pointer()};
    }

    @Override
    public void close() {
        context.use();
        DeviceMemory.free(coefficients, k, buoyancy, profiles);
    }
}
