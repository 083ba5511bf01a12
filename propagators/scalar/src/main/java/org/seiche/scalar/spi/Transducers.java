package org.seiche.scalar.spi;

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
