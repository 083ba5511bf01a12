package org.seiche.acoustic.cpu;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.ObjIntConsumer;

import org.seiche.acoustic.spi.AcousticGradient;
import org.seiche.acoustic.spi.AcousticRecording;
import org.seiche.acoustic.spi.AcousticShots;
import org.seiche.acoustic.spi.AcousticSolver;
import org.seiche.api.Device;
import org.seiche.wave.FlushToZero;
import org.seiche.wave.StepTeam;
import org.seiche.wave.storage.StoragePlanner;

/**
 * Runs batches on the CPU: shots in parallel when there are at least as many as threads
 * (each shot's lines then run serially), otherwise one shot after another with its lines
 * in bands over the threads: a team that steps them together, or, inside the device's pool
 * already, bands run by the pool. Every thread that steps flushes subnormals.
 */
final class CpuSolver implements AcousticSolver {
    /** Bands per thread for one shot in the pool: a thread that joins late finds work left. */
    private static final int BANDS_PER_THREAD = 4;
    private final Numerics numerics;
    private final Layout layout;
    private final Device device;

    CpuSolver(Numerics numerics, Layout layout, Device device) {
        this.numerics = numerics;
        this.layout = layout;
        this.device = device;
    }

    @Override
    public AcousticRecording forward(AcousticShots shots) {
        ShotBatch batch = numerics.batch(shots);
        eachShot(shots.count(), (bands, shot) -> batch.forward(shot, bands));
        return new Recording(shots, batch);
    }

    private void eachShot(int count, ObjIntConsumer<Bands> task) {
        int lines = layout.lines();
        Bands serial = new Bands(lines, 1, device, null);
        if (device.threads() == 1 || lines == 1) {
            FlushToZero.run(() -> inTurn(count, serial, task));
        } else if (count >= device.threads()) {
            device.parallel(count, shot -> FlushToZero.run(() -> task.accept(serial, shot)));
        } else if (!(Thread.currentThread() instanceof ForkJoinWorkerThread)) {
            try (StepTeam team = new StepTeam(Math.min(device.threads(), lines))) {
                FlushToZero.run(() -> inTurn(count, new Bands(lines, 0, device, team), task));
            }
        } else {
            FlushToZero.run(() -> inTurn(count, new Bands(lines, BANDS_PER_THREAD * device.threads(), device, null), task));
        }
    }

    private static void inTurn(int count, Bands bands, ObjIntConsumer<Bands> task) {
        for (int shot = 0; shot < count; shot++) {
            task.accept(bands, shot);
        }
    }

    @Override
    public long bytesPerShot(int steps, boolean storing, int storeInterval) {
        return numerics.bytesPerShot(steps, storing, storeInterval);
    }

    @Override
    public StoragePlanner.Sizes storageSizes(int steps, int storeInterval) {
        return numerics.storageSizes(steps, storeInterval);
    }

    /** A forward batch's traces and its adjoint. */
    private final class Recording implements AcousticRecording {
        private final AcousticShots shots;
        private final ShotBatch batch;
        private final double[] receivers;

        Recording(AcousticShots shots, ShotBatch batch) {
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
        public AcousticGradient adjoint(double[] receiverAdjoint) {
            if (receiverAdjoint.length != receivers.length) {
                throw new IllegalArgumentException("adjoint traces hold " + receiverAdjoint.length + " values, the receivers "
                        + receivers.length);
            }
            batch.startAdjoint(DoubleBuffer.wrap(receiverAdjoint));
            int size = layout.grid.size();
            int ndim = layout.ndim;
            // each shot sums into its own arrays, added in shot order afterwards: the result
            // must not depend on which shot finished first (nor on the number of threads)
            List<double[]> k = new ArrayList<>();
            List<double[][]> b = new ArrayList<>();
            for (int shot = 0; shot < shots.count(); shot++) {
                k.add(shots.gradientK() ? new double[size] : null);
                b.add(shots.gradientBuoyancy() ? new double[ndim][size] : null);
            }
            eachShot(shots.count(), (bands, shot) -> batch.adjoint(shot, bands, wrap(k.get(shot)), wrap(b.get(shot))));
            double[] kSum = k.get(0);
            double[][] bSum = b.get(0);
            for (int shot = 1; shot < shots.count(); shot++) {
                add(kSum, k.get(shot));
                for (int d = 0; bSum != null && d < ndim; d++) {
                    add(bSum[d], b.get(shot)[d]);
                }
            }
            double[] sources = new double[shots.sourceTraces().length];
            batch.sourceTraces(DoubleBuffer.wrap(sources));
            return new AcousticGradient(sources, kSum, bSum);
        }

        private static DoubleBuffer wrap(double[] a) {
            return a == null ? null : DoubleBuffer.wrap(a);
        }

        private static DoubleBuffer[] wrap(double[][] a) {
            if (a == null) {
                return null;
            }
            DoubleBuffer[] out = new DoubleBuffer[a.length];
            for (int d = 0; d < a.length; d++) {
                out[d] = DoubleBuffer.wrap(a[d]);
            }
            return out;
        }

        private static void add(double[] sum, double[] term) {
            if (sum != null) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += term[i];
                }
            }
        }

        @Override
        public long peakBytes() {
            return batch.peakBytes() + 2L * Double.BYTES * (receivers.length + shots.sourceTraces().length);
        }

        @Override
        public long recomputedSteps() {
            return batch.recomputedSteps();
        }

        @Override
        public void close() {
            batch.release();
        }
    }
}
