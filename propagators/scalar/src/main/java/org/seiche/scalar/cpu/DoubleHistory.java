package org.seiche.scalar.cpu;

/**
 * The stored spatial terms S of one shot's forward run, a step every store interval.
 * Steps are packed into arrays of about 64 MB: the garbage collector allocates arrays that
 * large outside the young generation (G1's humongous objects), so a young collection never
 * copies the store, which a store of one array per step made cost seconds.
 */
final class DoubleHistory {
    private static final long CHUNK_BYTES = 64L << 20;

    private final int cells;
    private final int perChunk;
    private final double[][] chunks;

    DoubleHistory(ArrayPool pool, int cells, int slots) {
        this.cells = cells;
        this.perChunk = perChunk(cells, slots);
        chunks = new double[(slots + perChunk - 1) / perChunk][];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = (double[]) pool.take(double.class, perChunk * cells);
        }
    }

    private static int perChunk(int cells, int slots) {
        return (int) Math.max(1, Math.min(slots, CHUNK_BYTES / Double.BYTES / cells));
    }

    /** Bytes a history of that many slots holds. */
    static long bytes(int cells, int slots) {
        int per = perChunk(cells, slots);
        return (long) ((slots + per - 1) / per) * per * cells * Double.BYTES;
    }

    /** The array holding slot k; S of cell i is at {@link #offset}(k) + i. */
    double[] array(int slot) {
        return chunks[slot / perChunk];
    }

    int offset(int slot) {
        return (slot % perChunk) * cells;
    }

    void release(ArrayPool pool) {
        for (int c = 0; c < chunks.length; c++) {
            pool.give(chunks[c]);
            chunks[c] = null;
        }
    }
}
