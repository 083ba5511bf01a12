package org.seiche.wave.storage;

import java.util.Arrays;

/**
 * Checkpointing's snapshots of one shot's state, a list of arrays of any lengths (its
 * wavefields and PML memory, whatever their shape): snapshot 0 is the zero initial state
 * and holds nothing; the others take one array from the source when first saved, the
 * state's arrays one after another. With a {@link RevolveCursor}, this is the checkpointing
 * of every propagator: {@link #forward} in the forward run, {@link #replay} for the adjoint.
 */
public final class DoubleSnapshots {
    private final double[][] saved;
    private final ArraySource arrays;

    /** Room for {@code count} snapshots, the initial state's included. */
    public DoubleSnapshots(int count, ArraySource arrays) {
        this.saved = new double[count][];
        this.arrays = arrays;
    }

    /**
     * In the forward run, before stored step slot: saves the state where the cursor's first
     * sweep does; whether the forward run keeps that step's terms.
     */
    public boolean forward(RevolveCursor cursor, int slot, double[][] state) {
        int s = cursor.forwardSave(slot);
        if (s >= 0) {
            save(s, state);
        }
        return cursor.forwardKeeps(slot);
    }

    /** The replay {@link RevolveCursor#tape} runs: {@code state} saved and restored here, stepped by {@code step}. */
    public RevolveCursor.Replay replay(double[][] state, RevolveCursor.Step step) {
        return new RevolveCursor.Replay() {
            @Override
            public void save(int snapshot) {
                DoubleSnapshots.this.save(snapshot, state);
            }

            @Override
            public void restore(int snapshot) {
                DoubleSnapshots.this.restore(snapshot, state);
            }

            @Override
            public void step(int t, boolean taped) {
                step.step(t, taped);
            }
        };
    }

    /** Copies the state into snapshot s (s >= 1). */
    public void save(int s, double[][] state) {
        if (saved[s] == null) {
            long n = 0;
            for (double[] a : state) {
                n += a.length;
            }
            saved[s] = (double[]) arrays.take(double.class, Math.toIntExact(n));
        }
        int at = 0;
        for (double[] a : state) {
            System.arraycopy(a, 0, saved[s], at, a.length);
            at += a.length;
        }
    }

    /** Sets the state to snapshot s (0: zero). */
    public void restore(int s, double[][] state) {
        int at = 0;
        for (double[] a : state) {
            if (s == 0) {
                Arrays.fill(a, 0);
            } else {
                System.arraycopy(saved[s], at, a, 0, a.length);
            }
            at += a.length;
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
            if (saved[s] != null) {
                arrays.give(saved[s]);
                saved[s] = null;
            }
        }
    }
}
