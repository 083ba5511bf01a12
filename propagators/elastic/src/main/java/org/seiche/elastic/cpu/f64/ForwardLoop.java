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

    /** vectors: whether the fused vector loops may be used. */
    ForwardLoop(Grid g, Wavefields w, History h, RowChunks rows, boolean vectors) {
        this.w = w;
        this.h = h;
        this.stride = g.stride;
        this.sweep = new RowSweep(rows, w);
        this.velocities = new Part[] {
            new Part(g, (i, s, b, from, to) -> ForwardRows.velocityY(g, w, h, s, i, b, from, to),
                    vectors ? (i, s, from, to, damped) -> FusedRows.velocityY(g, w, h, s, i, from, to, damped) : null,
                    g.pmlRowHalf, g.vectorLeftInt, g.vectorRightInt),
            new Part(g, (i, s, b, from, to) -> ForwardRows.velocityX(g, w, h, s, i, b, from, to),
                    vectors ? (i, s, from, to, damped) -> FusedRows.velocityX(g, w, h, s, i, from, to, damped) : null,
                    g.pmlRowInt, g.vectorLeftHalf, g.vectorRightHalf)};
        this.stresses = new Part[] {
            new Part(g, (i, s, b, from, to) -> ForwardRows.normalStresses(g, w, h, s, i, b, from, to),
                    vectors ? (i, s, from, to, damped) -> FusedRows.normalStresses(g, w, h, s, i, from, to, damped) : null,
                    g.pmlRowInt, g.vectorLeftInt, g.vectorRightInt),
            new Part(g, (i, s, b, from, to) -> ForwardRows.shearStress(g, w, h, s, i, b, from, to),
                    vectors ? (i, s, from, to, damped) -> FusedRows.shearStress(g, w, h, s, i, from, to, damped) : null,
                    g.pmlRowHalf, g.vectorLeftHalf, g.vectorRightHalf)};
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
