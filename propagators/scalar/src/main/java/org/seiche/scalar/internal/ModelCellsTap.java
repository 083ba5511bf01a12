package org.seiche.scalar.internal;

import org.seiche.api.NdArray;
import org.seiche.api.Snapshots;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.SnapshotTap;

/**
 * Hands the wavefields of a batch's shots to a {@link Snapshots} request: when a step
 * offered is due, the shot heard and the field asked for, its model cells (the padding cut
 * off) go to the listener.
 */
public final class ModelCellsTap implements SnapshotTap {
    private final Snapshots request;
    private final int[] shots;
    private final int[] modelShape;
    private final int[] rowStarts;
    private final int rowLength;

    /** For the batch of the given shots (survey indices), on a grid padded as given. */
    public ModelCellsTap(Snapshots request, int[] shots, ScalarGrid grid) {
        this.request = request;
        this.shots = shots.clone();
        this.modelShape = grid.modelShape();
        // the model's cells lie in runs along the last dimension: where each run starts in the padded grid
        rowLength = modelShape[modelShape.length - 1];
        int runs = (int) (NdArray.size(modelShape) / rowLength);
        rowStarts = new int[runs];
        int[] cell = new int[modelShape.length];
        for (int r = 0; r < runs; r++) {
            int rest = r;
            for (int d = modelShape.length - 2; d >= 0; d--) {
                cell[d] = rest % modelShape[d];
                rest /= modelShape[d];
            }
            rowStarts[r] = grid.padding().paddedIndex(cell);
        }
    }

    /** A tap for the batch when snapshots were asked for and the batch holds a shot heard; null otherwise. */
    static SnapshotTap of(Snapshots request, int[] shots, ScalarGrid grid) {
        if (request == null) {
            return null;
        }
        for (int s : shots) {
            if (request.hears(s)) {
                return new ModelCellsTap(request, shots, grid);
            }
        }
        return null;
    }

    /**
     * Whether a field taken after inner step {@code step} of batch shot s is wanted: a kernel
     * whose fields are not in host memory (CUDA) copies one out only then.
     */
    public boolean wants(int s, int step, String field, boolean adjoint) {
        return step > 0 && step % request.every() == 0 && (!adjoint || request.adjoint()) && request.fields().contains(field)
                && request.hears(shots[s]);
    }

    @Override
    public void offer(int s, int step, String field, boolean adjoint, double[] padded) {
        if (wants(s, step, field, adjoint)) {
            double[] out = new double[rowStarts.length * rowLength];
            for (int r = 0; r < rowStarts.length; r++) {
                System.arraycopy(padded, rowStarts[r], out, r * rowLength, rowLength);
            }
            send(s, step, field, adjoint, out);
        }
    }

    @Override
    public void offer(int s, int step, String field, boolean adjoint, float[] padded) {
        if (wants(s, step, field, adjoint)) {
            double[] out = new double[rowStarts.length * rowLength];
            for (int r = 0; r < rowStarts.length; r++) {
                for (int i = 0; i < rowLength; i++) {
                    out[r * rowLength + i] = padded[rowStarts[r] + i];
                }
            }
            send(s, step, field, adjoint, out);
        }
    }

    private void send(int s, int step, String field, boolean adjoint, double[] values) {
        request.listener().wavefield(shots[s], step, field, adjoint, new NdArray(modelShape, values));
    }
}
