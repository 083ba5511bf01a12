package org.seiche.wave.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A chain whose state is its step number, checkpointed by a cursor and snapshots: the
 * forward run saves what the first sweep saves; each stored step's adjoint finds its taped
 * step recomputed from the state just before it; the recomputed steps are the plan's
 * (Revolve.recomputedSteps), and a second adjoint of the same forward run works too.
 */
class RevolveCursorTest {
    @Test
    void everyStoredStepIsTapedFromItsOwnStateAsOftenAsPlanned() {
        for (int steps : new int[] {1, 2, 9, 40, 101}) {
            for (int interval : new int[] {1, 3}) {
                for (int c : new int[] {1, 2, 4, 50}) {
                    RevolveCursor cursor = new RevolveCursor(steps, interval, c);
                    DoubleSnapshots snapshots = new DoubleSnapshots(cursor.usedSnapshots(), ArraySource.NEW);
                    double[][] forward = {{0}};
                    int units = (steps + interval - 1) / interval;
                    for (int t = 0; t < steps; t++) {
                        if (t % interval == 0) {
                            int s = cursor.forwardSave(t / interval);
                            if (s >= 0) {
                                snapshots.save(s, forward);
                            }
                            assertEquals(t / interval == units - 1, cursor.forwardKeeps(t / interval));
                        }
                        forward[0][0]++;
                    }
                    for (int pass = 1; pass <= 2; pass++) {
                        double[][] replay = {{-1}};
                        int[] taped = {-1};
                        RevolveCursor.Replay chain = new RevolveCursor.Replay() {
                            @Override
                            public void save(int snapshot) {
                                snapshots.save(snapshot, replay);
                            }

                            @Override
                            public void restore(int snapshot) {
                                snapshots.restore(snapshot, replay);
                            }

                            @Override
                            public void step(int t, boolean tape) {
                                assertEquals(t, replay[0][0], "step " + t + " from its own state");
                                if (tape) {
                                    taped[0] = t;
                                }
                                replay[0][0]++;
                            }
                        };
                        long before = cursor.recomputed();
                        for (int slot = units - 1; slot >= 0; slot--) {
                            cursor.tape(slot, chain);
                            boolean kept = pass == 1 && slot == units - 1;
                            if (!kept) {
                                assertEquals(slot * interval, taped[0], "stored step " + slot + " taped");
                            }
                        }
                        long recomputed = cursor.recomputed() - before;
                        long planned = new Revolve(units, c).recomputedSteps(steps, interval);
                        // the second pass also reruns the first sweep, the last unit taped included
                        long firstSweep = pass == 1 ? 0 : (long) (units - 1) * interval + 1;
                        assertEquals(planned + firstSweep, recomputed, "steps " + steps + " interval " + interval + " c " + c);
                    }
                    assertTrue(snapshots.bytes() <= (long) Math.max(0, cursor.usedSnapshots() - 1) * Double.BYTES);
                    snapshots.release();
                }
            }
        }
    }

    @Test
    void snapshotZeroIsTheZeroState() {
        DoubleSnapshots s = new DoubleSnapshots(2, ArraySource.NEW);
        double[][] state = {{1, 2}, {3, 4}};
        s.save(1, state);
        s.restore(0, state);
        assertArrayEquals(new double[] {0, 0}, state[1]);
        s.restore(1, state);
        assertArrayEquals(new double[] {3, 4}, state[1]);
        assertEquals(4 * Double.BYTES, s.bytes());
    }
}
