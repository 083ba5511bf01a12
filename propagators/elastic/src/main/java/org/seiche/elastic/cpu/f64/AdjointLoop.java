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

    /** vectors: whether the fused vector loops may be used. */
    AdjointLoop(Grid g, Wavefields w, History h, RowChunks rows, boolean vectors) {
        this.w = w;
        this.h = h;
        this.stride = g.stride;
        this.sweep = new RowSweep(rows, w);
        this.stressTerms = new Part[] {
            new Part(g, (i, s, b, from, to) -> AdjointRows.normalTerms(g, w, h, s, i, b, from, to),
                    vectors ? (i, s, from, to, damped) -> FusedRows.adjointNormalTerms(g, w, h, s, i, from, to, damped) : null,
                    g.pmlRowInt, g.vectorLeftInt, g.vectorRightInt),
            new Part(g, (i, s, b, from, to) -> AdjointRows.shearTerms(g, w, h, s, i, b, from, to),
                    vectors ? (i, s, from, to, damped) -> FusedRows.adjointShearTerms(g, w, h, s, i, from, to, damped) : null,
                    g.pmlRowHalf, g.vectorLeftHalf, g.vectorRightHalf)};
        this.velocityTerms = new Part[] {
            new Part(g, (i, s, b, from, to) -> AdjointRows.velocityY(g, w, h, s, i, b, from, to),
                    vectors ? (i, s, from, to, damped) -> FusedRows.adjointVelocityY(g, w, h, s, i, from, to, damped) : null,
                    g.pmlRowHalf, g.vectorLeftInt, g.vectorRightInt),
            new Part(g, (i, s, b, from, to) -> AdjointRows.velocityX(g, w, h, s, i, b, from, to),
                    vectors ? (i, s, from, to, damped) -> FusedRows.adjointVelocityX(g, w, h, s, i, from, to, damped) : null,
                    g.pmlRowInt, g.vectorLeftHalf, g.vectorRightHalf)};
        this.stresses = new Part[] {
            new Part(g, (i, s, b, from, to) -> AdjointRows.normalStresses(g, w, i, b, from, to),
                    vectors ? (i, s, from, to, damped) -> FusedRows.adjointNormalStresses(g, w, i, from, to) : null,
                    null, g.first, g.end),
            new Part(g, (i, s, b, from, to) -> AdjointRows.shearStress(g, w, i, b, from, to),
                    vectors ? (i, s, from, to, damped) -> FusedRows.adjointShearStress(g, w, i, from, to) : null,
                    null, g.first, g.end)};
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
