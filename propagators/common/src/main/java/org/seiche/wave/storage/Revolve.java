package org.seiche.wave.storage;

import java.util.Arrays;

/**
 * Griewank's binomial checkpointing (revolve): the order of forward advances, snapshots
 * and taped steps that reverses a chain of {@code units} steps holding at most
 * {@code snapshots} states at once (the initial state included) with the fewest forward
 * steps, t(l, c) = r l - C(c + r, r - 1), r the least integer with C(c + r, r) >= l
 * (Griewank and Walther, ACM TOMS 26, 2000). A unit's adjoint needs its taped forward step
 * just before it; the schedule lists, in order, what to do:
 * <ul>
 * <li>{@link #ADVANCE} from unit a to unit b (b - a forward units, nothing taped),</li>
 * <li>{@link #SAVE} the current state (at unit a) into snapshot b,</li>
 * <li>{@link #RESTORE} snapshot b (holding unit a) as the current state,</li>
 * <li>{@link #TAPE} unit a: a forward step from its state, kept for its adjoint, which follows.</li>
 * </ul>
 * Snapshot 0 holds unit 0 from the start. The first actions, up to the first TAPE (of the
 * last unit), are the first forward sweep.
 */
public final class Revolve {
    public static final int ADVANCE = 0;
    public static final int SAVE = 1;
    public static final int RESTORE = 2;
    public static final int TAPE = 3;

    private final int units;
    private final int snapshots;
    /** Triples (action, a, b). */
    private int[] actions = new int[48];
    private int size;
    private int usedSnapshots = 1;

    /** The schedule reversing {@code units} units with {@code snapshots} >= 1 states held at once. */
    public Revolve(int units, int snapshots) {
        if (units < 1 || snapshots < 1) {
            throw new IllegalArgumentException("revolve needs at least one unit and one snapshot, got " + units + ", "
                    + snapshots);
        }
        this.units = units;
        this.snapshots = snapshots;
        reverse(0, units, snapshots, 0);
        actions = Arrays.copyOf(actions, size);
    }

    /**
     * Reverses units [start, start + l) from the current state at start, held in snapshot
     * slot; c snapshots are free for this, slot's included. The second half of each split
     * is a loop, so the depth of the recursion is at most c.
     */
    private void reverse(int start, int l, int c, int slot) {
        while (l > 1) {
            int m = split(l, c);
            add(ADVANCE, start, start + m);
            if (l - m > 1) {
                int next = slot + 1;
                usedSnapshots = Math.max(usedSnapshots, next + 1);
                add(SAVE, start + m, next);
                reverse(start + m, l - m, c - 1, next);
            } else {
                add(TAPE, start + m, 0);
            }
            add(RESTORE, start, slot);
            l = m;
        }
        add(TAPE, start, 0);
    }

    /**
     * The first advance m of an optimal reversal of l units with c snapshots: the cost
     * m + t(l - m, c - 1) + t(m, c) is convex in m, so its least point is where its
     * increments turn non-negative (a binary search).
     */
    private static int split(int l, int c) {
        if (c == 1) {
            return l - 1;
        }
        int lo = 1;
        int hi = l - 1;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            long rise = 1 + forwardSteps(m + 1, c) - forwardSteps(m, c) - forwardSteps(l - m, c - 1)
                    + forwardSteps(l - m - 1, c - 1);
            if (rise >= 0) {
                hi = m;
            } else {
                lo = m + 1;
            }
        }
        return lo;
    }

    private void add(int action, int a, int b) {
        if (size + 3 > actions.length) {
            actions = Arrays.copyOf(actions, actions.length * 2);
        }
        actions[size++] = action;
        actions[size++] = a;
        actions[size++] = b;
    }

    /**
     * Griewank's bound: the fewest forward units (advances, the first sweep's included,
     * taped steps not) that reverse l units with c snapshots; 0 for l <= 1, and l (l - 1) / 2
     * for c = 1. Needs c >= 1 when l > 1.
     */
    public static long forwardSteps(long l, int c) {
        if (l <= 1) {
            return 0;
        }
        // r: C(c + r - 1, r - 1) < l <= C(c + r, r), built up by C(c + r, r) = C(c + r - 1, r - 1) (c + r) / r
        long beta = 1;
        int r = 0;
        while (beta < l) {
            r++;
            beta = beta * (c + r) / r;
        }
        // C(c + r, r - 1) = C(c + r, r) r / (c + 1)
        long below = beta * r / (c + 1);
        return r * l - below;
    }

    public int units() {
        return units;
    }

    /** Snapshots the schedule asked for. */
    public int snapshots() {
        return snapshots;
    }

    /** Snapshots it holds at most at once (at most {@link #snapshots()}; the initial state's included). */
    public int usedSnapshots() {
        return usedSnapshots;
    }

    /** Number of actions. */
    public int size() {
        return size / 3;
    }

    public int action(int i) {
        return actions[3 * i];
    }

    public int a(int i) {
        return actions[3 * i + 1];
    }

    public int b(int i) {
        return actions[3 * i + 2];
    }

    /** Units advanced over the whole schedule, the first sweep's included. */
    public long advancedUnits() {
        long n = 0;
        for (int i = 0; i < size(); i++) {
            if (action(i) == ADVANCE) {
                n += b(i) - a(i);
            }
        }
        return n;
    }

    /** Index of the first TAPE: the actions before it are the first forward sweep. */
    public int firstTape() {
        int i = 0;
        while (action(i) != TAPE) {
            i++;
        }
        return i;
    }

    /**
     * Forward steps the adjoint recomputes when a unit is {@code interval} steps of a
     * chain of {@code steps} and a taped unit is one step (the one whose values its adjoint
     * needs): every advance and taped step after the first sweep, which the forward run makes.
     */
    public long recomputedSteps(int steps, int interval) {
        long n = 0;
        for (int i = firstTape() + 1; i < size(); i++) {
            if (action(i) == ADVANCE) {
                n += Math.min((long) b(i) * interval, steps) - (long) a(i) * interval;
            } else if (action(i) == TAPE) {
                n++;
            }
        }
        return n;
    }
}
