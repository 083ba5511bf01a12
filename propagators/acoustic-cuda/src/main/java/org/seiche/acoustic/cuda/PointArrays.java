package org.seiche.acoustic.cuda;

import org.seiche.acoustic.spi.PointSet;
import org.seiche.device.cuda.spi.DeviceMemory;
import org.seiche.device.cuda.spi.IntArray;

/** An acoustic PointSet on the device, as acoustic.cu's point kernels read it. */
final class PointArrays implements DeviceMemory {
    /** Field bits (a point's field is its state array) of a launch at the pressure. */
    static final int PRESSURE = 1 << PointSet.PRESSURE;

    private final IntArray shotStart;
    private final IntArray fields;
    private final IntArray cells;
    private final IntArray traces;

    PointArrays(PointSet set) {
        shotStart = new IntArray(set.shotStart());
        fields = new IntArray(set.fields());
        cells = new IntArray(set.cells());
        traces = new IntArray(set.traces());
    }

    /** Field bits of a launch at every velocity of a grid of ndim dimensions. */
    static int velocities(int ndim) {
        return ((1 << ndim) - 1) << PointSet.VELOCITY;
    }

    /** The kernel arguments after the launch's own: shot starts, fields, cells, traces. */
    Object[] arguments() {
        return new Object[] {shotStart.pointer(), fields.pointer(), cells.pointer(), traces.pointer()};
    }

    @Override
    public void close() {
        DeviceMemory.free(shotStart, fields, cells, traces);
    }
}
