package org.seiche.elastic.cpu;

import java.nio.DoubleBuffer;
import java.util.EnumMap;
import java.util.Map;

import org.seiche.elastic.Coefficient;
import org.seiche.elastic.ElasticGradient;
import org.seiche.elastic.ElasticRecording;
import org.seiche.elastic.ElasticShots;

/** A forward batch run on the CPU: its receiver traces and its adjoint. */
final class CpuRecording implements ElasticRecording {
    private final CpuSolver solver;
    private final ElasticShots shots;
    private final ShotBatch batch;
    private final double[] receivers;

    CpuRecording(CpuSolver solver, ElasticShots shots, ShotBatch batch) {
        this.solver = solver;
        this.shots = shots;
        this.batch = batch;
        this.receivers = new double[shots.receiverTraces() * shots.steps()];
        batch.receiverTraces(DoubleBuffer.wrap(receivers));
    }

    @Override
    public double[] receiverTraces() {
        return receivers;
    }

    @Override
    public ElasticGradient adjoint(double[] receiverAdjoint) {
        if (receiverAdjoint.length != receivers.length) {
            throw new IllegalArgumentException("adjoint traces hold " + receiverAdjoint.length + " values, the receivers "
                    + receivers.length);
        }
        batch.startAdjoint(DoubleBuffer.wrap(receiverAdjoint));
        Map<Coefficient, double[]> gradients = new EnumMap<>(Coefficient.class);
        Map<Coefficient, DoubleBuffer> sums = new EnumMap<>(Coefficient.class);
        for (Coefficient c : shots.gradients()) {
            double[] g = new double[solver.gridSize()];
            gradients.put(c, g);
            sums.put(c, DoubleBuffer.wrap(g));
        }
        solver.eachShot(shots.count(), (rows, shot) -> batch.adjoint(shot, rows, sums));
        double[] sources = new double[shots.sourceTraces().length];
        batch.sourceTraces(DoubleBuffer.wrap(sources));
        return new ElasticGradient(sources, gradients);
    }

    @Override
    public long peakBytes() {
        return batch.peakBytes() + 2L * Double.BYTES * (receivers.length + shots.sourceTraces().length);
    }

    @Override
    public void close() {
        batch.release();
    }
}
