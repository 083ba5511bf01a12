package org.seiche.scalar;

import org.seiche.api.Locations;

/**
 * Sources or receivers of a batch of shots as padded flat cell indices,
 * [shots, perShot] row-major, -1 for an unused one.
 */
public record Transducers(int shots, int perShot, int[] cells) {
    public Transducers {
        if (cells.length != shots * perShot) {
            throw new IllegalArgumentException(shots + " x " + perShot + " transducers, " + cells.length + " cells");
        }
    }

    public static Transducers of(Locations locations, ScalarGrid grid) {
        int[] cells = new int[locations.shots() * locations.perShot()];
        int[] cell = new int[locations.ndim()];
        for (int s = 0; s < locations.shots(); s++) {
            for (int r = 0; r < locations.perShot(); r++) {
                if (locations.unused(s, r)) {
                    cells[s * locations.perShot() + r] = -1;
                    continue;
                }
                for (int d = 0; d < cell.length; d++) {
                    cell[d] = locations.coordinate(s, r, d);
                }
                cells[s * locations.perShot() + r] = grid.paddedIndex(cell);
            }
        }
        return new Transducers(locations.shots(), locations.perShot(), cells);
    }

    /** The padded cell of transducer r of shot s, or -1. */
    public int cell(int s, int r) {
        return cells[s * perShot + r];
    }

    /** The same transducers restricted to the given shots, in that order. */
    public Transducers select(int[] shotIndices) {
        int[] out = new int[shotIndices.length * perShot];
        for (int i = 0; i < shotIndices.length; i++) {
            System.arraycopy(cells, shotIndices[i] * perShot, out, i * perShot, perShot);
        }
        return new Transducers(shotIndices.length, perShot, out);
    }
}
