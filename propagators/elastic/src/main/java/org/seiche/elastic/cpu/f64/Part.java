package org.seiche.elastic.cpu.f64;

/**
 * One part of a half-step for a row: its fused vector loop ({@link FusedRows}), plain where
 * none of its memory variables is active (a row outside its y PML, between its x strips) and
 * damped elsewhere; or its passes, when there is no vector loop. They are called through
 * interfaces, so that each is compiled on its own: inlined into one method, a half-step's
 * dozens of loops exhaust the JIT's budget and stop being vectorised.
 */
final class Part {
    /** The passes over columns [from, to). */
    interface Passes {
        void run(int i, int slot, RowBuffers b, int from, int to);
    }

    /** The vector loop over columns [from, to) (whole vectors); damped: with the memory variables. */
    interface Fused {
        void run(int i, int slot, int from, int to, boolean damped);
    }

    private final Grid g;
    private final Passes passes;
    private final Fused fused;
    private final boolean[] dampedRows;
    private final int left;
    private final int right;

    /**
     * @param fused      null: passes only
     * @param dampedRows rows where a y memory variable of this part is active (null: none)
     * @param left       the end of this part's left x strip, rounded up to whole vectors
     * @param right      the start of its right x strip, rounded down to whole vectors
     */
    Part(Grid g, Passes passes, Fused fused, boolean[] dampedRows, int left, int right) {
        this.g = g;
        this.passes = passes;
        this.fused = fused;
        this.dampedRows = dampedRows;
        this.left = left;
        this.right = right;
    }

    void row(int i, int slot, RowBuffers b) {
        if (fused == null) {
            passes.run(i, slot, b, g.first, g.last);
        } else if (dampedRows != null && dampedRows[i]) {
            fused.run(i, slot, g.first, g.end, true);
        } else {
            fused.run(i, slot, g.first, left, true);
            fused.run(i, slot, left, right, false);
            fused.run(i, slot, right, g.end, true);
        }
    }
}
