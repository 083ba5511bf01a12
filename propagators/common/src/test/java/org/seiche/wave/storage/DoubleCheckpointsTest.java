package org.seiche.wave.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Checkpointing a toy propagator (a state of two arrays of different lengths, a step that
 * mixes them and a source term of t, the terms a step's sum): each stored step's terms
 * recomputed from the snapshots equal the forward run's to the bit, from the last down,
 * twice over one forward run; the steps recomputed are revolve's count; the snapshots are
 * given back.
 */
class DoubleCheckpointsTest {
    /** Steps state from t to t + 1; the step's terms (what an adjoint would read) into terms when not null. */
    private static void step(double[][] state, int t, double[] terms) {
        double[] a = state[0];
        double[] b = state[1];
        if (terms != null) {
            for (int i = 0; i < a.length; i++) {
                terms[i] = a[i] * b[i % b.length];
            }
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = 0.9 * a[i] + Math.sin(t + i) + b[i % b.length];
        }
        for (int j = 0; j < b.length; j++) {
            b[j] = 0.5 * b[j] - 0.1 * a[j];
        }
    }

    @Test
    void recomputedTermsAreTheForwardRunsToTheBit() {
        int[][] cases = {{1, 1, 1}, {10, 1, 2}, {37, 3, 3}, {40, 4, 2}, {100, 1, 5}, {23, 2, 40}};
        for (int[] c : cases) {
            int steps = c[0];
            int interval = c[1];
            int snapshots = c[2];
            int units = (steps + interval - 1) / interval;
            double[][] reference = new double[units][5];
            double[][] state = {new double[5], new double[3]};
            for (int t = 0; t < steps; t++) {
                step(state, t, t % interval == 0 ? reference[t / interval] : null);
            }

            int[] taken = new int[1];
            ArraySource counting = new ArraySource() {
                @Override
                public Object take(Class<?> component, int length) {
                    taken[0]++;
                    return new double[length];
                }

                @Override
                public void give(Object array) {
                    taken[0]--;
                }
            };
            DoubleCheckpoints checkpoints = new DoubleCheckpoints(steps, interval, snapshots, counting);
            double[] taped = new double[5];
            double[][] forward = {new double[5], new double[3]};
            for (int t = 0; t < steps; t++) {
                int slot = t % interval == 0 ? t / interval : -1;
                if (slot >= 0) {
                    checkpoints.forward(slot, forward);
                }
                step(forward, t, slot >= 0 && checkpoints.keptInForward(slot) ? taped : null);
            }
            double[][] replay = {new double[5], new double[3]};
            for (int pass = 0; pass < 2; pass++) {
                for (int slot = units - 1; slot >= 0; slot--) {
                    checkpoints.tape(slot, replay, (t, keep) -> step(replay, t, keep ? taped : null));
                    assertArrayEquals(reference[slot], taped, "stored step " + slot + " of case " + java.util.Arrays.toString(c)
                            + ", pass " + pass);
                }
                if (pass == 0) {
                    Revolve r = new Revolve(units, snapshots);
                    assertEquals(r.recomputedSteps(steps, interval), checkpoints.recomputed(),
                            "revolve's count, case " + java.util.Arrays.toString(c));
                }
            }
            assertTrue(checkpoints.snapshots() <= snapshots);
            assertEquals((checkpoints.snapshots() - 1L) * (5 + 3) * Double.BYTES, checkpoints.bytes(),
                    "a copy of the state per snapshot beyond the zero one");
            checkpoints.close();
            assertEquals(0, taken[0], "every snapshot array given back");
            assertEquals(0, checkpoints.bytes());
        }
    }
}
