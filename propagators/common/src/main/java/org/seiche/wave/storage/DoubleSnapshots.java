package org.seiche.wave.storage;

/**
 * Checkpointing's snapshots of one shot's state (a list of arrays of equal length, the
 * PML memory included): snapshot 0 is the zero initial state and holds nothing; the others
 * take their array from the source when first saved, one array per snapshot with the
 * state's arrays one after another.
 */
public final class DoubleSnapshots {
    private final double[][] saved;
    private final ArraySource arrays;

    /** Room for {@code count} snapshots, the initial state's included. */
    public DoubleSnapshots(int count, ArraySource arrays) {
        this.saved = new double[count][];
        this.arrays = arrays;
    }

    /** Copies the state into snapshot s (s >= 1). */
    public void save(int s, double[][] state) {
        int n = state[0].length;
        if (saved[s] == null) {
            saved[s] = (double[]) arrays.take(double.class, state.length * n);
        }
        for (int k = 0; k < state.length; k++) {
            System.arraycopy(state[k], 0, saved[s], k * n, n);
        }
    }

    /** Sets the state to snapshot s (0: zero). */
    public void restore(int s, double[][] state) {
        int n = state[0].length;
        for (int k = 0; k < state.length; k++) {
            if (s == 0) {
                java.util.Arrays.fill(state[k], 0);
            } else {
                System.arraycopy(saved[s], k * n, state[k], 0, n);
            }
        }
    }

    /** Bytes held now. */
    public long bytes() {
        long values = 0;
        for (double[] a : saved) {
            values += a == null ? 0 : a.length;
        }
        return values * Double.BYTES;
    }

    /** Gives the arrays back. */
    public void release() {
        for (int s = 0; s < saved.length; s++) {
            arrays.give(saved[s]);
            saved[s] = null;
        }
    }
}
