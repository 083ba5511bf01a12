package org.seiche.elastic.cpu.f64;

import java.util.function.IntConsumer;

import org.seiche.elastic.cpu.RowChunks;

/**
 * Runs the sweeps of a time step over every row. With several row chunks, one sweep after
 * another, each one's rows split into chunks that the device runs in parallel. With one
 * chunk, interleaved: sweep k runs at row i - k halo while sweep 0 runs at row i, so a row
 * is updated once the rows its stencils read are done with (the sweep before has updated
 * them, the sweep after has not yet read them), and each field row is loaded from memory
 * once per step instead of once per sweep (the grid does not fit in the core's cache).
 */
final class RowSweep implements IntConsumer {
    private final RowChunks rows;
    private final Wavefields w;
    private final int ny;
    private final int lag;
    private Part[] parts;
    private int slot;

    RowSweep(Grid g, RowChunks rows, Wavefields w) {
        this.rows = rows;
        this.w = w;
        this.ny = g.ny;
        this.lag = g.halo;
    }

    /** Whether the sweeps run interleaved (and adjoint term rows need live only a few steps of i). */
    static boolean interleaved(RowChunks rows) {
        return rows.count() == 1;
    }

    void run(Part[][] sweeps, int storeSlot) {
        slot = storeSlot;
        if (interleaved(rows)) {
            RowBuffers b = w.buffers[0];
            int last = sweeps.length - 1;
            for (int i = 0; i < ny + last * lag; i++) {
                for (int k = i < ny ? 0 : (i - ny) / lag + 1; k <= Math.min(last, i / lag); k++) {
                    for (Part part : sweeps[k]) {
                        part.row(i - k * lag, slot, b);
                    }
                }
            }
        } else {
            for (Part[] sweep : sweeps) {
                parts = sweep;
                rows.run(this);
            }
        }
    }

    @Override
    public void accept(int chunk) {
        RowBuffers b = w.buffers[chunk];
        for (int i = rows.from(chunk); i < rows.to(chunk); i++) {
            for (Part part : parts) {
                part.row(i, slot, b);
            }
        }
    }
}
