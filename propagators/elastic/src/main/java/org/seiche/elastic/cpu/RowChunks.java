package org.seiche.elastic.cpu;

import org.seiche.api.Device;
import org.seiche.wave.LineBands;
import org.seiche.wave.StepTeam;

/** The 2-D elastic grid's rows split into chunks that run in parallel (see LineBands). */
public final class RowChunks extends LineBands {
    RowChunks(int rows, int count, Device device) {
        super(rows, count, device, null);
    }

    /** One chunk per task of the team (which has no more tasks than rows). */
    RowChunks(int rows, StepTeam team) {
        super(rows, 0, null, team);
    }
}
