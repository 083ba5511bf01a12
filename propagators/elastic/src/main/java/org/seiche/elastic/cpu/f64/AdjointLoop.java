package org.seiche.elastic.cpu.f64;

import java.util.function.IntConsumer;

import org.seiche.elastic.ElasticShots;
import org.seiche.elastic.cpu.RowChunks;

/**
 * The adjoint time loop of one shot: the forward step's operations transposed in reverse
 * order, from the last step to the first. Pressure sources read the adjoint stresses, force
 * sources the adjoint velocities, and the receivers' adjoint traces are injected last.
 */
final class AdjointLoop implements IntConsumer {
    private enum Part { STRESS_TERMS, VELOCITY_TERMS, STRESSES }

    private final Grid g;
    private final Wavefields w;
    private final History h;
    private final RowChunks rows;
    private Part part;
    private int slot;

    AdjointLoop(Grid g, Wavefields w, History h, RowChunks rows) {
        this.g = g;
        this.w = w;
        this.h = h;
        this.rows = rows;
    }

    void run(ElasticShots shots, int shot, double[] receiverAdjoint, double[] sourceAdjoint) {
        int steps = shots.steps();
        for (int t = steps - 1; t >= 0; t--) {
            slot = h == null ? -1 : h.slot(t);
            Points.record(shots.sources(), shot, w, sourceAdjoint, steps, t, false, true);
            part = Part.STRESS_TERMS;
            rows.run(this);
            part = Part.VELOCITY_TERMS;
            rows.run(this);
            Points.record(shots.sources(), shot, w, sourceAdjoint, steps, t, true, false);
            part = Part.STRESSES;
            rows.run(this);
            Points.inject(shots.receivers(), shot, w, receiverAdjoint, steps, t, true, true);
        }
    }

    @Override
    public void accept(int chunk) {
        double[] da = w.rowA[chunk];
        double[] db = w.rowB[chunk];
        for (int i = rows.from(chunk); i < rows.to(chunk); i++) {
            switch (part) {
                case STRESS_TERMS -> AdjointRows.stressTerms(g, w, h, slot, i);
                case VELOCITY_TERMS -> AdjointRows.velocityTerms(g, w, h, slot, i, da, db);
                case STRESSES -> AdjointRows.stresses(g, w, i, da, db);
            }
        }
    }
}
