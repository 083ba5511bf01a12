package org.seiche.wave.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The checkpointing every propagator runs ({@link RevolveCursor} and {@link DoubleSnapshots}).
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
                            assertEquals(t / interval == units - 1, snapshots.forward(cursor, t / interval, forward));
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

    /**
     * A toy propagator (a state of two arrays of different lengths, a step that mixes them
     * and a source term of t, the terms a step's products): each stored step's terms
     * recomputed from the snapshots equal the forward run's to the bit, from the last down,
     * twice over one forward run; a snapshot is a copy of the state; its arrays are given back.
     */
    @Test
    void recomputedTermsAreTheForwardRunsToTheBit() {
        int[][] cases = {{1, 1, 1}, {10, 1, 2}, {37, 3, 3}, {40, 4, 2}, {100, 1, 5}, {23, 2, 40}};
        for (int[] c : cases) {
            int steps = c[0];
            int interval = c[1];
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
            RevolveCursor cursor = new RevolveCursor(steps, interval, c[2]);
            DoubleSnapshots snapshots = new DoubleSnapshots(cursor.usedSnapshots(), counting);
            double[] taped = new double[5];
            double[][] forward = {new double[5], new double[3]};
            for (int t = 0; t < steps; t++) {
                int slot = t % interval == 0 ? t / interval : -1;
                boolean kept = slot >= 0 && snapshots.forward(cursor, slot, forward);
                step(forward, t, kept ? taped : null);
            }
            double[][] replayState = {new double[5], new double[3]};
            RevolveCursor.Replay replay = snapshots.replay(replayState, (t, keep) -> step(replayState, t, keep ? taped : null));
            for (int pass = 0; pass < 2; pass++) {
                for (int slot = units - 1; slot >= 0; slot--) {
                    cursor.tape(slot, replay);
                    assertArrayEquals(reference[slot], taped, "stored step " + slot + " of case " + java.util.Arrays.toString(c)
                            + ", pass " + pass);
                }
            }
            assertTrue(cursor.usedSnapshots() <= c[2]);
            assertEquals((cursor.usedSnapshots() - 1L) * (5 + 3) * Double.BYTES, snapshots.bytes(),
                    "a copy of the state per snapshot beyond the zero one");
            snapshots.release();
            assertEquals(0, taken[0], "every snapshot array given back");
            assertEquals(0, snapshots.bytes());
        }
    }

    /**
     * Two shots whose state is their step number, stepped together by the first one's
     * cursor for the last stored steps (the second follows it), then each on its own: every
     * stored step is taped from its own state in both.
     */
    @Test
    void aShotThatFollowsAGroupGoesOnAlone() {
        int steps = 40;
        int units = steps;
        RevolveCursor[] cursors = {new RevolveCursor(steps, 1, 3), new RevolveCursor(steps, 1, 3)};
        DoubleSnapshots[] snapshots = new DoubleSnapshots[2];
        double[][][] replay = new double[2][][];
        int[] taped = {-1, -1};
        RevolveCursor.Replay[] alone = new RevolveCursor.Replay[2];
        for (int s = 0; s < 2; s++) {
            snapshots[s] = new DoubleSnapshots(cursors[s].usedSnapshots(), ArraySource.NEW);
            double[][] forward = {{0}};
            for (int t = 0; t < steps; t++) {
                snapshots[s].forward(cursors[s], t, forward);
                forward[0][0]++;
            }
            double[][] state = {{-1}};
            replay[s] = state;
            int shot = s;
            alone[s] = snapshots[s].replay(state, (t, tape) -> {
                assertEquals(t, state[0][0], "shot " + shot + ": step " + t + " from its own state");
                taped[shot] = tape ? t : taped[shot];
                state[0][0]++;
            });
        }
        RevolveCursor.Replay both = new RevolveCursor.Replay() {
            @Override
            public void save(int snapshot) {
                alone[0].save(snapshot);
                alone[1].save(snapshot);
            }

            @Override
            public void restore(int snapshot) {
                alone[0].restore(snapshot);
                alone[1].restore(snapshot);
            }

            @Override
            public void step(int t, boolean tape) {
                alone[0].step(t, tape);
                alone[1].step(t, tape);
            }
        };
        for (int slot = units - 1; slot >= 0; slot--) {
            if (slot > units / 2) {
                cursors[0].tape(slot, both);
                cursors[1].follow(cursors[0]);
            } else {
                cursors[0].tape(slot, alone[0]);
                cursors[1].tape(slot, alone[1]);
            }
            for (int s = 0; s < 2 && slot < units - 1; s++) {
                assertEquals(slot, taped[s], "shot " + s + ", stored step " + slot + " taped");
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
