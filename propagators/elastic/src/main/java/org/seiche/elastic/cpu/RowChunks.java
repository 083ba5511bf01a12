package org.seiche.elastic.cpu;

import java.util.function.IntConsumer;

import org.seiche.api.Device;
import org.seiche.wave.FlushToZero;
import org.seiche.wave.StepTeam;

/**
 * The grid's rows split into chunks that run in parallel (one chunk: run inline): on the
 * device's pool, or one chunk per thread of a team that steps them together.
 */
public final class RowChunks {
    private final int rows;
    private final int count;
    private final Device device;
    private final StepTeam team;

    RowChunks(int rows, int count, Device device) {
        this.rows = rows;
        this.count = Math.max(1, Math.min(count, rows));
        this.device = device;
        this.team = null;
    }

    /** One chunk per task of the team (which has no more tasks than rows). */
    RowChunks(int rows, StepTeam team) {
        this.rows = rows;
        this.count = team.tasks();
        this.device = null;
        this.team = team;
    }

    public int count() {
        return count;
    }

    public int from(int chunk) {
        return (int) ((long) rows * chunk / count);
    }

    public int to(int chunk) {
        return from(chunk + 1);
    }

    /** Runs task(chunk) for every chunk and returns when all are done. */
    public void run(IntConsumer task) {
        if (count == 1) {
            task.accept(0);
        } else if (team != null) {
            team.run(task);
        } else {
            // pool workers: each chunk with the processor flushing subnormals
            device.parallel(count, chunk -> FlushToZero.run(() -> task.accept(chunk)));
        }
    }
}
