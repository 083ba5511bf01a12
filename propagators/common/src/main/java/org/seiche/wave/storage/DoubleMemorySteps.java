package org.seiche.wave.storage;

/**
 * Steps kept as they are, packed into arrays of at most 64 MB: the garbage collector
 * allocates arrays that large outside the young generation (G1's humongous objects), so a
 * young collection never copies the store, which a store of one array per step made cost
 * seconds. The last array holds only the slots left, so the store is exactly slots x values
 * (a full last array held up to a chunk of slots no step writes: 30 MB of a 2-D 1000-step
 * gradient, all of it zeroed and resident). A chunk stays below 64 MB by an array header, so
 * it fills whole G1 regions of 1-32 MB without spilling into one more. The time loop writes
 * and reads them in place.
 */
final class DoubleMemorySteps extends DoubleSteps {
    private static final long CHUNK_BYTES = (64L << 20) - 64;

    private final int perChunk;
    private final double[][] chunks;
    private final ArraySource arrays;

    DoubleMemorySteps(int values, int slots, ArraySource arrays) {
        super(values, slots);
        this.arrays = arrays;
        this.perChunk = perChunk(values, slots);
        chunks = new double[(slots + perChunk - 1) / perChunk][];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = (double[]) arrays.take(double.class, Math.min(perChunk, slots - c * perChunk) * values);
        }
    }

    private static int perChunk(int values, int slots) {
        return (int) Math.max(1, Math.min(slots, CHUNK_BYTES / Double.BYTES / values));
    }

    /** Bytes a store of that many slots holds. */
    static long bytes(int values, int slots) {
        return (long) slots * values * Double.BYTES;
    }

    @Override
    public double[] target(int slot) {
        return chunks[slot / perChunk];
    }

    @Override
    public int targetOffset(int slot) {
        return (slot % perChunk) * values;
    }

    @Override
    public void written(int slot) {
    }

    @Override
    public double[] source(int slot) {
        return target(slot);
    }

    @Override
    public int sourceOffset(int slot) {
        return targetOffset(slot);
    }

    @Override
    public void read(int slot) {
    }

    @Override
    public long bytes() {
        return bytes(values, slots);
    }

    @Override
    public void close() {
        for (int c = 0; c < chunks.length; c++) {
            arrays.give(chunks[c]);
            chunks[c] = null;
        }
    }
}
