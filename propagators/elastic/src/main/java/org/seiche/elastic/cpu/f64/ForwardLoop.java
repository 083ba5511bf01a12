package org.seiche.elastic.cpu.f64;

import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.cpu.RowChunks;

/**
 * The forward time loop of one shot, in the order of docs/elastic.md: record the receivers, velocity
 * half-step, force sources, stress half-step, pressure sources. The force sources of a row
 * are added right after its velocities, as the last part of the velocity half-step: the
 * stress half-step may run at a row while the velocity half-step is still at rows below.
 */
final class ForwardLoop {
    private final Wavefields w;
    private final History h;
    private final int stride;
    private final RowSweep sweep;
    private final Part[][] halfSteps;
    private ElasticShots shots;
    private int shot;
    private double[] sources;
    private int t;

    /** vectors: whether the vector loops may be used. */
    ForwardLoop(Grid g, Wavefields w, History h, RowChunks rows, boolean vectors) {
        this.w = w;
        this.h = h;
        this.stride = g.stride;
        this.sweep = new RowSweep(g, rows, w);
        Part[][] parts = vectors ? VectorLoops.forward(g, w, h) : new Part[][] {{
            Part.passes(g, (i, s, b, from, to) -> ForwardRows.velocityY(g, w, h, s, i, b, from, to)),
            Part.passes(g, (i, s, b, from, to) -> ForwardRows.velocityX(g, w, h, s, i, b, from, to))}, {
            Part.passes(g, (i, s, b, from, to) -> ForwardRows.normalStresses(g, w, h, s, i, b, from, to)),
            Part.passes(g, (i, s, b, from, to) -> ForwardRows.shearStress(g, w, h, s, i, b, from, to))}};
        Part forces = Part.passes(g, (i, s, b, from, to) ->
                Points.inject(shots.sources(), shot, w, stride, sources, shots.steps(), t, true, false, g.row(i)));
        this.halfSteps = new Part[][] {{parts[0][0], parts[0][1], forces}, parts[1]};
    }

    /** Sets the shot whose sources the steps inject. */
    ForwardLoop of(ElasticShots shotsToRun, int shotToRun, double[] sourceTraces) {
        shots = shotsToRun;
        shot = shotToRun;
        sources = sourceTraces;
        return this;
    }

    /**
     * The shot's run: receivers recorded, terms stored as the history says or, with
     * checkpoints (null: none), saved in snapshots and kept for the last stored step only.
     */
    void run(double[] receivers, Checkpoints checkpoints) {
        int steps = shots.steps();
        for (int step = 0; step < steps; step++) {
            Points.record(shots.receivers(), shot, w, stride, receivers, steps, step, true, true);
            int slot = h == null ? -1 : h.slot(step);
            step(step, checkpoints == null || slot < 0 ? slot : checkpoints.forward(w, slot));
            Points.offer(shots, shot, w, step + 1, false);
            shots.listener().stepped(1);
        }
    }

    /** Steps the fields from step t to t + 1, storing the terms in stored step slot (-1: none). */
    void step(int step, int slot) {
        t = step;
        if (slot >= 0) {
            h.beginForward(slot);
        }
        sweep.run(halfSteps, slot);
        if (slot >= 0) {
            h.endForward(slot);
        }
        Points.inject(shots.sources(), shot, w, stride, sources, shots.steps(), t, false, true, -1);
    }
}
