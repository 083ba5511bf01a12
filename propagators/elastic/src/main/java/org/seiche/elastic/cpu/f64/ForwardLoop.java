package org.seiche.elastic.cpu.f64;

import java.util.function.IntConsumer;

import org.seiche.elastic.ElasticShots;
import org.seiche.elastic.cpu.RowChunks;

/**
 * The forward time loop of one shot, in PHYSICS.md's order: record the receivers, velocity
 * half-step, force sources, stress half-step, pressure sources. Half-steps run as row chunks;
 * this object is the chunk task, told by its fields which half-step and history slot.
 */
final class ForwardLoop implements IntConsumer {
    private final Grid g;
    private final Wavefields w;
    private final History h;
    private final RowChunks rows;
    private boolean stressHalf;
    private int slot;

    ForwardLoop(Grid g, Wavefields w, History h, RowChunks rows) {
        this.g = g;
        this.w = w;
        this.h = h;
        this.rows = rows;
    }

    void run(ElasticShots shots, int shot, double[] sources, double[] receivers) {
        int steps = shots.steps();
        for (int t = 0; t < steps; t++) {
            Points.record(shots.receivers(), shot, w, receivers, steps, t, true, true);
            slot = h == null ? -1 : h.slot(t);
            stressHalf = false;
            rows.run(this);
            Points.inject(shots.sources(), shot, w, sources, steps, t, true, false);
            stressHalf = true;
            rows.run(this);
            Points.inject(shots.sources(), shot, w, sources, steps, t, false, true);
        }
    }

    @Override
    public void accept(int chunk) {
        double[] da = w.rowA[chunk];
        double[] db = w.rowB[chunk];
        for (int i = rows.from(chunk); i < rows.to(chunk); i++) {
            if (stressHalf) {
                ForwardRows.stress(g, w, h, slot, i, da, db);
            } else {
                ForwardRows.velocity(g, w, h, slot, i, da, db);
            }
        }
    }
}
