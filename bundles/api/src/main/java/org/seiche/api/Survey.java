package org.seiche.api;

import java.util.List;

/**
 * What is recorded: the sample interval dt and count nt of source and receiver traces, and
 * groups of sources and receivers (a scalar survey has one of each; an elastic one may mix
 * components). Every group has the same number of shots.
 */
public record Survey(double dt, int nt, List<SourceGroup> sources, List<ReceiverGroup> receivers) {
    public Survey {
        sources = List.copyOf(sources);
        receivers = List.copyOf(receivers);
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new SeicheException("survey.dt: must be a positive number, got " + dt);
        }
        if (nt < 1) {
            throw new SeicheException("survey.nt: must be at least 1, got " + nt);
        }
        int shots = -1;
        for (SourceGroup g : sources) {
            if (g.amplitudes().dim(2) != nt) {
                throw new SeicheException("survey.sources.amplitudes: " + g.amplitudes().dim(2) + " samples, survey.nt is " + nt);
            }
            shots = checkShots(shots, g.locations().shots());
        }
        for (ReceiverGroup g : receivers) {
            shots = checkShots(shots, g.locations().shots());
        }
    }

    private static int checkShots(int shots, int n) {
        if (shots >= 0 && shots != n) {
            throw new SeicheException("survey: sources and receivers disagree on the number of shots (" + shots + " vs " + n + ")");
        }
        return n;
    }

    public int shots() {
        if (!sources.isEmpty()) {
            return sources.get(0).locations().shots();
        }
        return receivers.isEmpty() ? 0 : receivers.get(0).locations().shots();
    }

    /** The same survey restricted to the given shots (a batch). */
    public Survey select(int[] shots) {
        return new Survey(dt, nt, sources.stream().map(g -> g.select(shots)).toList(),
                receivers.stream().map(g -> g.select(shots)).toList());
    }
}
