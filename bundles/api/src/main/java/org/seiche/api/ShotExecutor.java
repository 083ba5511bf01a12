package org.seiche.api;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs the shots of every task: in this process ("local", the default) or elsewhere. A
 * pipeline names it ({@code executor: NAME} or {@code executor: {name: NAME, ...}});
 * registered with the property {@code executor.name}. Work and results have a compact
 * binary form ({@link ShotWork#toBytes}, {@link ShotResult#toBytes}) so that they can
 * leave the process; results are handed back in batch order so that sums are the same
 * bits whatever ran where.
 */
@ConsumerType
public interface ShotExecutor {
    String PROPERTY = "executor.name";

    String name();

    /**
     * The keys of the pipeline's executor block beyond name that {@link #open} reads; the
     * pipeline refuses any other, naming it, before any propagation. None unless overridden.
     */
    default Set<String> options() {
        return Set.of();
    }

    /**
     * Starts serving one pipeline run with the executor block's settings (values as the file
     * gives them: strings, numbers, lists). Bad settings are refused here, before any shot.
     */
    Session open(Map<String, Object> config);

    /**
     * Makes this process a worker that runs other processes' shot work with pipeline until
     * it is stopped (./fwi member); returns the exit code. Not every executor has workers.
     */
    default int serve(Map<String, Object> config, Pipeline pipeline) {
        throw new SeicheException("executor " + name() + " has no workers to start");
    }

    /** The executor during one run: every evaluation's work goes through {@link #run}. */
    interface Session extends AutoCloseable {
        /**
         * Runs every batch of the work and hands each result to inOrder, in batch order (batch
         * 0 first), on the calling thread. here runs a batch in this process; it takes one
         * call at a time.
         */
        void run(ShotWork work, ShotRunner here, Consumer<ShotResult> inOrder);

        /** For summary.json: who ran how many shots in how many seconds; empty when there is nothing to tell. */
        default Map<String, Object> report() {
            return Map.of();
        }

        /** What the progress line shows beside the task (e.g. "3 members"); "" for nothing. */
        default String progressLabel() {
            return "";
        }

        @Override
        void close();
    }
}
