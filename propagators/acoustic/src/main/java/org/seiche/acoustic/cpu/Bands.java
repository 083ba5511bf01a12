package org.seiche.acoustic.cpu;

import java.util.function.IntConsumer;

import org.seiche.api.Device;
import org.seiche.wave.FlushToZero;
import org.seiche.wave.StepTeam;

/**
 * The grid's lines split into bands that run in parallel (one band: run inline), on the
 * device's pool or one band per thread of a team that steps them together.
 */
public final class Bands {
    private final int lines;
    private final int count;
    private final Device device;
    private final StepTeam team;

    Bands(int lines, int count, Device device, StepTeam team) {
        this.lines = lines;
        this.count = team != null ? team.tasks() : Math.max(1, Math.min(count, lines));
        this.device = device;
        this.team = team;
    }

    public int count() {
        return count;
    }

    public int from(int band) {
        return (int) ((long) lines * band / count);
    }

    public int to(int band) {
        return from(band + 1);
    }

    /** Runs task(band) for every band and returns when all are done. */
    public void run(IntConsumer task) {
        if (count == 1) {
            task.accept(0);
        } else if (team != null) {
            team.run(task);
        } else {
            device.parallel(count, band -> FlushToZero.run(() -> task.accept(band)));
        }
    }
}
