package org.seiche.scalar.cpu;

/**
 * One time step of the 3-D scalar equation ([z, y, x], dimension 0 = depth) over a band of
 * planes, forward or adjoint: the step of {@link DoubleStencil} with one term per dimension,
 * next = v^2 dt^2 (S_z + S_y + S_x) + 2 u - previous, each term plain (the second difference)
 * where no PML term reaches along its dimension and the C-PML term of docs/scalar.md elsewhere.
 * <p>
 * Cells are stepped a row (the cells along x of one z and one y) at a time. In an interior
 * row (no PML term along z or y) the interior columns take the fused Laplacian and the
 * columns beside them the x PML term plus the plain z and y terms; every other row adds each
 * dimension's term into a row accumulator first, then updates. A band's rows go in tiles of
 * y marched down z, so that the 2 G + 1 planes of a tile the stencil reads stay in the core's
 * cache while they are needed (each plane of u is read by 2 G + 1 rows' steps). The cells'
 * arithmetic does not depend on the order, so any bands or tiles give the same bits.
 * <p>
 * These loops are the portable reference. As in {@link DoubleStencil}, every loop first
 * offers its segment to a SIMD hook ({@code simd*}, overridden by the Vector API stencils
 * DoubleVectorStencil3d1..4), which covers whole vectors and returns where it stopped.
 */
class DoubleStencil3d implements DoubleSweep {
    /** Bytes of the planes a tile keeps in cache: about half a core's L2 cache. */
    private static final int TILE_BYTES = 1 << 20;

    final int columns;
    final int guard;
    final double[] v2dt2;
    /** Strides of z, y and x. */
    final int[] stride;
    final double[][] a;
    final double[][] b;
    final double[][] db;
    final double[][] second;
    final double centre;
    /** The portable row loops (shared with the 2-D stencil). */
    private final DoubleRowTerms terms;
    final int firstColumn;
    final int endColumn;
    final int interiorColumn;
    final int interiorEndColumn;
    private final int firstRow;
    private final int endRow;
    private final int[] interiorStart;
    private final int[] interiorEnd;
    /** Rows (y) of a tile. */
    private final int tileRows;

    DoubleStencil3d(DoubleCoefficients c) {
        this(c, 1);
    }

    /** @param lanes cells a loop handles at once (1: the portable stencil; see {@link Columns}) */
    DoubleStencil3d(DoubleCoefficients c, int lanes) {
        columns = c.columns;
        guard = c.guard;
        v2dt2 = c.v2dt2;
        stride = c.stride;
        a = c.a;
        b = c.b;
        db = c.db;
        second = c.second;
        centre = c.second[0][0] + c.second[1][0] + c.second[2][0];
        terms = new DoubleRowTerms(c);
        Columns range = Columns.of(columns, c.domainStart[2], c.domainEnd[2], c.interiorStart[2], c.interiorEnd[2], lanes,
                true);
        firstColumn = range.first();
        endColumn = range.end();
        interiorColumn = range.interior();
        interiorEndColumn = range.interiorEnd();
        firstRow = c.domainStart[1];
        endRow = c.domainEnd[1];
        interiorStart = c.interiorStart;
        interiorEnd = c.interiorEnd;
        // u and a PML field read at 2 G + 1 planes, the rest once
        long rowBytes = (long) (2 * guard + 1) * 2 * columns * Double.BYTES;
        tileRows = (int) Math.max(1, Math.min(endRow - firstRow, TILE_BYTES / rowBytes));
    }

    /** Whether no PML term reaches along dimension d (0 or 1) at index j of it. */
    private boolean quiet(int d, int j) {
        return j >= interiorStart[d] && j < interiorEnd[d];
    }

    /** Steps planes [zStart, zEnd) (see {@link DoubleSweep#step}). */
    @Override
    public void step(DoubleWavefield w, int zStart, int zEnd, boolean adjoint, double[] spatial, int at, double[] row) {
        for (int y0 = firstRow; y0 < endRow; y0 += tileRows) {
            int y1 = Math.min(endRow, y0 + tileRows);
            for (int z = zStart; z < zEnd; z++) {
                for (int y = y0; y < y1; y++) {
                    int base = z * stride[0] + y * stride[1];
                    if (quiet(0, z) && quiet(1, y)) {
                        int from = base + interiorColumn;
                        int to = base + interiorEndColumn;
                        interior(w.u, w.previous, simdInterior(w.u, w.previous, from, to, spatial, at), to, spatial, at);
                        edges(w, base, adjoint, spatial, at, row);
                    } else {
                        pmlRow(w, z, y, base, adjoint, spatial, at, row);
                    }
                }
            }
        }
    }

    /**
     * A forward Born step of planes [zStart, zEnd) (see {@link DoubleSweep#bornStep}): in the
     * interior both fields step in one pass, elsewhere each steps alone and the scattered
     * field takes its coupling from bgSpatial.
     */
    @Override
    public void bornStep(DoubleWavefield bg, DoubleWavefield sc, double[] coupling, int zStart, int zEnd,
                         double[] bgSpatial, int bgAt, boolean keepBackground, double[] scSpatial, int scAt,
                         double[] row) {
        double[] s0 = keepBackground ? bgSpatial : null;
        for (int y0 = firstRow; y0 < endRow; y0 += tileRows) {
            int y1 = Math.min(endRow, y0 + tileRows);
            for (int z = zStart; z < zEnd; z++) {
                for (int y = y0; y < y1; y++) {
                    int base = z * stride[0] + y * stride[1];
                    if (quiet(0, z) && quiet(1, y)) {
                        int from = base + interiorColumn;
                        int to = base + interiorEndColumn;
                        bornInterior(bg, sc, coupling, simdBornInterior(bg, sc, coupling, from, to, s0, bgAt, scSpatial,
                                scAt), to, s0, bgAt, scSpatial, scAt);
                        edges(bg, base, false, bgSpatial, bgAt, row);
                        edges(sc, base, false, scSpatial, scAt, row);
                        couple(sc.previous, coupling, bgSpatial, bgAt, base + firstColumn, base + interiorColumn);
                        couple(sc.previous, coupling, bgSpatial, bgAt, base + interiorEndColumn, base + endColumn);
                    } else {
                        pmlRow(bg, z, y, base, false, bgSpatial, bgAt, row);
                        pmlRow(sc, z, y, base, false, scSpatial, scAt, row);
                        couple(sc.previous, coupling, bgSpatial, bgAt, base + firstColumn, base + endColumn);
                    }
                }
            }
        }
    }

    /** next += coupling x S over cells [from, to), S at spatial[at + i]. */
    private void couple(double[] next, double[] coupling, double[] spatial, int at, int from, int to) {
        imageSegment(next, coupling, spatial, at, simdImage(next, coupling, spatial, at, from, to, 1), to, 1);
    }

    @Override
    public void image(double[] gradient, double[] mu, double[] spatial, int at, int zStart, int zEnd, int weight) {
        for (int z = zStart; z < zEnd; z++) {
            for (int y = firstRow; y < endRow; y++) {
                int base = z * stride[0] + y * stride[1];
                int from = base + firstColumn;
                int to = base + endColumn;
                imageSegment(gradient, mu, spatial, at, simdImage(gradient, mu, spatial, at, from, to, weight), to, weight);
            }
        }
    }

    /** gradient += weight * mu * S over cells [from, to). */
    final void imageSegment(double[] gradient, double[] mu, double[] spatial, int at, int from, int to, double weight) {
        DoubleRowTerms.image(gradient, mu, spatial, at, from, to, weight);
    }

    /** A row with PML terms along z or y: each dimension's term into the row accumulator, then the update. */
    private void pmlRow(DoubleWavefield w, int z, int y, int base, boolean adjoint, double[] spatial, int at,
                        double[] row) {
        term(0, w, base, z, adjoint, row, false);
        term(1, w, base, y, adjoint, row, true);
        pml(2, w, base, 0, firstColumn, interiorColumn, adjoint, row, true);
        pml(2, w, base, 0, interiorEndColumn, endColumn, adjoint, row, true);
        finish(w, base, firstColumn, interiorColumn, spatial, at, row);
        // the plain x term and the update in one pass
        int from = simdPlainFinish(w, base, interiorColumn, interiorEndColumn, spatial, at, row);
        plain(2, w.u, base, from, interiorEndColumn, row, true);
        finish(w, base, from, interiorEndColumn, spatial, at, row);
        finish(w, base, interiorEndColumn, endColumn, spatial, at, row);
    }

    /** The term of dimension d (0 or 1) over the row at index j of d: plain or PML. */
    private void term(int d, DoubleWavefield w, int base, int j, boolean adjoint, double[] row, boolean add) {
        if (quiet(d, j)) {
            plain(d, w.u, base, firstColumn, endColumn, row, add);
        } else {
            pml(d, w, base, j, firstColumn, endColumn, adjoint, row, add);
        }
    }

    /** The columns beside the interior of an interior row: plain z and y terms, the x PML term. */
    private void edges(DoubleWavefield w, int base, boolean adjoint, double[] spatial, int at, double[] row) {
        edge(w, base, firstColumn, interiorColumn, adjoint, spatial, at, row);
        edge(w, base, interiorEndColumn, endColumn, adjoint, spatial, at, row);
    }

    private void edge(DoubleWavefield w, int base, int start, int to, boolean adjoint, double[] spatial, int at,
                      double[] row) {
        int from = start < to ? simdEdge(w, base, start, to, adjoint, spatial, at, row) : to;
        if (from < to) {
            plain(0, w.u, base, from, to, row, false);
            plain(1, w.u, base, from, to, row, true);
            pml(2, w, base, 0, from, to, adjoint, row, true);
            finish(w, base, from, to, spatial, at, row);
        }
    }

    /** The SIMD part of {@link #interior} from its start; returns where it stopped (here: nothing done). */
    int simdInterior(double[] u, double[] next, int from, int to, double[] spatial, int at) {
        return from;
    }

    /** The SIMD part of an interior row's columns beside the interior (row: scratch); returns where it stopped. */
    int simdEdge(DoubleWavefield w, int base, int from, int to, boolean adjoint, double[] spatial, int at, double[] row) {
        return from;
    }

    /** The SIMD part of {@link #bornInterior}. */
    int simdBornInterior(DoubleWavefield bg, DoubleWavefield sc, double[] coupling, int from, int to, double[] s0, int at0,
                         double[] s1, int at1) {
        return from;
    }

    /** The SIMD part of {@link #imageSegment}. */
    int simdImage(double[] gradient, double[] mu, double[] spatial, int at, int from, int to, double weight) {
        return from;
    }

    /** The SIMD part of {@link #plainSegment}. */
    int simdPlain(int d, double[] f, int base, int from, int to, double[] row, boolean add) {
        return from;
    }

    /** The SIMD part of {@link #pmlForward}. */
    int simdPmlForward(int d, DoubleWavefield w, int base, int j, int from, int to, double[] row, boolean add) {
        return from;
    }

    /** The SIMD part of {@link #pmlAdjoint}. */
    int simdPmlAdjoint(int d, DoubleWavefield w, int base, int j, int from, int to, double[] row, boolean add) {
        return from;
    }

    /** The SIMD part of the plain x term added to the row accumulator and the update, in one pass. */
    int simdPlainFinish(DoubleWavefield w, int base, int from, int to, double[] spatial, int at, double[] row) {
        return from;
    }

    /** The SIMD part of {@link #finishSegment}. */
    int simdFinish(DoubleWavefield w, int base, int from, int to, double[] spatial, int at, double[] row) {
        return from;
    }

    private void plain(int d, double[] f, int base, int from, int to, double[] row, boolean add) {
        plainSegment(d, f, base, simdPlain(d, f, base, from, to, row, add), to, row, add);
    }

    private void pml(int d, DoubleWavefield w, int base, int j, int from, int to, boolean adjoint, double[] row,
                     boolean add) {
        if (adjoint) {
            pmlAdjoint(d, w, base, j, simdPmlAdjoint(d, w, base, j, from, to, row, add), to, row, add);
        } else {
            pmlForward(d, w, base, j, simdPmlForward(d, w, base, j, from, to, row, add), to, row, add);
        }
    }

    private void finish(DoubleWavefield w, int base, int from, int to, double[] spatial, int at, double[] row) {
        finishSegment(w, base, simdFinish(w, base, from, to, spatial, at, row), to, spatial, at, row);
    }

    /** The three dimensions plain: the Laplacian, fused with the update. */
    final void interior(double[] u, double[] next, int from, int to, double[] spatial, int at) {
        for (int i = from; i < to; i++) {
            double s = laplacian(u, i);
            next[i] = DoubleStencil.flush(v2dt2[i] * s + 2 * u[i] - next[i]);
            if (spatial != null) {
                spatial[at + i] = s;
            }
        }
    }

    /** Both fields of a Born step in the interior: the Laplacians fused with both updates. */
    final void bornInterior(DoubleWavefield bg, DoubleWavefield sc, double[] coupling, int from, int to, double[] s0,
                            int at0, double[] s1, int at1) {
        final double[] u0 = bg.u;
        final double[] u1 = sc.u;
        final double[] next0 = bg.previous;
        final double[] next1 = sc.previous;
        for (int i = from; i < to; i++) {
            double l0 = laplacian(u0, i);
            double l1 = laplacian(u1, i);
            next0[i] = DoubleStencil.flush(v2dt2[i] * l0 + 2 * u0[i] - next0[i]);
            next1[i] = DoubleStencil.flush(v2dt2[i] * l1 + 2 * u1[i] - next1[i] + coupling[i] * l0);
            if (s0 != null) {
                s0[at0 + i] = l0;
            }
            if (s1 != null) {
                s1[at1 + i] = l1;
            }
        }
    }

    private double laplacian(double[] u, int i) {
        final double[] cz = second[0];
        final double[] cy = second[1];
        final double[] cx = second[2];
        final int sz = stride[0];
        final int sy = stride[1];
        double s = centre * u[i];
        for (int k = 1; k <= guard; k++) {
            s += cz[k] * (u[i + k * sz] + u[i - k * sz]) + cy[k] * (u[i + k * sy] + u[i - k * sy])
                    + cx[k] * (u[i + k] + u[i - k]);
        }
        return s;
    }

    /** Sets or adds the plain second difference of f along d to row[x] for x in [from, to). */
    final void plainSegment(int d, double[] f, int base, int from, int to, double[] row, boolean add) {
        terms.plain(d, f, base, from, to, row, add);
    }

    /** The forward PML term along d over a row segment; the profile index is j along z or y, the column along x. */
    final void pmlForward(int d, DoubleWavefield w, int base, int j, int from, int to, double[] row, boolean add) {
        terms.pmlForward(d, w, base, j, from, to, row, add);
    }

    /** The adjoint PML term along d over a row segment, profile index as {@link #pmlForward}. */
    final void pmlAdjoint(int d, DoubleWavefield w, int base, int j, int from, int to, double[] row, boolean add) {
        terms.pmlAdjoint(d, w, base, j, from, to, row, add);
    }

    /** next = v^2 dt^2 S + 2 u - previous over a row segment, S from the row accumulator. */
    final void finishSegment(DoubleWavefield w, int base, int from, int to, double[] spatial, int at, double[] row) {
        terms.finish(w, base, from, to, spatial, at, row);
    }
}
