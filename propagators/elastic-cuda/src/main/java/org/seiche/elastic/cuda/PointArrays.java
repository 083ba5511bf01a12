package org.seiche.elastic.cuda;

import org.seiche.api.Precision;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.device.cuda.spi.IntArray;
import org.seiche.device.cuda.spi.DeviceMemory;
import org.seiche.elastic.spi.PointSet;

/** An elastic PointSet on the device, as elastic.cu's point kernels read it. */
final class PointArrays implements DeviceMemory {
    /** Field bits (Field's ordinals) of a launch at the velocities, the stresses, or both. */
    static final int VELOCITIES = 0b00011;
    static final int STRESSES = 0b11100;
    static final int ALL = VELOCITIES | STRESSES;

    private final IntArray shotStart;
    private final IntArray fields;
    private final IntArray cells;
    private final IntArray traces;
    private final DeviceArray weights;

    PointArrays(PointSet set, Precision precision) {
        int[] ordinals = new int[set.fields().length];
        for (int p = 0; p < ordinals.length; p++) {
            ordinals[p] = set.fields()[p].ordinal();
        }
        shotStart = new IntArray(set.shotStart());
        fields = new IntArray(ordinals);
        cells = new IntArray(set.cells());
        traces = new IntArray(set.traces());
        weights = DeviceArray.of(precision, set.weights());
    }

    /** The kernel arguments after the launch's own: shot starts, fields, cells, traces, weights. */
    Object[] arguments() {
        return new Object[] {shotStart.pointer(), fields.pointer(), cells.pointer(), traces.pointer(), weights.pointer()};
    }

    @Override
    public void close() {
        DeviceMemory.free(shotStart, fields, cells, traces, weights);
    }
}
