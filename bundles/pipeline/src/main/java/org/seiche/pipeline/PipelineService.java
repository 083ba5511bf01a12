package org.seiche.pipeline;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.seiche.api.Device;
import org.seiche.api.Loss;
import org.seiche.api.Mapping;
import org.seiche.api.Optimiser;
import org.seiche.api.Pipeline;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Propagator;
import org.seiche.api.ShotExecutor;
import org.seiche.api.ShotRunner;
import org.seiche.api.ShotWork;
import org.seiche.api.Task;
import org.seiche.pipeline.file.PipelineFile;
import org.seiche.pipeline.file.Services;
import org.seiche.pipeline.file.ShipPipeline;
import org.seiche.pipeline.file.ShotModels;

/**
 * The pipeline runtime: tracks every propagator, device, loss, mapping, optimiser and shot
 * executor by its name property as bundles come and go, and runs pipelines with them.
 */
@Component(service = Pipeline.class)
public final class PipelineService implements Pipeline {
    final Services services = LocalShotExecutor.registry();

    @Override
    public PipelineSpec read(Path pipelineFile) {
        return PipelineFile.read(pipelineFile, services, msg -> System.err.println("warning: " + msg));
    }

    @Override
    public Result run(PipelineSpec spec) {
        Runner runner = new Runner(spec, services, Progress.forStderr(spec.quiet()));
        Runner.Outcome outcome;
        if (spec.task() == Task.MODEL) {
            outcome = runner.model();
        } else {
            Runner.Prepared p = runner.check();
            try (ShotExecutor.Session shots = p.executor().open(spec.executorConfig())) {
                outcome = runner.run(p, shots, inversion);
            }
        }
        Map<String, Object> summary = new java.util.LinkedHashMap<>(outcome.summary());
        if (!Double.isNaN(spec.startupSeconds())) {
            summary.put("startup_seconds", spec.startupSeconds());
        }
        MemoryPlan.processPeakRss().ifPresent(rss -> summary.put("process_peak_rss_bytes", rss));
        // entries the caller adds (the launcher: which process served the run)
        if (spec.options().get("summary") instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> summary.put(String.valueOf(k), v));
        }
        try {
            if (spec.output() != null) {
                Results.write(spec, outcome.arrays(), outcome.pictures(), summary, outcome.jsonFiles(), outcome.folders());
            }
        } finally {
            // a folder not moved into the output (a failed write, or no output) is not left behind
            for (Path folder : outcome.folders().values()) {
                try {
                    Results.deleteTree(folder);
                } catch (java.io.IOException ignored) {
                    // best effort: a hidden leftover beside the output is harmless
                }
            }
        }
        return new Result(outcome.arrays(), summary);
    }

    /** A pipeline another process sent, read and checked once for all the work that names it. */
    private record Sent(PipelineSpec spec, Runner.Prepared prepared) {
    }

    /** The latest pipelines sent, by image id, device and threads: a worker serves one run at a time, or a few. */
    private final Map<String, Sent> sent = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sent> eldest) {
            return size() > 2;
        }
    });

    @Override
    public ShotRunner shots(ShotWork work, int threads) {
        if (work.pipeline() == null) {
            throw new org.seiche.api.SeicheException("shot work: holds no pipeline");
        }
        Sent s = sent.computeIfAbsent(work.pipeline().id() + " " + work.device() + " " + threads, k -> {
            // the run's shots are this process's own: no executor beyond it, no output, no bar
            PipelineSpec spec = ShipPipeline.read(work.pipeline().bytes(), services).toBuilder().device(work.device())
                    .threads(threads).output(null).quiet(true).resume(false).executor("local", Map.of()).build();
            return new Sent(spec, new Runner(spec, services, Progress.silent()).check());
        });
        return new BatchRunner(s.spec(), s.prepared(), work, ShotModels.ofWork(s.spec().model(), work.model()), Progress.silent(), null,
                MemoryPlan.ofThisJvm(), (sim, storage) -> { }, Evaluator.LOCAL);
    }

    /** The inversion loop, when its bundle is there. */
    private volatile InversionLoop inversion;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void addInversion(InversionLoop loop) {
        inversion = loop;
    }

    public void removeInversion(InversionLoop loop) {
        if (inversion == loop) {
            inversion = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addPropagator(Propagator p, Map<String, Object> props) {
        services.propagators.put(name(props, Propagator.PROPERTY, p.name()), p);
    }

    public void removePropagator(Propagator p, Map<String, Object> props) {
        services.propagators.remove(name(props, Propagator.PROPERTY, p.name()), p);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addDevice(Device d, Map<String, Object> props) {
        services.devices.put(name(props, Device.PROPERTY, d.name()), d);
    }

    public void removeDevice(Device d, Map<String, Object> props) {
        services.devices.remove(name(props, Device.PROPERTY, d.name()), d);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addLoss(Loss l, Map<String, Object> props) {
        services.losses.put(name(props, Loss.PROPERTY, l.name()), l);
    }

    public void removeLoss(Loss l, Map<String, Object> props) {
        services.losses.remove(name(props, Loss.PROPERTY, l.name()), l);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addMapping(Mapping m, Map<String, Object> props) {
        services.mappings.put(name(props, Mapping.PROPERTY, m.name()), m);
    }

    public void removeMapping(Mapping m, Map<String, Object> props) {
        services.mappings.remove(name(props, Mapping.PROPERTY, m.name()), m);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addOptimiser(Optimiser o, Map<String, Object> props) {
        services.optimisers.put(name(props, Optimiser.PROPERTY, o.name()), o);
    }

    public void removeOptimiser(Optimiser o, Map<String, Object> props) {
        services.optimisers.remove(name(props, Optimiser.PROPERTY, o.name()), o);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addExecutor(ShotExecutor e, Map<String, Object> props) {
        services.executors.put(name(props, ShotExecutor.PROPERTY, e.name()), e);
    }

    public void removeExecutor(ShotExecutor e, Map<String, Object> props) {
        services.executors.remove(name(props, ShotExecutor.PROPERTY, e.name()), e);
    }

    /** The service's name property, falling back to what the service says of itself. */
    private static String name(Map<String, Object> props, String key, String fallback) {
        Object v = props.get(key);
        return v == null ? fallback : v.toString();
    }
}
