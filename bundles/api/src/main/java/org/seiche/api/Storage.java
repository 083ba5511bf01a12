package org.seiche.api;

import java.util.Locale;

/**
 * Where a gradient run keeps the forward wavefield its adjoint needs (the pipeline's
 * {@code propagator.storage}): in memory, on disk, recomputed from checkpoints, or nowhere
 * (forward runs only); optionally compressed; within a memory budget. A mode of null with
 * a budget lets the propagator choose: memory if it fits, else checkpointing, else disk.
 *
 * @param mode        the mode asked for; null: chosen to fit {@code memoryBytes}
 * @param compression of the stored steps (memory and disk modes)
 * @param directory   disk mode's folder; null: a temporary one, removed after the run
 * @param memoryBytes the budget of the stored wavefield of a batch of shots; 0: none
 */
public record Storage(Mode mode, Compression compression, String directory, long memoryBytes) {
    public enum Mode {
        MEMORY, DISK, CHECKPOINT, NONE;

        /** The key's spelling. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Compression {
        NONE, BF16, INT8;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Every step kept in memory, uncompressed: what runs did before storage had a key. */
    public static final Storage MEMORY = new Storage(Mode.MEMORY, Compression.NONE, null, 0);

    public Storage {
        if (compression == null) {
            compression = Compression.NONE;
        }
        if (memoryBytes < 0) {
            throw new SeicheException("propagator.storage.memory: must be >= 0, got " + memoryBytes);
        }
        if (mode == null && memoryBytes == 0) {
            throw new SeicheException("propagator.storage: give a mode or a memory budget to choose one by");
        }
        if (compression != Compression.NONE && (mode == Mode.CHECKPOINT || mode == Mode.NONE)) {
            throw new SeicheException("propagator.storage.compression: applies to modes memory and disk, not "
                    + mode.key());
        }
        if (mode == Mode.CHECKPOINT && memoryBytes == 0) {
            throw new SeicheException("propagator.storage.memory: checkpoint mode needs a budget to choose its snapshots by");
        }
    }

    /**
     * The storage a propagator chose for a batch of shots: its mode, compression, the
     * checkpoints' snapshots (revolve's count, the initial state included; 0 in other modes),
     * the forward steps the adjoint recomputes, and the bytes one shot of a gradient run
     * holds under it (wavefields, stored steps or snapshots, buffers).
     */
    public record Plan(Mode mode, Compression compression, int snapshots, long recomputedSteps, long bytesPerShot) {
    }
}
