package org.seiche.elastic.cuda;

import java.util.Set;

import org.seiche.api.Precision;
import org.seiche.device.cuda.spi.CudaContext;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.device.cuda.spi.DeviceMemory;
import org.seiche.device.cuda.spi.ShotRounds;
import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticGrid;
import org.seiche.elastic.spi.ElasticRecording;
import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.spi.ElasticSolver;

/** An elastic grid's coefficients in device memory, in one precision; runs batches of shots on them. */
final class CudaElasticSolver implements ElasticSolver {
    final CudaContext context;
    final Precision precision;
    final ElasticLayout layout;
    final ElasticFunctions functions;
    /** dt as the kernels' precision holds it (the gradients' scale). */
    final double dt;
    private final DeviceArray coefficients;
    private final DeviceArray materials;
    private final DeviceArray profiles;

    CudaElasticSolver(ElasticGrid grid, Precision precision, CudaContext context) {
        this.context = context;
        this.precision = precision;
        this.layout = new ElasticLayout(grid, precision);
        this.dt = DeviceArray.round(precision, grid.dt());
        context.use();
        this.functions = new ElasticFunctions(context, precision, layout.accuracy);
        this.coefficients = DeviceArray.of(precision, layout.coefficients);
        this.materials = DeviceArray.of(precision, layout.materials);
        this.profiles = DeviceArray.of(precision, layout.profiles);
    }

    @Override
    public ElasticRecording forward(ElasticShots shots) {
        context.use();
        return new CudaElasticRecording(this, shots);
    }

    @Override
    public long bytesPerShot(int steps, Set<Coefficient> gradients, int storeInterval) {
        return fieldBytes(gradients) + storedBytes(steps, gradients, gradients.isEmpty() ? 0 : storeInterval);
    }

    /** One shot's adjoint state (the forward's is smaller) and its gradient sums when any are asked. */
    long fieldBytes(Set<Coefficient> gradients) {
        return (ElasticLayout.ADJOINT_ARRAYS + (gradients.isEmpty() ? 0 : ElasticLayout.COEFFICIENTS)) * gridBytes();
    }

    /** One shot's stored terms: a grid per stored step of each term the gradients need. */
    long storedBytes(int steps, Set<Coefficient> gradients, int storeInterval) {
        return StoredTerm.needed(gradients).size() * ShotRounds.storedSteps(steps, storeInterval) * gridBytes();
    }

    long gridBytes() {
        return (long) layout.size * DeviceArray.bytesPerValue(precision);
    }

    /** The arguments every step kernel starts with (ELASTIC_GRID_ARGS), for a state of that many arrays per shot. */
    Object[] stepPrefix(int arrays, DeviceArray state) {
        return new Object[] {layout.ny, layout.nx, layout.leftInt, layout.rightInt, layout.leftHalf, layout.rightHalf, arrays,
            coefficients.pointer(), materials.pointer(), profiles.pointer(), state.pointer()};
    }

    @Override
    public void close() {
        context.use();
        DeviceMemory.free(coefficients, materials, profiles);
    }
}
