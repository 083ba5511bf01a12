package org.seiche.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs the batches of one piece of shot work in this process: the pipeline gives one to
 * each executor (for the batches it keeps) and to a worker process (for the batches it is
 * sent). One call at a time; closing frees what the batches shared (a prepared simulation).
 */
@ProviderType
public interface ShotRunner extends AutoCloseable {
    /** Runs batch b of the work (an index into its batches). */
    ShotResult run(int batch);

    @Override
    void close();
}
