package org.seiche.pipeline.inversion;

import org.seiche.pipeline.PipelineService;
import org.seiche.pipeline.PipelineTestSupport;

/** The runner's test runtime with the inversion loop plugged in, as the framework wires it. */
public final class InversionTestSupport {
    private InversionTestSupport() {
    }

    public static PipelineService runtime() {
        PipelineService p = PipelineTestSupport.runtime();
        p.addInversion(new InversionService());
        return p;
    }
}
