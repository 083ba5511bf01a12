package org.seiche.elastic.cpu.f64;

import java.util.function.IntConsumer;

import org.seiche.elastic.cpu.RowChunks;

/** Runs the parts of a half-step over every row, the rows split into chunks run by the device. */
final class RowSweep implements IntConsumer {
    private final RowChunks rows;
    private final Wavefields w;
    private Part[] parts;
    private int slot;

    RowSweep(RowChunks rows, Wavefields w) {
        this.rows = rows;
        this.w = w;
    }

    void run(Part[] halfStep, int storeSlot) {
        parts = halfStep;
        slot = storeSlot;
        rows.run(this);
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
