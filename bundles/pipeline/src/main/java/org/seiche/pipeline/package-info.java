/**
 * The pipeline runtime: runs a pipeline's task with the services found by name, every shot
 * through the executor the pipeline names, and writes the results and their pictures. The
 * inversion loop (bundle seiche-pipeline-inversion) plugs in as an {@link org.seiche.pipeline.InversionLoop}
 * and models through the {@link org.seiche.pipeline.Evaluator} exported here.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seiche.pipeline;
