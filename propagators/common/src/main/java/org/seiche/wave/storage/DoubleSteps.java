package org.seiche.wave.storage;

import java.nio.file.Path;

import org.seiche.api.Storage;

/**
 * The stored steps of one shot's forward run (flat arrays of one step's values, a slot per
 * stored step): the forward run writes slot k into {@link #target}(k) at
 * {@link #targetOffset}(k) and calls {@link #written}(k); the adjoint reads the slots from
 * the last down to 0 from {@link #source}(k) at {@link #sourceOffset}(k) and calls
 * {@link #read}(k) when done with one. Independent of the propagator and the dimension.
 */
public abstract class DoubleSteps implements AutoCloseable {
    protected final int values;
    protected final int slots;

    protected DoubleSteps(int values, int slots) {
        this.values = values;
        this.slots = slots;
    }

    /**
     * The store of a plan's mode and compression for {@code slots} steps of {@code values}
     * values: memory (plain arrays, or packed records when compressed) or disk (files in
     * {@code directory}, null: a temporary folder).
     */
    public static DoubleSteps of(Storage.Plan plan, int values, int slots, Path directory, ArraySource arrays) {
        return switch (plan.mode()) {
            case MEMORY -> plan.compression() == Storage.Compression.NONE ? new DoubleMemorySteps(values, slots, arrays)
                    : new DoublePackedSteps(plan.compression(), values, slots, arrays);
            case DISK -> new DoubleDiskSteps(plan.compression(), values, slots, directory, arrays);
            default -> throw new IllegalArgumentException("no store of steps in mode " + plan.mode().key());
        };
    }

    /** Every step in memory as it is, written and read in place, in any order. */
    public static DoubleSteps inMemory(int values, int slots, ArraySource arrays) {
        return new DoubleMemorySteps(values, slots, arrays);
    }

    /** Bytes {@link #inMemory} holds. */
    public static long memoryBytes(int values, int slots) {
        return DoubleMemorySteps.bytes(values, slots);
    }

    public abstract double[] target(int slot);

    public abstract int targetOffset(int slot);

    public abstract void written(int slot);

    public abstract double[] source(int slot);

    public abstract int sourceOffset(int slot);

    public abstract void read(int slot);

    /** Bytes it holds in memory. */
    public abstract long bytes();

    /** Gives back its arrays and removes its files. */
    @Override
    public abstract void close();
}
