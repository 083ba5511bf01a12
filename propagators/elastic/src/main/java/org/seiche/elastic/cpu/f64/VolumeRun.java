package org.seiche.elastic.cpu.f64;

import java.nio.DoubleBuffer;

import org.seiche.api.Storage;
import org.seiche.elastic.cpu.VolumeNumerics;
import org.seiche.elastic.cpu.VolumePoints;
import org.seiche.elastic.cpu.VolumeShots;
import org.seiche.elastic.cpu.VolumeTerms;
import org.seiche.wave.FlushToZero;

/**
 * A batch of shots on a volume grid, one after another (each on every thread): the time
 * loop of docs/elastic.md (record, velocities, forces, stresses, pressure) and its
 * transpose run backward from each shot's history, once (each slot is released as it is used),
 * the history kept as the shots' storage plan says (memory, disk, compressed, or recomputed
 * from checkpoints).
 */
final class VolumeRun implements VolumeNumerics.VolumeAdjoint {
    private final VolumeKernel k;
    private final VolumeShots shots;
    private final double[] sources;
    private final VolumeHistory[] histories;
    private final VolumeCheckpoints[] checkpoints;
    private long peak;
    private boolean adjointTaken;

    VolumeRun(VolumeKernel k, VolumeShots shots) {
        this.k = k;
        this.shots = shots;
        this.sources = Values.load(DoubleBuffer.wrap(shots.sourceTraces()));
        this.histories = new VolumeHistory[shots.count()];
        this.checkpoints = new VolumeCheckpoints[shots.count()];
    }

    void forward(DoubleBuffer receiverTraces) {
        VolumeTerms terms = shots.terms();
        int steps = shots.steps();
        double[] receivers = new double[shots.receiverTraces() * steps];
        boolean checkpointed = shots.storage() != null && shots.storage().mode() == Storage.Mode.CHECKPOINT;
        long stored = 0;
        for (int shot = 0; shot < shots.count(); shot++) {
            VolumeFields w = new VolumeFields(k, false);
            VolumeHistory h = terms.any() ? new VolumeHistory(k, steps, shots.storeInterval(), terms, shots.storage(),
                    shots.storageDirectory()) : null;
            histories[shot] = h;
            VolumeCheckpoints c = h != null && checkpointed ? new VolumeCheckpoints(this, k, shot, h, w, steps,
                    shots.storage().snapshots()) : null;
            checkpoints[shot] = c;
            peak = Math.max(peak, stored + VolumeFields.bytes(k, false));
            VolumeSweeps sweeps = new VolumeSweeps(k, w);
            int s = shot;
            FlushToZero.run(() -> {
                for (int t = 0; t < steps; t++) {
                    read(shots.receivers(), s, w, receivers, t, null);
                    step(sweeps, w, s, t, c != null ? c.forward(t) : h == null ? null : h.forward(t));
                    if (h != null) {
                        h.written(t);
                    }
                    shots.listener().stepped(1);
                }
            });
            stored += (h != null ? h.bytes() : 0) + (c != null ? c.bytes() : 0);
            peak = Math.max(peak, stored + VolumeFields.bytes(k, false));
            w.release();
        }
        Values.store(receivers, receiverTraces);
    }

    /** Steps shot's fields w from step t to t + 1, storing the terms in slot (null: none). */
    void step(VolumeSweeps sweeps, VolumeFields w, int shot, int t, VolumeHistory.Slot slot) {
        // the forces join each line's velocities before the stresses read them
        k.fused(lines -> {
            sweeps.velocities(lines, slot);
            inject(shots.sources(), shot, w, sources, t, true, lines[0], lines[lines.length - 1]);
        }, lines -> sweeps.stresses(lines, slot));
        inject(shots.sources(), shot, w, sources, t, false);
    }

    @Override
    public void adjoint(DoubleBuffer receiverAdjoint, DoubleBuffer[] gradients, DoubleBuffer sourceReads) {
        if (adjointTaken) {
            throw new IllegalStateException("this batch's adjoint has run: its stored history is released");
        }
        adjointTaken = true;
        double[] adjoint = Values.load(receiverAdjoint);
        double[] reads = new double[sources.length];
        int steps = shots.steps();
        double scale = k.dt * shots.storeInterval();
        for (int shot = 0; shot < shots.count(); shot++) {
            VolumeFields w = new VolumeFields(k, true);
            double[][] sums = new double[gradients.length][];
            for (int i = 0; i < sums.length; i++) {
                sums[i] = gradients[i] == null ? null : k.fieldArray();
            }
            VolumeHistory h = histories[shot];
            VolumeCheckpoints c = checkpoints[shot];
            VolumeSweeps sweeps = new VolumeSweeps(k, w);
            int s = shot;
            FlushToZero.run(() -> {
                for (int t = steps - 1; t >= 0; t--) {
                    VolumeHistory.Slot slot = c != null ? c.adjoint(t) : h == null ? null : h.adjoint(t);
                    read(shots.sources(), s, w, reads, t, false);
                    k.fused(lines -> sweeps.stressesAdjointTerms(lines, slot, sums), sweeps::stressesAdjointFields);
                    read(shots.sources(), s, w, reads, t, true);
                    k.fused(lines -> sweeps.velocitiesAdjointTerms(lines, slot, sums), sweeps::velocitiesAdjointFields);
                    if (h != null) {
                        h.release(t);
                    }
                    inject(shots.receivers(), s, w, adjoint, t, null);
                    shots.listener().stepped(1);
                }
            });
            peak = Math.max(peak, VolumeFields.bytes(k, true) + (h != null ? h.bytes() : 0) + (c != null ? c.bytes() : 0));
            release(shot);
            for (int i = 0; i < sums.length; i++) {
                if (sums[i] != null) {
                    // mu's sum is half its gradient (VolumeSweeps.stressesAdjointTerms)
                    double factor = i == 1 ? 2 * scale : scale;
                    for (int p = 0; p < k.size; p++) {
                        gradients[i].put(p, gradients[i].get(p) + factor * sums[i][p]);
                    }
                    k.spareField(sums[i]);
                }
            }
            w.release();
        }
        Values.store(reads, sourceReads);
    }

    /** Adds weight x field to trace sample t of the shot's points: on velocities, on stresses, or all (null). */
    private void read(VolumePoints points, int shot, VolumeFields w, double[] traces, int t, Boolean velocities) {
        int steps = shots.steps();
        for (int p = points.shotStart()[shot]; p < points.shotStart()[shot + 1]; p++) {
            if (velocities == null || (points.fields()[p] < k.ndim) == velocities) {
                traces[points.traces()[p] * steps + t] += (double) points.weights()[p] * w.field(points.fields()[p])[points.cells()[p]];
            }
        }
    }

    /** Adds weight x trace sample t to the fields of the shot's points: velocities, stresses, or both (null). */
    private void inject(VolumePoints points, int shot, VolumeFields w, double[] traces, int t, Boolean velocities) {
        inject(points, shot, w, traces, t, velocities, 0, k.lines - 1);
    }

    /** {@link #inject} for the points on the lines firstLine to lastLine. */
    private void inject(VolumePoints points, int shot, VolumeFields w, double[] traces, int t, Boolean velocities, int firstLine,
            int lastLine) {
        int steps = shots.steps();
        for (int p = points.shotStart()[shot]; p < points.shotStart()[shot + 1]; p++) {
            int line = k.line(points.cells()[p]);
            if ((velocities == null || (points.fields()[p] < k.ndim) == velocities) && line >= firstLine && line <= lastLine) {
                w.field(points.fields()[p])[points.cells()[p]] += (double) points.weights()[p] * traces[points.traces()[p] * steps + t];
            }
        }
    }

    @Override
    public long peakBytes() {
        return peak + (long) VolumeKernel.VALUE_BYTES * sources.length;
    }

    @Override
    public void close() {
        for (int shot = 0; shot < histories.length; shot++) {
            release(shot);
        }
    }

    /** Gives back what a shot's history and checkpoints hold, removing any files. */
    private void release(int shot) {
        if (histories[shot] != null) {
            histories[shot].releaseAll();
            histories[shot] = null;
        }
        if (checkpoints[shot] != null) {
            checkpoints[shot].close();
            checkpoints[shot] = null;
        }
    }
}
