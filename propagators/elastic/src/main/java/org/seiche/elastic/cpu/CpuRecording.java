package org.seiche.elastic.cpu;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticGradient;
import org.seiche.elastic.spi.ElasticRecording;
import org.seiche.elastic.spi.ElasticShots;

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
        // each shot sums into its own arrays, added up in shot order afterwards: the result
        // must not depend on which shot finished first (nor on the number of threads)
        List<Map<Coefficient, DoubleBuffer>> perShot = new ArrayList<>();
        for (int shot = 0; shot < shots.count(); shot++) {
            Map<Coefficient, DoubleBuffer> sums = new EnumMap<>(Coefficient.class);
            for (Coefficient c : shots.gradients()) {
                sums.put(c, DoubleBuffer.wrap(new double[solver.gridSize()]));
            }
            perShot.add(sums);
        }
        solver.eachShot(shots.count(), (rows, shot) -> batch.adjoint(shot, rows, perShot.get(shot)));
        Map<Coefficient, double[]> gradients = new EnumMap<>(Coefficient.class);
        for (Coefficient c : shots.gradients()) {
            double[] g = perShot.get(0).get(c).array();
            for (int shot = 1; shot < shots.count(); shot++) {
                double[] term = perShot.get(shot).get(c).array();
                for (int i = 0; i < g.length; i++) {
                    g[i] += term[i];
                }
            }
            gradients.put(c, g);
        }
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
