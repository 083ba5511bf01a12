package org.seiche.elastic.cpu.f64;

import org.seiche.elastic.ElasticShots;
import org.seiche.elastic.cpu.RowChunks;

/**
 * The forward time loop of one shot, in PHYSICS.md's order: record the receivers, velocity
 * half-step, force sources, stress half-step, pressure sources.
 */
final class ForwardLoop {
    private final Wavefields w;
    private final History h;
    private final int stride;
    private final RowSweep sweep;
    private final Part[] velocities;
    private final Part[] stresses;

    /** vectors: whether the vector loops may be used. */
    ForwardLoop(Grid g, Wavefields w, History h, RowChunks rows, boolean vectors) {
        this.w = w;
        this.h = h;
        this.stride = g.stride;
        this.sweep = new RowSweep(rows, w);
        Part[][] halfSteps = vectors ? VectorLoops.forward(g, w, h) : new Part[][] {{
            Part.passes(g, (i, s, b, from, to) -> ForwardRows.velocityY(g, w, h, s, i, b, from, to)),
            Part.passes(g, (i, s, b, from, to) -> ForwardRows.velocityX(g, w, h, s, i, b, from, to))}, {
            Part.passes(g, (i, s, b, from, to) -> ForwardRows.normalStresses(g, w, h, s, i, b, from, to)),
            Part.passes(g, (i, s, b, from, to) -> ForwardRows.shearStress(g, w, h, s, i, b, from, to))}};
        this.velocities = halfSteps[0];
        this.stresses = halfSteps[1];
    }

    void run(ElasticShots shots, int shot, double[] sources, double[] receivers) {
        int steps = shots.steps();
        for (int t = 0; t < steps; t++) {
            Points.record(shots.receivers(), shot, w, stride, receivers, steps, t, true, true);
            int slot = h == null ? -1 : h.slot(t);
            sweep.run(velocities, slot);
            Points.inject(shots.sources(), shot, w, stride, sources, steps, t, true, false);
            sweep.run(stresses, slot);
            Points.inject(shots.sources(), shot, w, stride, sources, steps, t, false, true);
        }
    }
}
