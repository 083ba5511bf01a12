package org.seiche.acoustic.cpu;

import org.seiche.api.Device;
import org.seiche.wave.LineBands;
import org.seiche.wave.StepTeam;

/** The acoustic grid's lines split into bands that run in parallel (see LineBands). */
public final class Bands extends LineBands {
    Bands(int lines, int count, Device device, StepTeam team) {
        super(lines, count, device, team);
    }
}
