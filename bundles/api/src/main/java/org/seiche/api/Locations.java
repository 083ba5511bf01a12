package org.seiche.api;

import java.util.Arrays;

/**
 * Integer grid-cell locations of sources or receivers: [shots, perShot, ndim], row-major.
 * A location whose every coordinate is -1 is unused (skipped), so shots may differ in count.
 */
public record Locations(int shots, int perShot, int ndim, int[] cells) {
    public Locations {
        if ((long) shots * perShot * ndim != cells.length) {
            throw new IllegalArgumentException("locations [" + shots + ", " + perShot + ", " + ndim
                    + "] need " + ((long) shots * perShot * ndim) + " values, got " + cells.length);
        }
    }

    public int coordinate(int shot, int index, int axis) {
        return cells[(shot * perShot + index) * ndim + axis];
    }

    public boolean unused(int shot, int index) {
        for (int a = 0; a < ndim; a++) {
            if (coordinate(shot, index, a) != -1) {
                return false;
            }
        }
        return true;
    }

    /** The same locations restricted to the given shots, in that order. */
    public Locations select(int[] shotIndices) {
        int block = perShot * ndim;
        int[] out = new int[shotIndices.length * block];
        for (int i = 0; i < shotIndices.length; i++) {
            System.arraycopy(cells, shotIndices[i] * block, out, i * block, block);
        }
        return new Locations(shotIndices.length, perShot, ndim, out);
    }

    @Override
    public String toString() {
        return "Locations[" + shots + ", " + perShot + ", " + ndim + "]" + (cells.length <= 12 ? Arrays.toString(cells) : "");
    }
}
