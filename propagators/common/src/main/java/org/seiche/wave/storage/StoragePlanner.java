package org.seiche.wave.storage;

import java.util.Locale;

import org.seiche.api.SeicheException;
import org.seiche.api.Storage;
import org.seiche.api.Storage.Compression;
import org.seiche.api.Storage.Mode;

/**
 * Chooses how a gradient run keeps its forward wavefield from the sizes a propagator
 * gives, before any step: what each mode holds per shot, and within a budget (for the
 * batch's shots at once) the mode asked for or, with none asked, memory if it fits, else
 * checkpointing (when the budget's snapshots recompute at most {@link #MAX_RECOMPUTED_SWEEPS}
 * forward runs), else disk. A budget that no mode fits is refused naming the bytes.
 */
public final class StoragePlanner {
    /** Forward runs checkpointing may recompute before disk is the better choice. */
    public static final int MAX_RECOMPUTED_SWEEPS = 4;

    /**
     * What a propagator holds per shot for a gradient run.
     *
     * @param fieldBytes    its wavefields and accumulators, whatever the storage
     * @param stepValues    values of one stored step
     * @param valueBytes    bytes of a value (4: float32, 8: float64)
     * @param steps         time steps of the run
     * @param interval      steps between stored steps (gradient_sampling_interval)
     * @param snapshotBytes one snapshot: every wavefield the step reads, PML memory included
     * @param replayBytes   what checkpointing adds besides its snapshots (the wavefields it
     *                      recomputes in, the taped step)
     */
    public record Sizes(long fieldBytes, long stepValues, int valueBytes, int steps, int interval, long snapshotBytes,
                        long replayBytes) {
        /** Stored steps (revolve's units): one every interval steps. */
        public int units() {
            return (steps + interval - 1) / interval;
        }
    }

    private StoragePlanner() {
    }

    /** The plan for a batch of {@code shots} shots at once under {@code storage}. */
    public static Storage.Plan plan(Storage storage, Sizes s, int shots) {
        long budget = storage.memoryBytes();
        Mode mode = storage.mode();
        if (mode == null) {
            Storage.Plan memory = memory(storage.compression(), s);
            if (fits(memory, s, shots, budget)) {
                return memory;
            }
            Storage.Plan checkpoint = checkpoint(s, shots, budget);
            if (checkpoint != null && checkpoint.recomputedSteps() <= (long) MAX_RECOMPUTED_SWEEPS * s.steps()) {
                return checkpoint;
            }
            Storage.Plan disk = disk(storage.compression(), s);
            if (fits(disk, s, shots, budget)) {
                return disk;
            }
            throw tooSmall(budget, "no mode fits: memory needs " + bytes(stored(memory, s, shots)) + ", disk "
                    + bytes(stored(disk, s, shots)) + " for " + shots + " shot(s) at once", "raise it, or lower shots_per_batch");
        }
        Storage.Plan plan = switch (mode) {
            case MEMORY -> memory(storage.compression(), s);
            case DISK -> disk(storage.compression(), s);
            case NONE -> new Storage.Plan(Mode.NONE, Compression.NONE, 0, 0, s.fieldBytes());
            case CHECKPOINT -> {
                Storage.Plan p = checkpoint(s, shots, budget);
                if (p == null) {
                    throw tooSmall(budget, "checkpointing needs at least " + bytes(shots * (s.replayBytes() + s.snapshotBytes()))
                            + " (one snapshot and the recomputed wavefields of " + shots + " shot(s))",
                            "raise it, lower shots_per_batch or use mode disk");
                }
                yield p;
            }
        };
        if (budget > 0 && !fits(plan, s, shots, budget)) {
            throw tooSmall(budget, mode.key() + " mode stores " + bytes(stored(plan, s, shots)) + " for " + shots
                    + " shot(s) at once", "raise it, lower shots_per_batch, or use mode checkpoint or disk (or compression)");
        }
        return plan;
    }

    /**
     * The plan of a kernel that keeps every stored step in memory, uncompressed, whatever
     * was asked ({@code storedPerShot} of its {@code bytesPerShot}): a budget it exceeds is
     * refused as {@link #plan} refuses one, another mode is left for the caller to refuse.
     */
    public static Storage.Plan memoryOnly(Storage storage, long bytesPerShot, long storedPerShot, int shots) {
        if (storage.memoryBytes() > 0 && shots * storedPerShot > storage.memoryBytes()) {
            throw tooSmall(storage.memoryBytes(), "this device's kernel keeps every stored step in memory, "
                    + bytes(shots * storedPerShot) + " for " + shots + " shot(s) at once", "raise it, lower shots_per_batch, or use device cpu");
        }
        return new Storage.Plan(Mode.MEMORY, Compression.NONE, 0, 0, bytesPerShot);
    }

    /** Every stored step in memory, compressed as asked. */
    public static Storage.Plan memory(Compression compression, Sizes s) {
        long stored = s.units() * Codec.recordBytes(compression, s.stepValues(), s.valueBytes());
        if (compression != Compression.NONE) {
            stored += s.stepValues() * s.valueBytes(); // the step being encoded or decoded
        }
        return new Storage.Plan(Mode.MEMORY, compression, 0, 0, s.fieldBytes() + stored);
    }

    /** Steps streamed to disk: in memory only the buffers between the time loop and the disk's threads. */
    public static Storage.Plan disk(Compression compression, Sizes s) {
        long buffers = (long) DiskFiles.BUFFERS * s.stepValues() * s.valueBytes()
                + 2L * Codec.recordBytes(compression, s.stepValues(), s.valueBytes());
        return new Storage.Plan(Mode.DISK, compression, 0, 0, s.fieldBytes() + buffers);
    }

    /**
     * Revolve with as many snapshots as the budget holds beside the recomputed wavefields
     * (no more than there are stored steps); null when it holds not one beyond the initial
     * state, which is zero and costs nothing.
     */
    static Storage.Plan checkpoint(Sizes s, int shots, long budget) {
        long perShot = budget / shots - s.replayBytes();
        if (perShot < s.snapshotBytes()) {
            return null;
        }
        int units = s.units();
        int snapshots = (int) Math.min(units, 1 + perShot / s.snapshotBytes());
        Revolve schedule = new Revolve(units, snapshots);
        return new Storage.Plan(Mode.CHECKPOINT, Compression.NONE, schedule.usedSnapshots(),
                schedule.recomputedSteps(s.steps(), s.interval()),
                s.fieldBytes() + s.replayBytes() + (schedule.usedSnapshots() - 1L) * s.snapshotBytes());
    }

    private static boolean fits(Storage.Plan p, Sizes s, int shots, long budget) {
        return budget == 0 || stored(p, s, shots) <= budget;
    }

    /** What the plan's storage holds for the batch, its wavefields not counted. */
    private static long stored(Storage.Plan p, Sizes s, int shots) {
        return shots * (p.bytesPerShot() - s.fieldBytes());
    }

    private static SeicheException tooSmall(long budget, String what, String remedy) {
        return new SeicheException("propagator.storage.memory: " + what + " but the budget is " + bytes(budget) + "; "
                + remedy);
    }

    /** Bytes as the messages and the plan's line give them. */
    public static String bytes(long b) {
        return b >= 1e9 ? String.format(Locale.ROOT, "%.2f GB", b / 1e9) : String.format(Locale.ROOT, "%.1f MB", b / 1e6);
    }
}
