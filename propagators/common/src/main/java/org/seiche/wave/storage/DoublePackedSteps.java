package org.seiche.wave.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.seiche.api.Storage.Compression;

/**
 * Compressed steps in memory: the time loop writes a step into one buffer, encoded into its
 * record when written, and reads it from that buffer after decoding. Records are packed
 * into byte arrays of at most 64 MB, the last one only as long as its records (see
 * {@link DoubleMemorySteps}).
 */
final class DoublePackedSteps extends DoubleSteps {
    private static final long CHUNK_BYTES = (64L << 20) - 64;

    private final Compression compression;
    private final int recordBytes;
    private final int perChunk;
    private final ByteBuffer[] chunks;
    private final double[] buffer;
    private final ArraySource arrays;

    DoublePackedSteps(Compression compression, int values, int slots, ArraySource arrays) {
        super(values, slots);
        this.compression = compression;
        this.arrays = arrays;
        this.recordBytes = (int) Codec.recordBytes(compression, values, Double.BYTES);
        this.perChunk = (int) Math.max(1, Math.min(slots, CHUNK_BYTES / recordBytes));
        chunks = new ByteBuffer[(slots + perChunk - 1) / perChunk];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = ByteBuffer.wrap((byte[]) arrays.take(byte.class, Math.min(perChunk, slots - c * perChunk) * recordBytes)).order(ByteOrder.nativeOrder());
        }
        buffer = (double[]) arrays.take(double.class, values);
        // cells a step never writes (outside the domain) must not widen an int8 block's scale
        java.util.Arrays.fill(buffer, 0);
    }

    private ByteBuffer record(int slot) {
        ByteBuffer chunk = chunks[slot / perChunk];
        chunk.position((slot % perChunk) * recordBytes);
        return chunk;
    }

    @Override
    public double[] target(int slot) {
        return buffer;
    }

    @Override
    public int targetOffset(int slot) {
        return 0;
    }

    @Override
    public void written(int slot) {
        DoubleCodec.encode(compression, buffer, 0, values, record(slot));
    }

    @Override
    public double[] source(int slot) {
        DoubleCodec.decode(compression, record(slot), buffer, 0, values);
        return buffer;
    }

    @Override
    public int sourceOffset(int slot) {
        return 0;
    }

    @Override
    public void read(int slot) {
    }

    @Override
    public long bytes() {
        return (long) slots * recordBytes + (long) values * Double.BYTES;
    }

    @Override
    public void close() {
        for (int c = 0; c < chunks.length; c++) {
            if (chunks[c] != null) {
                arrays.give(chunks[c].array());
                chunks[c] = null;
            }
        }
        arrays.give(buffer);
    }
}
