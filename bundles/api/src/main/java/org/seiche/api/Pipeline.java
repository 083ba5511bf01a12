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

    /** Result arrays by file stem (receiver_data, gradient_v, ...) and the summary. */
    record Result(Map<String, NdArray> arrays, Map<String, Object> summary) {
    }
}
