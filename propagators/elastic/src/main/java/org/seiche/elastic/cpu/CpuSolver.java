package org.seiche.elastic.cpu;

import java.util.Set;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.ObjIntConsumer;

import org.seiche.api.Device;
import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticGrid;
import org.seiche.elastic.spi.ElasticRecording;
import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.spi.ElasticSolver;
import org.seiche.wave.FlushToZero;
import org.seiche.wave.StepTeam;
import org.seiche.wave.storage.StoragePlanner;

/**
 * Runs batches on the CPU: shots in parallel when there are at least as many as threads
 * (each shot's rows then run serially), otherwise one shot after another with their rows
 * split over the threads: a band of rows per thread of a team that steps them together
 * (spinning between steps as the scalar kernels' team does, each band on the same thread
 * every step), or, inside the device's pool already, chunks run by the pool.
 */
final class CpuSolver implements ElasticSolver {
    /** Row chunks per thread for one shot in the pool: a thread that joins late finds work left to steal. */
    private static final int CHUNKS_PER_THREAD = 4;
    private final Numerics numerics;
    private final Device device;
    private final RowChunks serialRows;
    private final RowChunks parallelRows;
    private final int gridSize;
    private final int rows;

    CpuSolver(Numerics numerics, ElasticGrid grid, Device device) {
        this.numerics = numerics;
        this.device = device;
        this.serialRows = new RowChunks(grid.ny(), 1, device);
        this.parallelRows = new RowChunks(grid.ny(), CHUNKS_PER_THREAD * device.threads(), device);
        this.gridSize = grid.size();
        this.rows = grid.ny();
    }

    int gridSize() {
        return gridSize;
    }

    @Override
    public ElasticRecording forward(ElasticShots shots) {
        ShotBatch batch = numerics.batch(shots);
        eachShot(shots.count(), (rows, shot) -> batch.forward(shot, rows));
        return new CpuRecording(this, shots, batch);
    }

    /**
     * Runs task for every shot: whole shots side by side, or one after another in row
     * chunks. Every thread that steps does so with the processor flushing subnormals
     * ({@link FlushToZero}; a team's threads do from their start, pool workers per chunk).
     */
    void eachShot(int count, ObjIntConsumer<RowChunks> task) {
        if (device.threads() == 1) {
            FlushToZero.run(() -> eachShot(count, serialRows, task));
        } else if (count >= device.threads()) {
            device.parallel(count, shot -> FlushToZero.run(() -> task.accept(serialRows, shot)));
        } else if (!(Thread.currentThread() instanceof ForkJoinWorkerThread)) {
            try (StepTeam team = new StepTeam(Math.min(device.threads(), rows))) {
                FlushToZero.run(() -> eachShot(count, new RowChunks(rows, team), task));
            }
        } else {
            FlushToZero.run(() -> eachShot(count, parallelRows, task));
        }
    }

    private static void eachShot(int count, RowChunks rows, ObjIntConsumer<RowChunks> task) {
        for (int shot = 0; shot < count; shot++) {
            task.accept(rows, shot);
        }
    }

    @Override
    public long bytesPerShot(int steps, Set<Coefficient> gradients, int storeInterval) {
        return numerics.bytesPerShot(steps, gradients, storeInterval);
    }

    @Override
    public StoragePlanner.Sizes storageSizes(int steps, Set<Coefficient> gradients, int storeInterval) {
        return numerics.storageSizes(steps, gradients, storeInterval);
    }
}
