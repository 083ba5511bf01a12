package org.seiche.pipeline;

import java.util.List;
import java.util.Map;

import org.seiche.api.Mapping;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.ShotExecutor;
import org.seiche.pipeline.file.ShotModels;

/**
 * The inversion's part of a run, the service of its own bundle (seiche-pipeline-inversion):
 * task invert, and the inversion's start point for a gradient task with an inversion block.
 */
public interface InversionLoop {
    /** task: invert on the checked pipeline, its shots on the executor's session. */
    Runner.Outcome invert(PipelineSpec spec, Runner.Prepared prepared, ShotExecutor.Session shots);

    /** Where the inversion would start: the pipeline's model taken through each parameter's mapping chain and back. */
    StartPoint start(PipelineSpec spec, List<Mapping> mappings);

    /** A point of inversion space. */
    interface StartPoint {
        /** The model there. */
        ShotModels.Split model();

        /** Gradients there by model parameter, taken to inversion space, by inverted parameter. */
        Map<String, NdArray> mapped(Map<String, NdArray> gradients);
    }
}
