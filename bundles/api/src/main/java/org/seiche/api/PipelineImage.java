package org.seiche.api;

import java.util.function.Supplier;

/**
 * A pipeline as another process can read it: an id that names it for the length of a run,
 * and its bytes (the pipeline file with its input files), made only when someone asks, and
 * then once. Shot work carries the id; an executor sends the bytes once to each process that
 * runs the work.
 */
public final class PipelineImage {
    private final String id;
    private final Supplier<byte[]> make;
    private byte[] bytes;

    public PipelineImage(String id, Supplier<byte[]> make) {
        this.id = id;
        this.make = make;
    }

    public String id() {
        return id;
    }

    /** The pipeline's bytes; made at the first call. */
    public synchronized byte[] bytes() {
        if (bytes == null) {
            bytes = make.get();
        }
        return bytes;
    }
}
