package org.seiche.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.Storage;

/**
 * The heap a run will hold, planned before its first time step and checked against the
 * heap's limit, so that a run that cannot fit is refused with the figures and what reduces
 * them instead of dying in an OutOfMemoryError after minutes.
 */
final class MemoryPlan {
    private final long heapLimit;

    /** Plans against a heap of this many bytes (the JVM's maximum in a run). */
    MemoryPlan(long heapLimit) {
        this.heapLimit = heapLimit;
    }

    static MemoryPlan ofThisJvm() {
        return new MemoryPlan(Runtime.getRuntime().maxMemory());
    }

    /** What a task holds at once besides the propagator's own arrays. */
    record Sizes(long inputBytes, int largestBatch, int threads, long dataValuesPerShot, long gradientValues, int hessianCells) {
    }

    /**
     * Bytes the run holds at its peak: the inputs; the shots of the largest batch at once,
     * each with its padded fields and, for a gradient, its stored forward wavefield (after
     * gradient_sampling_interval), as the propagator counts them; the propagator's
     * coefficients (about one shot's fields); the receiver data of every shot with the batch's
     * copies (data, observed, adjoint sources); the gradients, summed and per batch; for a
     * Hessian, the kept adjoint run per shot, one tangent run per thread, the n x n matrix
     * twice and the n tangent data. {@code storage}: the plan of a run with an adjoint
     * (its bytes per shot: fields and what keeps the forward wavefield), null for a forward run.
     */
    static long estimate(Simulation sim, Storage.Plan storage, Sizes s) {
        long fields = sim.bytesPerShot(false);
        long perShot = storage != null ? storage.bytesPerShot() : fields;
        long data = s.dataValuesPerShot() * Double.BYTES;
        long bytes = s.inputBytes() + fields + s.largestBatch() * (perShot + 3 * data) + (long) sim.shots() * data
                + 2 * s.gradientValues() * Double.BYTES;
        if (s.hessianCells() > 0) {
            long n = s.hessianCells();
            bytes += s.largestBatch() * perShot + s.threads() * fields + 2 * n * n * Double.BYTES + 2 * n * data;
        }
        return bytes;
    }

    /**
     * Refuses a run whose estimate exceeds the heap, naming the figures and the keys that
     * reduce it; threads only where the run holds something per thread (a Hessian's tangent runs).
     */
    void check(long estimate, int shotsPerBatch, int samplingInterval, boolean hessian, Storage.Plan storage) {
        if (estimate <= heapLimit) {
            return;
        }
        boolean stored = storage != null && storage.mode() == Storage.Mode.MEMORY;
        throw new SeicheException(String.format(Locale.ROOT, "memory: the run needs about %s but the Java heap holds at most %s; "
                + "reduce it with %sshots_per_batch or batches (now %d shots at once), propagator.gradient_sampling_interval "
                + "(now %d)%s, or give the JVM more (SEICHE_JAVA_OPTS=-Xmx...)", gigabytes(estimate), gigabytes(heapLimit),
                stored ? "propagator.storage (memory: a budget below the heap, or mode: checkpoint or disk), " : "",
                shotsPerBatch, samplingInterval, hessian ? ", --threads (a tangent run per thread)" : ""));
    }

    static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    /**
     * This process's peak resident memory (VmHWM of /proc/self/status: the whole JVM, what
     * the machine pays); empty where the system does not say.
     */
    static OptionalLong processPeakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or a format this does not know: no figure rather than a wrong one
        }
        return OptionalLong.empty();
    }
}
