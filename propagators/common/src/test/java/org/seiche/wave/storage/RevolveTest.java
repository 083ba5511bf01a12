package org.seiche.wave.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Revolve's schedule reverses the chain correctly, within its snapshots, in the fewest forward steps. */
class RevolveTest {
    /** Griewank's recursion t(l, c) = min over m of m + t(l - m, c - 1) + t(m, c), by dynamic programming. */
    private static long[][] optimal(int maxUnits, int maxSnapshots) {
        long inf = Long.MAX_VALUE / 4;
        long[][] t = new long[maxUnits + 1][maxSnapshots + 1];
        for (int l = 2; l <= maxUnits; l++) {
            t[l][0] = inf;
            for (int c = 1; c <= maxSnapshots; c++) {
                long best = inf;
                for (int m = 1; m < l; m++) {
                    best = Math.min(best, m + t[l - m][c - 1] + t[m][c]);
                }
                t[l][c] = best;
            }
        }
        return t;
    }

    @Test
    void theClosedFormIsTheOptimalRecursion() {
        long[][] t = optimal(120, 8);
        for (int l = 1; l <= 120; l++) {
            for (int c = 1; c <= 8; c++) {
                assertEquals(t[l][c], Revolve.forwardSteps(l, c), "t(" + l + ", " + c + ")");
            }
        }
        assertEquals(1000L * 999 / 2, Revolve.forwardSteps(1000, 1));
        assertEquals(999, Revolve.forwardSteps(1000, 1000), "enough snapshots: one sweep");
    }

    /**
     * Plays the schedule on a chain whose state is its unit number: every unit is taped once,
     * from the last to the first, from its own state; no snapshot beyond the count is used,
     * a restore gives what was saved; the advances add up to revolve's bound.
     */
    @Test
    void theScheduleReversesEveryUnitWithinItsSnapshotsInTheFewestSteps() {
        for (int l : new int[] {1, 2, 3, 7, 10, 55, 100, 333}) {
            for (int c : new int[] {1, 2, 3, 5, 9, 400}) {
                Revolve r = new Revolve(l, c);
                int[] saved = new int[c];
                java.util.Arrays.fill(saved, -1);
                saved[0] = 0;
                int state = 0;
                int next = l - 1;
                long advanced = 0;
                for (int i = 0; i < r.size(); i++) {
                    int a = r.a(i);
                    int b = r.b(i);
                    switch (r.action(i)) {
                        case Revolve.ADVANCE -> {
                            assertEquals(a, state, "advance from where the chain stands");
                            state = b;
                            advanced += b - a;
                        }
                        case Revolve.SAVE -> {
                            assertTrue(b < c, "snapshot " + b + " of " + c);
                            assertEquals(a, state);
                            saved[b] = state;
                        }
                        case Revolve.RESTORE -> {
                            assertEquals(a, saved[b], "snapshot " + b + " holds unit " + a);
                            state = saved[b];
                        }
                        default -> {
                            assertEquals(next, a, "units taped from the last down");
                            assertEquals(a, state, "a unit is taped from its own state");
                            next--;
                        }
                    }
                }
                assertEquals(-1, next, "every unit taped, l " + l + " c " + c);
                assertEquals(Revolve.forwardSteps(l, c), advanced, "l " + l + " c " + c);
                assertTrue(r.usedSnapshots() <= c);
                assertEquals(l - 1, r.a(r.firstTape()), "the first sweep ends taping the last unit");
                // after the first sweep (l - 1 units advanced, the last taped) come the other advances and l - 1
                // tapes: as many as the bound when a unit is one step
                assertEquals(Revolve.forwardSteps(l, c), r.recomputedSteps(l, 1), "l " + l + " c " + c);
            }
        }
    }
}
