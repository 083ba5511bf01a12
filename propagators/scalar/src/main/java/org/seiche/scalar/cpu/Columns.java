package org.seiche.scalar.cpu;

/**
 * The columns (cells along the last dimension) a stencil steps in every row: [first, end),
 * of which [interior, interiorEnd) need no PML term along the columns. With SIMD lanes the
 * segments beside the interior are widened to whole vectors (the PML terms vanish exactly
 * where the profiles do, so a quiet cell may take either path); and when a whole number of
 * vectors fits between the guard columns, the rows widen into them: the SIMD stencils step
 * guard cells with zero coefficients (see DoubleCoefficients#domainOnly), so no cell is left
 * to the one-at-a-time tails.
 */
record Columns(int first, int end, int interior, int interiorEnd) {
    /**
     * From a row's length, the domain's columns [domainStart, domainEnd), those where no PML
     * term reaches [interiorStart, interiorEnd), the cells a loop handles at once (1: the
     * portable stencil), and whether rows lie before and after every stepped row (a row
     * widened into its guard columns reads a stencil's reach beyond them: not in a 1-D grid).
     */
    static Columns of(int columns, int domainStart, int domainEnd, int interiorStart, int interiorEnd, int lanes,
                      boolean rowsBeside) {
        int width = domainEnd - domainStart;
        int spare = roundUp(width, lanes) - width;
        boolean widen = lanes > 1 && rowsBeside && spare <= domainStart + (columns - domainEnd);
        int left = widen ? Math.min(spare, domainStart) : 0;
        int first = domainStart - left;
        int end = domainEnd + (widen ? spare - left : 0);
        int from = first + roundUp(interiorStart - first, lanes);
        int to = end - roundUp(end - interiorEnd, lanes);
        return from < to ? new Columns(first, end, from, to) : new Columns(first, end, end, end);
    }

    private static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }
}
