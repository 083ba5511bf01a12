package org.seiche.api;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs pipelines: resolves every named service, checks the inputs, runs the task and
 * returns (and, when an output directory is set, writes) the results.
 */
@ProviderType
public interface Pipeline {
    /** Runs a pipeline assembled in code. */
    Result run(PipelineSpec spec);

    /** Reads a pipeline file (YAML or JSON) into a spec; relative paths are relative to the file. */
    PipelineSpec read(Path pipelineFile);

    /**
     * Runs shot work that another process sent (a worker's side of an executor) on this
     * process's device with the given threads (0: the device's default). The work's pipeline
     * image must hold its bytes; the pipeline it holds is read and checked as a file is.
     */
    ShotRunner shots(ShotWork work, int threads);

    /** Result arrays by file stem (receiver_data, gradient_v, ...) and the summary. */
    record Result(Map<String, NdArray> arrays, Map<String, Object> summary) {
    }
}
