package org.seiche.elastic.cpu.f64;

import org.seiche.elastic.ElasticShots;
import org.seiche.elastic.cpu.RowChunks;

/**
 * The adjoint time loop of one shot: the forward step's operations transposed in reverse
 * order, from the last step to the first. Pressure sources read the adjoint stresses, force
 * sources the adjoint velocities, and the receivers' adjoint traces are injected last.
 */
final class AdjointLoop {
    private final Wavefields w;
    private final History h;
    private final int stride;
    private final RowSweep sweep;
    private final Part[] stressTerms;
    private final Part[] velocityTerms;
    private final Part[] stresses;

    /** vectors: whether the vector loops may be used. */
    AdjointLoop(Grid g, Wavefields w, History h, RowChunks rows, boolean vectors) {
        this.w = w;
        this.h = h;
        this.stride = g.stride;
        this.sweep = new RowSweep(rows, w);
        Part[][] sweeps = vectors ? VectorLoops.adjoint(g, w, h) : new Part[][] {{
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.normalTerms(g, w, h, s, i, b, from, to)),
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.shearTerms(g, w, h, s, i, b, from, to))}, {
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.velocityY(g, w, h, s, i, b, from, to)),
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.velocityX(g, w, h, s, i, b, from, to))}, {
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.normalStresses(g, w, i, b, from, to)),
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.shearStress(g, w, i, b, from, to))}};
        this.stressTerms = sweeps[0];
        this.velocityTerms = sweeps[1];
        this.stresses = sweeps[2];
    }

    void run(ElasticShots shots, int shot, double[] receiverAdjoint, double[] sourceAdjoint) {
        int steps = shots.steps();
        for (int t = steps - 1; t >= 0; t--) {
            int slot = h == null ? -1 : h.slot(t);
            Points.record(shots.sources(), shot, w, stride, sourceAdjoint, steps, t, false, true);
            sweep.run(stressTerms, slot);
            sweep.run(velocityTerms, slot);
            Points.record(shots.sources(), shot, w, stride, sourceAdjoint, steps, t, true, false);
            sweep.run(stresses, slot);
            Points.inject(shots.receivers(), shot, w, stride, receiverAdjoint, steps, t, true, true);
        }
    }
}
