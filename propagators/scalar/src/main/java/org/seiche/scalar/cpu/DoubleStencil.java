package org.seiche.scalar.cpu;

import org.seiche.wave.DoubleLanes;
import org.seiche.wave.FlushToZero;

/**
 * One time step of the 2-D scalar equation over a band of rows, forward or adjoint.
 * Both read the current field and the PML fields of a {@link DoubleWavefield} and write
 * the next ones; per cell the update is next = v^2 dt^2 S + 2 u - previous, where S sums
 * one term per dimension. Where no PML term reaches (the interior) S is the Laplacian in
 * both directions; elsewhere each dimension adds its own term, plain or PML, into a row
 * accumulator first.
 * <p>
 * Forward PML term of dimension d (docs/scalar.md), with p = psi, z = zeta:
 * tmp = (1 + b) D2 u + (D b) D u + D(a p); p' = a p + b D u; z' = a z + b tmp; S_d = tmp + z'.
 * Adjoint, run on mu = v^2 dt^2 lambda (so that the interior step is the forward one), with
 * P, Z the adjoints of p, z and q = (1 + b) mu + b Z: S_d = D2((1 + b) q) - D((D b) q + b P);
 * P' = a (P - D q); Z' = a (mu + Z).
 * <p>
 * These loops are the portable reference. Every loop first offers its segment to a SIMD
 * hook ({@code simd*}, overridden by the Vector API stencils of DoubleVectorStencils), which
 * covers whole vectors and returns where it stopped; the portable loop does the rest. The
 * hooks are separate methods so that the JIT compiles each SIMD loop on its own: a loop
 * with the portable tail inlined grows past the JIT's inlining budget and its vectors get
 * boxed.
 */
class DoubleStencil implements DoubleSweep {
    final int columns;
    final int guard;
    final double[] v2dt2;
    final int[] stride;
    final double[][] a;
    final double[][] b;
    final double[][] db;
    final double[][] first;
    final double[][] second;
    final double centre;
    /** The portable row loops (shared with the 3-D stencil). */
    private final DoubleRowTerms terms;
    private final int firstColumn;
    private final int endColumn;
    private final int interiorColumn;
    private final int interiorEndColumn;
    private final int interiorRow;
    private final int interiorEndRow;

    DoubleStencil(DoubleCoefficients c) {
        this(c, 1);
    }

    /** @param lanes cells a loop handles at once (1: the portable stencil; see {@link Columns}) */
    DoubleStencil(DoubleCoefficients c, int lanes) {
        columns = c.columns;
        guard = c.guard;
        v2dt2 = c.v2dt2;
        stride = c.stride;
        a = c.a;
        b = c.b;
        db = c.db;
        first = c.first;
        second = c.second;
        centre = c.second[0][0] + c.second[1][0];
        terms = new DoubleRowTerms(c);
        // a line (1-D) has no rows beside it for a widened row's stencil to reach into
        Columns range = Columns.of(columns, c.domainStart[1], c.domainEnd[1], c.interiorStart[1], c.interiorEnd[1], lanes,
                c.rows > 1);
        firstColumn = range.first();
        endColumn = range.end();
        interiorColumn = range.interior();
        interiorEndColumn = range.interiorEnd();
        interiorRow = c.interiorStart[0];
        interiorEndRow = c.interiorEnd[0];
    }

    /** Fields below this magnitude are stored as zero (see DoubleLanes). */
    static final double NEGLIGIBLE = DoubleLanes.NEGLIGIBLE;

    /**
     * Whether the SIMD loops flush what they store: not when the processor flushes
     * subnormals itself ({@link FlushToZero}); a constant, so the JIT drops the other branch.
     */
    static final boolean FLUSH = !FlushToZero.AVAILABLE;

    /** x, or zero when it is negligible (the SIMD loops do the same). */
    static double flush(double x) {
        return Math.abs(x) < NEGLIGIBLE ? 0 : x;
    }

    /** Steps rows [rowStart, rowEnd) (see {@link DoubleSweep#step}). */
    @Override
    public void step(DoubleWavefield w, int rowStart, int rowEnd, boolean adjoint, double[] spatial, int at, double[] row) {
        for (int y = rowStart; y < rowEnd; y++) {
            if (y >= interiorRow && y < interiorEndRow) {
                int from = y * columns + interiorColumn;
                int to = y * columns + interiorEndColumn;
                interior(w.u, w.previous, simdInterior(w.u, w.previous, from, to, spatial, at), to, spatial, at);
            } else {
                pmlRow(w, y, adjoint, spatial, at, row);
            }
        }
        strips(w, rowStart, rowEnd, adjoint, spatial, at, row);
    }

    /**
     * A forward Born step of rows [rowStart, rowEnd): the background bg and the scattered sc,
     * whose source coupling x S(bg) (coupling = r v^2 dt^2) is added to its next field. In the
     * interior both fields step in one pass and S(bg) goes into bgSpatial only when
     * keepBackground (a stored step); elsewhere bgSpatial, of the whole grid, carries S(bg)
     * to sc. scSpatial, when not null, receives S(sc).
     */
    @Override
    public void bornStep(DoubleWavefield bg, DoubleWavefield sc, double[] coupling, int rowStart, int rowEnd, double[] bgSpatial,
                  int bgAt, boolean keepBackground, double[] scSpatial, int scAt, double[] row) {
        double[] s0 = keepBackground ? bgSpatial : null;
        for (int y = rowStart; y < rowEnd; y++) {
            if (y >= interiorRow && y < interiorEndRow) {
                int from = y * columns + interiorColumn;
                int to = y * columns + interiorEndColumn;
                bornInterior(bg, sc, coupling, simdBornInterior(bg, sc, coupling, from, to, s0, bgAt, scSpatial, scAt), to,
                        s0, bgAt, scSpatial, scAt);
            } else {
                pmlRow(bg, y, false, bgSpatial, bgAt, row);
                pmlRow(sc, y, false, scSpatial, scAt, row);
                int at = y * columns;
                couple(sc.previous, coupling, bgSpatial, bgAt, at + firstColumn, at + endColumn);
            }
        }
        strips(bg, rowStart, rowEnd, false, bgSpatial, bgAt, row);
        strips(sc, rowStart, rowEnd, false, scSpatial, scAt, row);
        for (int y = Math.max(rowStart, interiorRow); y < Math.min(rowEnd, interiorEndRow); y++) {
            int at = y * columns;
            couple(sc.previous, coupling, bgSpatial, bgAt, at + firstColumn, at + interiorColumn);
            couple(sc.previous, coupling, bgSpatial, bgAt, at + interiorEndColumn, at + endColumn);
        }
    }

    /** next += coupling x S over cells [from, to), S at spatial[at + i]. */
    private void couple(double[] next, double[] coupling, double[] spatial, int at, int from, int to) {
        imageSegment(next, coupling, spatial, at, simdImage(next, coupling, spatial, at, from, to, 1), to, 1);
    }

    /** A row with PML terms: each dimension's term into the row accumulator, then the update. */
    private void pmlRow(DoubleWavefield w, int y, boolean adjoint, double[] spatial, int at, double[] row) {
        pml(0, w, y, firstColumn, endColumn, adjoint, row, false);
        plain(1, w.u, y, interiorColumn, interiorEndColumn, row, true);
        pml(1, w, y, firstColumn, interiorColumn, adjoint, row, true);
        pml(1, w, y, interiorEndColumn, endColumn, adjoint, row, true);
        finish(w, y, firstColumn, endColumn, spatial, at, row);
    }

    /** The strips beside the interior in the interior rows among [rowStart, rowEnd). */
    private void strips(DoubleWavefield w, int rowStart, int rowEnd, boolean adjoint, double[] spatial, int at, double[] row) {
        int r0 = Math.max(rowStart, interiorRow);
        int r1 = Math.min(rowEnd, interiorEndRow);
        if (r0 < r1) {
            strip(w, r0, r1, firstColumn, interiorColumn, adjoint, spatial, at, row);
            strip(w, r0, r1, interiorEndColumn, endColumn, adjoint, spatial, at, row);
        }
    }

    /** Columns [from, to) of the interior rows [r0, r1): the PML along columns only. */
    private void strip(DoubleWavefield w, int r0, int r1, int from, int to, boolean adjoint, double[] spatial, int at,
                       double[] row) {
        if (from < to) {
            int done = simdStrip(w, r0, r1, from, to, adjoint, spatial, at);
            for (int y = r0; y < r1; y++) {
                edge(w, y, done, to, adjoint, spatial, at, row);
            }
        }
    }

    /** Adds weight * mu * S (S at spatial[at + i]) over the domain cells of rows [rowStart, rowEnd). */
    @Override
    public void image(double[] gradient, double[] mu, double[] spatial, int at, int rowStart, int rowEnd, int weight) {
        for (int y = rowStart; y < rowEnd; y++) {
            int from = y * columns + firstColumn;
            int to = y * columns + endColumn;
            imageSegment(gradient, mu, spatial, at, simdImage(gradient, mu, spatial, at, from, to, weight), to, weight);
        }
    }

    /** gradient += weight * mu * S over cells [from, to). */
    final void imageSegment(double[] gradient, double[] mu, double[] spatial, int at, int from, int to, double weight) {
        DoubleRowTerms.image(gradient, mu, spatial, at, from, to, weight);
    }

    /** A row segment inside the interior rows but outside the interior columns. */
    private void edge(DoubleWavefield w, int y, int from, int to, boolean adjoint, double[] spatial, int at,
                      double[] row) {
        if (from < to) {
            plain(0, w.u, y, from, to, row, false);
            pml(1, w, y, from, to, adjoint, row, true);
            finish(w, y, from, to, spatial, at, row);
        }
    }

    /** The SIMD part of {@link #interior} from its start; returns where it stopped (here: nothing done). */
    int simdInterior(double[] u, double[] next, int from, int to, double[] spatial, int at) {
        return from;
    }

    /**
     * The SIMD part of a strip: the same columns [from, done) of every row of [r0, r1), a
     * whole number of vectors; returns done.
     */
    int simdStrip(DoubleWavefield w, int r0, int r1, int from, int to, boolean adjoint, double[] spatial, int at) {
        return from;
    }

    /** The SIMD part of {@link #bornInterior} from its start; returns where it stopped (here: nothing done). */
    int simdBornInterior(DoubleWavefield bg, DoubleWavefield sc, double[] coupling, int from, int to, double[] s0, int at0,
                         double[] s1, int at1) {
        return from;
    }

    /** The SIMD part of {@link #imageSegment}. */
    int simdImage(double[] gradient, double[] mu, double[] spatial, int at, int from, int to, double weight) {
        return from;
    }

    /** The SIMD part of {@link #plainSegment}. */
    int simdPlain(int d, double[] f, int y, int from, int to, double[] row, boolean add) {
        return from;
    }

    /** The SIMD part of {@link #pmlForward}. */
    int simdPmlForward(int d, DoubleWavefield w, int y, int from, int to, double[] row, boolean add) {
        return from;
    }

    /** The SIMD part of {@link #pmlAdjoint}. */
    int simdPmlAdjoint(int d, DoubleWavefield w, int y, int from, int to, double[] row, boolean add) {
        return from;
    }

    /** The SIMD part of {@link #finishSegment}. */
    int simdFinish(DoubleWavefield w, int y, int from, int to, double[] spatial, int at, double[] row) {
        return from;
    }

    private void plain(int d, double[] f, int y, int from, int to, double[] row, boolean add) {
        plainSegment(d, f, y, simdPlain(d, f, y, from, to, row, add), to, row, add);
    }

    private void finish(DoubleWavefield w, int y, int from, int to, double[] spatial, int at, double[] row) {
        finishSegment(w, y, simdFinish(w, y, from, to, spatial, at, row), to, spatial, at, row);
    }

    /** Both dimensions plain: the Laplacian, fused with the update. */
    final void interior(double[] u, double[] next, int from, int to, double[] spatial, int at) {
        for (int i = from; i < to; i++) {
            double s = laplacian(u, i);
            next[i] = flush(v2dt2[i] * s + 2 * u[i] - next[i]);
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
            next0[i] = flush(v2dt2[i] * l0 + 2 * u0[i] - next0[i]);
            next1[i] = flush(v2dt2[i] * l1 + 2 * u1[i] - next1[i] + coupling[i] * l0);
            if (s0 != null) {
                s0[at0 + i] = l0;
            }
            if (s1 != null) {
                s1[at1 + i] = l1;
            }
        }
    }

    private double laplacian(double[] u, int i) {
        final double[] cy = second[0];
        final double[] cx = second[1];
        final int sy = stride[0];
        double s = centre * u[i];
        for (int k = 1; k <= guard; k++) {
            s += cy[k] * (u[i + k * sy] + u[i - k * sy]) + cx[k] * (u[i + k] + u[i - k]);
        }
        return s;
    }

    /** Sets or adds the plain second difference of f along d to row[x] for x in [from, to). */
    final void plainSegment(int d, double[] f, int y, int from, int to, double[] row, boolean add) {
        terms.plain(d, f, y * columns, from, to, row, add);
    }

    private void pml(int d, DoubleWavefield w, int y, int from, int to, boolean adjoint, double[] row, boolean add) {
        if (adjoint) {
            pmlAdjoint(d, w, y, simdPmlAdjoint(d, w, y, from, to, row, add), to, row, add);
        } else {
            pmlForward(d, w, y, simdPmlForward(d, w, y, from, to, row, add), to, row, add);
        }
    }

    final void pmlForward(int d, DoubleWavefield w, int y, int from, int to, double[] row, boolean add) {
        terms.pmlForward(d, w, y * columns, y, from, to, row, add);
    }

    final void pmlAdjoint(int d, DoubleWavefield w, int y, int from, int to, double[] row, boolean add) {
        terms.pmlAdjoint(d, w, y * columns, y, from, to, row, add);
    }

    /** next = v^2 dt^2 S + 2 u - previous over a row segment, S from the row accumulator. */
    final void finishSegment(DoubleWavefield w, int y, int from, int to, double[] spatial, int at, double[] row) {
        terms.finish(w, y * columns, from, to, spatial, at, row);
    }
}
