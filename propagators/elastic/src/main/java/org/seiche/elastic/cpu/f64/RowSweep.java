package org.seiche.elastic.cpu.f64;

import java.util.function.IntConsumer;

import org.seiche.elastic.cpu.RowChunks;

/**
 * Runs the sweeps of a time step over every row, interleaved: sweep k runs at row i - k halo
 * while sweep 0 runs at row i, so a row is updated once the rows its stencils read are done
 * with (the sweep before has updated them, the sweep after has not yet read them), and each
 * field row is loaded from memory once per step instead of once per sweep (the grid does not
 * fit in the core's cache). With several row chunks, each chunk runs that schedule in parallel
 * with the others except for sweep k on its k halo rows next to another chunk (which read
 * rows the neighbour has not stepped yet, or rows it still has to read); those follow, sweep
 * by sweep, once every chunk is through.
 */
final class RowSweep implements IntConsumer {
    private final RowChunks rows;
    private final Wavefields w;
    private final int ny;
    private final int lag;
    private Part[][] sweeps;
    /** 0: the chunks' interleaved schedules; k > 0: sweep k at the rows next to other chunks. */
    private int phase;
    private int slot;

    RowSweep(Grid g, RowChunks rows, Wavefields w) {
        this.rows = rows;
        this.w = w;
        this.ny = g.ny;
        this.lag = g.halo;
    }

    /** Whether the sweeps run in one chunk (and adjoint term rows need live only a few steps of i). */
    static boolean interleaved(RowChunks rows) {
        return rows.count() == 1;
    }

    void run(Part[][] sweepsOfStep, int storeSlot) {
        slot = storeSlot;
        sweeps = sweepsOfStep;
        if (interleaved(rows)) {
            band(w.buffers[0], 0, ny, 0, 0);
        } else {
            for (phase = 0; phase < sweeps.length; phase++) {
                rows.run(this);
            }
        }
    }

    @Override
    public void accept(int chunk) {
        RowBuffers b = w.buffers[chunk];
        int from = rows.from(chunk);
        int to = rows.to(chunk);
        // sweep k waits for the neighbours at k halo rows from a boundary with another chunk
        int top = chunk == 0 ? 0 : lag;
        int bottom = chunk == rows.count() - 1 ? 0 : lag;
        if (phase == 0) {
            band(b, from, to, top, bottom);
            return;
        }
        int k = phase;
        for (int i = from; i < to; i++) {
            if (i < from + k * top || i >= to - k * bottom) {
                for (Part part : sweeps[k]) {
                    part.row(i, slot, b);
                }
            }
        }
    }

    /** The interleaved schedule on rows [from, to), sweep k kept k top rows from the start and k bottom rows from the end. */
    private void band(RowBuffers b, int from, int to, int top, int bottom) {
        int last = sweeps.length - 1;
        for (int i = from; i < to + last * lag; i++) {
            for (int k = 0; k <= last; k++) {
                int r = i - k * lag;
                if (r >= from + k * top && r < to - k * bottom) {
                    for (Part part : sweeps[k]) {
                        part.row(r, slot, b);
                    }
                }
            }
        }
    }
}
