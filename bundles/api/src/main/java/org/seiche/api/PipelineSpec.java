package org.seiche.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pipeline assembled in code: the same content as a pipeline file, with services named
 * or given as instances. Build one with {@link #builder()} and hand it to {@link Pipeline}.
 */
public record PipelineSpec(Task task, Named<Device> device, int threads, Precision precision, Model model,
                           Named<Propagator> propagator, PropagatorSettings settings, Survey survey,
                           List<NdArray> observed, List<NdArray> dataMask, Named<Loss> loss, List<String> gradientWrt,
                           int shotsPerBatch,
                           InversionSpec inversion, Path output, boolean quiet, boolean resume,
                           Map<String, Object> options, double startupSeconds, Map<String, NdArray> trueModel,
                           Named<ShotExecutor> executor, Map<String, Object> executorConfig) {
    public PipelineSpec {
        task = task == null ? Task.FORWARD : task;
        executor = executor == null ? Named.of("local") : executor;
        executorConfig = executorConfig == null ? Map.of() : Map.copyOf(executorConfig);
        observed = observed == null ? List.of() : List.copyOf(observed);
        dataMask = dataMask == null ? List.of() : List.copyOf(dataMask);
        gradientWrt = gradientWrt == null ? List.of() : List.copyOf(gradientWrt);
        options = options == null ? Map.of() : Map.copyOf(options);
        trueModel = trueModel == null ? Map.of() : Map.copyOf(trueModel);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.task = task;
        b.device = device;
        b.threads = threads;
        b.precision = precision;
        b.model = model;
        b.propagator = propagator;
        b.settings = settings;
        b.survey = survey;
        b.observed = new ArrayList<>(observed);
        b.dataMask = new ArrayList<>(dataMask);
        b.loss = loss;
        b.gradientWrt = new ArrayList<>(gradientWrt);
        b.shotsPerBatch = shotsPerBatch;
        b.inversion = inversion;
        b.output = output;
        b.quiet = quiet;
        b.resume = resume;
        b.options = new LinkedHashMap<>(options);
        b.startupSeconds = startupSeconds;
        b.trueModel = trueModel;
        b.executor = executor;
        b.executorConfig = executorConfig;
        return b;
    }

    /** Fluent assembly of a {@link PipelineSpec}; unset fields take the pipeline file's defaults. */
    public static final class Builder {
        private Task task = Task.FORWARD;
        private Named<Device> device = Named.of("auto");
        private int threads;
        private Precision precision = Precision.FLOAT32;
        private Model model;
        private Named<Propagator> propagator;
        private PropagatorSettings settings = PropagatorSettings.defaults();
        private Survey survey;
        private List<NdArray> observed = new ArrayList<>();
        private List<NdArray> dataMask = new ArrayList<>();
        private Named<Loss> loss = Named.of("mse");
        private List<String> gradientWrt = new ArrayList<>();
        private int shotsPerBatch;
        private InversionSpec inversion;
        private Path output;
        private boolean quiet;
        private boolean resume;
        private Map<String, Object> options = new LinkedHashMap<>();
        private double startupSeconds = Double.NaN;
        private Map<String, NdArray> trueModel = Map.of();
        private Named<ShotExecutor> executor = Named.of("local");
        private Map<String, Object> executorConfig = Map.of();

        public Builder task(Task t) { task = t; return this; }
        /** The task of its label (forward, gradient...); an unknown label is refused naming the ones there are. */
        public Builder task(String label) { task = Task.parse(label); return this; }
        public Builder device(String name) { device = Named.of(name); return this; }
        public Builder device(Device d) { device = Named.instance(d.name(), d); return this; }
        /** Worker threads; 0 = the device's default. */
        public Builder threads(int n) { threads = n; return this; }
        public Builder precision(Precision p) { precision = p; return this; }
        public Builder model(Model m) { model = m; return this; }
        public Builder propagator(String name) { propagator = Named.of(name); return this; }
        public Builder propagator(Propagator p) { propagator = Named.instance(p.name(), p); return this; }
        public Builder settings(PropagatorSettings s) { settings = s; return this; }
        public Builder survey(Survey s) { survey = s; return this; }
        public Builder observed(NdArray... data) { observed = new ArrayList<>(List.of(data)); return this; }
        /** Weights applied to modelled and observed data before the loss, one array per receiver group. */
        public Builder dataMask(NdArray... masks) { dataMask = new ArrayList<>(List.of(masks)); return this; }
        public Builder loss(String name) { loss = Named.of(name); return this; }
        public Builder loss(Loss l) { loss = Named.instance(l.name(), l); return this; }
        public Builder gradientWrt(String... names) { gradientWrt = new ArrayList<>(List.of(names)); return this; }
        /** Shots per batch for gradients (0 = all at once); gradients are summed over batches. */
        public Builder shotsPerBatch(int n) { shotsPerBatch = n; return this; }
        public Builder inversion(InversionSpec i) { inversion = i; return this; }
        /** Directory the results are written to; null = return them only. */
        public Builder output(Path dir) { output = dir; return this; }
        public Builder quiet(boolean q) { quiet = q; return this; }
        public Builder resume(boolean r) { resume = r; return this; }
        public Builder option(String key, Object value) { options.put(key, value); return this; }
        /** Seconds the JVM and framework took to start before this run; NaN = unknown (not reported). */
        public Builder startupSeconds(double s) { startupSeconds = s; return this; }
        /** inversion.true_model: parameter name to array; each iteration then records the model error. Empty = none. */
        public Builder trueModel(Map<String, NdArray> m) { trueModel = m; return this; }

        /** The shot executor of that name with the executor block's settings (beyond name); default local. */
        public Builder executor(String name, Map<String, Object> config) {
            executor = Named.of(name);
            executorConfig = config;
            return this;
        }
        public Builder executor(ShotExecutor e, Map<String, Object> config) {
            executor = Named.instance(e.name(), e);
            executorConfig = config;
            return this;
        }

        public PipelineSpec build() {
            return new PipelineSpec(task, device, threads, precision, model, propagator, settings, survey, observed, dataMask, loss,
                    gradientWrt, shotsPerBatch, inversion, output, quiet, resume, options, startupSeconds, trueModel, executor, executorConfig);
        }
    }
}
