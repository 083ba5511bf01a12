package org.seiche.elastic.cpu;

import java.util.function.IntConsumer;

import org.seiche.api.Device;

/** The grid's rows split into chunks that the device runs in parallel (one chunk: run inline). */
public final class RowChunks {
    private final int rows;
    private final int count;
    private final Device device;

    RowChunks(int rows, int count, Device device) {
        this.rows = rows;
        this.count = Math.max(1, Math.min(count, rows));
        this.device = device;
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
        } else {
            device.parallel(count, task);
        }
    }
}
