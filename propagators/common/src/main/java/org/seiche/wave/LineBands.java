package org.seiche.wave;

import java.util.function.IntConsumer;

import org.seiche.api.Device;

/**
 * A grid's lines (rows) split into bands that run in parallel (one band: run inline): on
 * the device's pool, or one band per thread of a team that steps them together.
 */
public class LineBands {
    private final int lines;
    private final int count;
    private final Device device;
    private final StepTeam team;

    /**
     * @param count bands wanted on the device's pool (at most one per line); ignored with a team
     * @param team the team whose threads take one band each, or null for the device's pool
     */
    protected LineBands(int lines, int count, Device device, StepTeam team) {
        this.lines = lines;
        this.count = team != null ? team.tasks() : Math.max(1, Math.min(count, lines));
        this.device = device;
        this.team = team;
    }

    public final int count() {
        return count;
    }

    public final int from(int band) {
        return (int) ((long) lines * band / count);
    }

    public final int to(int band) {
        return from(band + 1);
    }

    /** Runs task(band) for every band and returns when all are done. */
    public final void run(IntConsumer task) {
        if (count == 1) {
            task.accept(0);
        } else if (team != null) {
            team.run(task);
        } else {
            // pool workers: each band with the processor flushing subnormals
            device.parallel(count, band -> FlushToZero.run(() -> task.accept(band)));
        }
    }
}
