package org.seiche.elastic.cpu.f64;

import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.cpu.RowChunks;

/**
 * The adjoint time loop of one shot: the forward step's operations transposed in reverse
 * order, from the last step to the first, in three sweeps (the stress terms, the adjoint
 * velocities and their terms, the adjoint stresses). Pressure sources read the adjoint
 * stresses before the step, force sources the adjoint velocities after it (the last sweep
 * leaves them as they are), and the receivers' adjoint traces are injected last.
 */
final class AdjointLoop {
    private final Wavefields w;
    private final History h;
    private final int stride;
    private final RowSweep sweep;
    private final Part[][] sweeps;

    /** vectors: whether the vector loops may be used. */
    AdjointLoop(Grid g, Wavefields w, History h, RowChunks rows, boolean vectors) {
        this.w = w;
        this.h = h;
        this.stride = g.stride;
        this.sweep = new RowSweep(g, rows, w);
        this.sweeps = vectors ? VectorLoops.adjoint(g, w, h) : new Part[][] {{
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.normalTerms(g, w, h, s, i, b, from, to)),
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.shearTerms(g, w, h, s, i, b, from, to))}, {
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.velocityY(g, w, h, s, i, b, from, to)),
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.velocityX(g, w, h, s, i, b, from, to))}, {
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.normalStresses(g, w, i, b, from, to)),
            Part.passes(g, (i, s, b, from, to) -> AdjointRows.shearStress(g, w, i, b, from, to))}};
    }

    /** The shot's adjoint; with checkpoints (null: none) each stored step's terms are recomputed before its step. */
    void run(ElasticShots shots, int shot, double[] receiverAdjoint, double[] sourceAdjoint, Checkpoints checkpoints) {
        int steps = shots.steps();
        // the adjoint fields of the last step (zero) keep the frames those of the forward run
        Points.offer(shots, shot, w, steps, true);
        for (int t = steps - 1; t >= 0; t--) {
            Points.record(shots.sources(), shot, w, stride, sourceAdjoint, steps, t, false, true);
            int slot = h == null ? -1 : h.slot(t);
            if (slot >= 0 && checkpoints != null) {
                checkpoints.tape(slot);
            }
            if (slot >= 0) {
                h.beginAdjoint(slot);
            }
            sweep.run(sweeps, slot);
            if (slot >= 0) {
                h.endAdjoint(slot);
            }
            Points.record(shots.sources(), shot, w, stride, sourceAdjoint, steps, t, true, false);
            Points.inject(shots.receivers(), shot, w, stride, receiverAdjoint, steps, t, true, true, -1);
            Points.offer(shots, shot, w, t, true);
            shots.listener().stepped(1);
        }
    }
}
