package org.seiche.elastic.cpu.f64;

/**
 * One part of a half-step for a row. Portable: its passes over the domain's columns, PML
 * terms included. Vector: its main loop over whole vectors without PML terms, then its y
 * PML terms on the rows where the y profile is active and its x PML terms on the x strips
 * rounded out to whole vectors (where the profiles are zero these leave a cell unchanged).
 * Every loop is called through {@link Op}, a call site with many targets, so that each is
 * compiled on its own: inlined into one method, a half-step's loops exhaust the JIT's
 * node budget and stop being vectorised.
 */
final class Part {
    /** A loop over columns [from, to) of domain row i; slot: the history slot of the step or -1. */
    interface Op {
        void run(int i, int slot, RowBuffers b, int from, int to);
    }

    private final Op main;
    private final int from;
    private final int to;
    private final Op y;
    private final boolean[] dampedRows;
    private final Op x;
    private final int left;
    private final int right;

    private Part(Op main, int from, int to, Op y, boolean[] dampedRows, Op x, int left, int right) {
        this.main = main;
        this.from = from;
        this.to = to;
        this.y = y;
        this.dampedRows = dampedRows;
        this.x = x;
        this.left = left;
        this.right = right;
    }

    static Part passes(Grid g, Op passes) {
        return new Part(passes, g.first, g.last, null, null, null, g.first, g.first);
    }

    /**
     * @param y          the y PML terms (null: none), run on the rows where dampedRows is set
     * @param x          the x PML terms (null: none) on [first, left) and [right, end), called
     *                   once for both strips with (left, right) as its columns
     * @param left       the end of the left x strip, rounded up to whole vectors
     * @param right      the start of the right x strip, rounded down to whole vectors
     */
    static Part vectors(Grid g, Op main, Op y, boolean[] dampedRows, Op x, int left, int right) {
        return new Part(main, g.first, g.end, y, dampedRows, x, left, right);
    }

    /** Part without PML terms. */
    static Part vectors(Grid g, Op main) {
        return new Part(main, g.first, g.end, null, null, null, g.first, g.first);
    }

    void row(int i, int slot, RowBuffers b) {
        main.run(i, slot, b, from, to);
        if (y != null && dampedRows[i]) {
            y.run(i, slot, b, from, to);
        }
        if (x != null && (left > from || right < to)) {
            x.run(i, slot, b, left, right);
        }
    }
}
