package org.seiche.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.seiche.api.Batches;
import org.seiche.api.Device;
import org.seiche.api.InversionSpec;
import org.seiche.api.Loss;
import org.seiche.api.Mapping;
import org.seiche.api.Optimiser;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Propagator;
import org.seiche.api.ShotExecutor;
import org.seiche.api.ShotWork.Compute;
import org.seiche.api.Task;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;
import org.seiche.wave.FlushToZero;
import org.seiche.pipeline.file.Finite;
import org.seiche.pipeline.file.PipelineKeys;
import org.seiche.pipeline.file.Services;
import org.seiche.pipeline.file.ShotModels;
import org.seiche.pipeline.file.SnapshotPlan;

/**
 * Runs one pipeline: checks every input against the chosen services, then models the
 * shots batch by batch, summing losses and gradients in batch order so that results do
 * not depend on the number of threads.
 */
public final class Runner {
    private final PipelineSpec spec;
    private final Services services;
    private final Progress progress;

    public Runner(PipelineSpec spec, Services services, Progress progress) {
        this.spec = spec;
        this.services = services;
        this.progress = progress;
    }

    /** What the task needs, checked before any propagation. */
    public record Prepared(Device device, Propagator propagator, Loss loss, Set<String> gradientWrt, int[][] batches,
                    List<Mapping> mappings, Optimiser optimiser, ShotExecutor executor) {
    }

    public Prepared check() {
        if (spec.model() == null) {
            throw new SeicheException("model: is missing");
        }
        if (spec.survey() == null) {
            throw new SeicheException("survey: is missing");
        }
        if (spec.propagator() == null) {
            throw new SeicheException("propagator: is missing");
        }
        ShotExecutor executor = executor();
        Propagator propagator = Services.resolve("propagator", spec.propagator(), services.propagators);
        PipelineKeys.declared("propagator", spec.settings().options().keySet(), PipelineKeys.PROPAGATOR,
                propagator.options(), "for propagator " + propagator.name());
        for (String p : spec.model().parameters().keySet()) {
            if (!propagator.parameterNames().contains(p)) {
                throw new SeicheException("model.parameters." + p + ": not a parameter of propagator " + propagator.name()
                        + " (it takes " + String.join(", ", propagator.parameterNames()) + ")");
            }
        }
        checkFinite();
        ShotModels.check(spec);
        Device device = services.device(spec.device(), spec.threads(), propagator);
        if (Services.isAuto(spec.device())) {
            progress.note("device: auto chose " + device.name() + " (the best available with kernels for the "
                    + propagator.name() + " propagator)");
        }
        Loss loss = null;
        Set<String> wrt = new LinkedHashSet<>(spec.gradientWrt());
        if (spec.task().needsLoss()) {
            loss = Services.resolve("loss", spec.loss(), services.losses);
            checkObserved(spec.survey());
            if (wrt.isEmpty() && spec.task() == Task.GRADIENT) {
                throw new SeicheException("gradient_wrt: name at least one model parameter or source_amplitudes");
            }
            for (String w : wrt) {
                if (!spec.model().parameters().containsKey(w) && !w.startsWith(Simulation.SOURCE_AMPLITUDES)) {
                    throw new SeicheException("gradient_wrt: '" + w + "' is neither a model parameter ("
                            + String.join(", ", spec.model().parameters().keySet()) + ") nor source_amplitudes");
                }
            }
        }
        if (spec.task() == Task.HESSIAN) {
            long params = wrt.stream().filter(spec.model().parameters()::containsKey).count();
            if (params != 1) {
                throw new SeicheException("gradient_wrt: task hessian takes exactly one model parameter, got " + wrt);
            }
        }
        if (spec.output() != null) {
            Results.checkWritable(spec.output());
        }
        List<Mapping> mappings = new ArrayList<>();
        Optimiser optimiser = null;
        int perBatchSpec = spec.shotsPerBatch();
        InversionSpec inv = spec.inversion();
        if (spec.task() == Task.INVERT && inv == null) {
            throw new SeicheException("inversion: is missing (task invert needs it)");
        }
        if (inv != null && (spec.task() == Task.INVERT || spec.task() == Task.GRADIENT)) {
            for (InversionSpec.MappingUse m : inv.mappings()) {
                Mapping mapping = Services.resolve("inversion.mappings", m.mapping(), services.mappings);
                PipelineKeys.declared("inversion.mappings[" + mappings.size() + "]", m.config().keySet(), PipelineKeys.MAPPING,
                        mapping.options(), "for mapping " + mapping.name());
                mappings.add(mapping);
            }
            if (spec.task() == Task.INVERT) {
                optimiser = Services.resolve("inversion.optimiser", inv.optimiser(), services.optimisers);
                PipelineKeys.declared("inversion.optimiser", inv.optimiserConfig().keySet(), PipelineKeys.OPTIMISER,
                        optimiser.options(), "for optimiser " + optimiser.name());
                wrt = new LinkedHashSet<>(inv.parameters());
                perBatchSpec = inv.shotsPerBatch();
            } else {
                // the gradient the inversion would step with needs the raw gradient of every inverted parameter
                wrt.addAll(inv.parameters());
            }
        }
        int shots = spec.survey().shots();
        int per = perBatchSpec < 0 ? (shots + (-perBatchSpec) - 1) / (-perBatchSpec)
                : perBatchSpec == 0 ? shots : perBatchSpec;
        return new Prepared(device, propagator, loss, wrt, Batches.split(shots, per), mappings, optimiser, executor);
    }

    /**
     * The executor the pipeline names, its settings checked as it declares them; snapshots
     * are written by this process's own runs, so they need the local executor.
     */
    private ShotExecutor executor() {
        ShotExecutor executor = Services.resolve("executor", spec.executor(), services.executors);
        PipelineKeys.declared("executor", spec.executorConfig().keySet(), Set.of(), executor.options(),
                "for executor " + executor.name());
        if (spec.options().get(SnapshotFiles.FOLDER) != null && !(executor instanceof LocalShotExecutor)) {
            throw new SeicheException("snapshots: are written by this process's own runs; executor " + executor.name()
                    + " runs shots elsewhere (use executor: local to write snapshots)");
        }
        return executor;
    }

    /**
     * The arrays a run reads, as a pipeline built in code hands them over: a file's are
     * refused already as it is read, naming the file.
     */
    private void checkFinite() {
        for (Map.Entry<String, NdArray> e : spec.model().parameters().entrySet()) {
            refuseNonFinite("model.parameters." + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, NdArray> e : ShotModels.of(spec).perShot().entrySet()) {
            refuseNonFinite("model.parameters." + e.getKey(), e.getValue());
        }
        for (int g = 0; g < spec.survey().sources().size(); g++) {
            refuseNonFinite("survey.sources" + (g == 0 ? "" : "[" + g + "]") + ".amplitudes",
                    spec.survey().sources().get(g).amplitudes());
        }
        for (int g = 0; g < spec.observed().size(); g++) {
            refuseNonFinite("observed" + (g == 0 ? "" : "[" + g + "]"), spec.observed().get(g));
        }
    }

    private static void refuseNonFinite(String field, NdArray a) {
        String problem = Finite.problem(a);
        if (problem != null) {
            throw new SeicheException(field + ": holds " + problem + "; values must be finite");
        }
    }

    private void checkObserved(Survey survey) {
        if (spec.observed().isEmpty()) {
            throw new SeicheException("observed: is missing (task " + spec.task() + " needs observed data)");
        }
        if (spec.observed().size() != survey.receivers().size()) {
            throw new SeicheException("observed: " + spec.observed().size() + " arrays for " + survey.receivers().size()
                    + " receiver groups");
        }
        for (int g = 0; g < survey.receivers().size(); g++) {
            var loc = survey.receivers().get(g).locations();
            int[] expect = {loc.shots(), loc.perShot(), survey.nt()};
            if (!java.util.Arrays.equals(expect, spec.observed().get(g).shape())) {
                throw new SeicheException("observed: shape " + spec.observed().get(g).shapeString() + ", expected "
                        + java.util.Arrays.toString(expect) + " [shots, receivers_per_shot, nt]");
            }
        }
    }

    /** Arrays by file stem, their pictures, the run's summary and other JSON files. */
    public record Outcome(Map<String, NdArray> arrays, Map<String, Consumer<Path>> pictures, Map<String, Object> summary,
                   Map<String, Object> jsonFiles, Map<String, Path> folders) {
        public Outcome(Map<String, NdArray> arrays, Map<String, Consumer<Path>> pictures, Map<String, Object> summary,
                Map<String, Object> jsonFiles) {
            this(arrays, pictures, summary, jsonFiles, Map.of());
        }
    }

    /** task: model, the model as read (generated, smoothed) with its pictures; needs nothing but the model. */
    Outcome model() {
        long start = System.nanoTime();
        if (spec.model() == null) {
            throw new SeicheException("model: is missing");
        }
        if (spec.output() != null) {
            Results.checkWritable(spec.output());
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        Map<String, Object> ranges = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : spec.model().parameters().entrySet()) {
            // a parameter given per shot is written whole, [shots, *shape]
            NdArray a = ShotModels.of(spec).parameter(e.getKey());
            arrays.put("model_" + e.getKey(), a);
            DoubleSummaryStatistics st = Arrays.stream(a.data()).summaryStatistics();
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("min", st.getMin());
            range.put("max", st.getMax());
            ranges.put(e.getKey(), range);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", spec.task().label());
        summary.put("shape", spec.model().shape());
        summary.put("spacing", spec.model().spacing());
        summary.put("parameters", ranges);
        summary.put("seconds", (System.nanoTime() - start) / 1e9);
        summary.put("peak_memory_bytes", (long) spec.model().parameters().size() * NdArray.size(spec.model().shape()) * Double.BYTES);
        return new Outcome(arrays, Pictures.of(arrays, spec), summary, Map.of());
    }

    /**
     * Runs the checked task with its shots on the executor's session (closed by the caller);
     * task invert and an inversion block go through the inversion loop, null when its bundle
     * is not there.
     */
    public Outcome run(Prepared p, ShotExecutor.Session shots, InversionLoop inversion) {
        if ((spec.task() == Task.INVERT || spec.inversion() != null) && inversion == null) {
            throw new SeicheException((spec.task() == Task.INVERT ? "task: invert" : "inversion")
                    + ": needs the inversion loop (bundle seiche-pipeline-inversion), which is not installed");
        }
        if (spec.task() == Task.INVERT) {
            return inversion.invert(spec, p, shots);
        }
        long start = System.nanoTime();
        // with an inversion block, the gradient at the inversion's start model, also mapped to inversion space
        InversionLoop.StartPoint x0 = spec.inversion() == null ? null : inversion.start(spec, p.mappings());
        ShotModels.Split model = x0 == null ? ShotModels.of(spec) : x0.model();
        Compute want = switch (spec.task()) {
            case FORWARD -> Compute.DATA;
            case HESSIAN -> Compute.HESSIAN;
            case GRADIENT -> Compute.GRADIENT;
            case MODEL, INVERT -> throw new IllegalStateException("task " + spec.task() + " is not run by its shots alone");
        };
        SnapshotFiles snapshots = snapshotFiles();
        Evaluator.Evaluation e = discardOnFailure(snapshots,
                () -> new Evaluator(spec, p, progress).snapshots(snapshots).shots(shots).evaluate(model, p.batches(), p.gradientWrt(), want));
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        for (int g = 0; g < e.data().size(); g++) {
            arrays.put(g == 0 ? "receiver_data" : "receiver_data_" + g, e.data().get(g));
        }
        arrays.putAll(e.extraData());
        for (int g = 0; g < spec.dataMask().size(); g++) {
            arrays.put(g == 0 ? "data_mask" : "data_mask_" + g, spec.dataMask().get(g));
        }
        for (Map.Entry<String, NdArray> g : e.gradients().entrySet()) {
            arrays.put("gradient_" + g.getKey(), g.getValue());
        }
        if (x0 != null) {
            x0.mapped(e.gradients()).forEach((k, g) -> arrays.put("mapped_gradient_" + k, g));
        }
        if (e.hessian() != null) {
            arrays.put("hessian_" + p.gradientWrt().stream().filter(spec.model().parameters()::containsKey)
                    .findFirst().orElseThrow(), e.hessian());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        if (want != Compute.DATA) {
            summary.put("loss", e.loss());
        }
        summary.putAll(describe(spec, p, start, e.stepRatio()));
        summary.putAll(shots.report());
        if (!model.perShot().isEmpty()) {
            // the one velocity every shot's step and PML were set by
            summary.put("max_vel", ShotModels.settings(spec.settings(), p.propagator(), model, spec.survey().shots()).maxVel());
        }
        summary.put("peak_memory_bytes", e.peakBytes() + inputBytes(spec));
        summary.put("memory_estimate_bytes", e.estimateBytes());
        if (e.storage() != null) {
            summary.put("storage", e.storageSummary());
        }
        summary.put("memory_per_shot_bytes", e.bytesPerShot());
        // the snapshots' pictures are drawn with the other results', outside the task's seconds
        Map<String, Path> folders = snapshots == null ? Map.of()
                : Map.of(SnapshotFiles.FOLDER, discardOnFailure(snapshots, snapshots::finish));
        return new Outcome(arrays, Pictures.of(arrays, spec), summary, Map.of(), folders);
    }

    /** Runs work; if it fails, what the snapshots wrote so far is removed. */
    private static <T> T discardOnFailure(SnapshotFiles snapshots, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException failure) {
            if (snapshots != null) {
                snapshots.discard();
            }
            throw failure;
        }
    }

    /** The writer of the snapshots the pipeline asks for; null when it asks for none or writes no output. */
    private SnapshotFiles snapshotFiles() {
        Object plan = spec.options().get(SnapshotFiles.FOLDER);
        if (!(plan instanceof SnapshotPlan snapshots) || spec.output() == null) {
            return null;
        }
        return new SnapshotFiles(snapshots, spec.output(), spec.model().shape(), spec.precision());
    }

    /** The summary fields every task writes. */
    public static Map<String, Object> describe(PipelineSpec spec, Prepared p, long startNanos, int stepRatio) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", spec.task().label());
        summary.put("propagator", p.propagator().name());
        summary.put("executor", p.executor().name());
        summary.put("device", p.device().name());
        summary.put("threads", p.device().threads());
        summary.put("precision", spec.precision().label());
        if ("cpu".equals(p.device().name())) {
            // who made subnormals zero in the CPU kernels: results and speed differ slightly between the two
            summary.put("subnormals", FlushToZero.SUBNORMALS);
        }
        summary.put("shots", spec.survey().shots());
        if (!ShotModels.of(spec).perShot().isEmpty()) {
            summary.put("shot_models", List.copyOf(ShotModels.of(spec).perShot().keySet()));
        }
        summary.put("batches", p.batches().length);
        summary.put("step_ratio", stepRatio);
        summary.put("seconds", (System.nanoTime() - startNanos) / 1e9);
        return summary;
    }

    /** Bytes of the inputs held as doubles: model, observed data, source amplitudes. */
    static long inputBytes(PipelineSpec spec) {
        long n = 0;
        for (NdArray a : spec.model().parameters().values()) {
            n += a.size();
        }
        for (NdArray a : spec.observed()) {
            n += a.size();
        }
        for (var s : spec.survey().sources()) {
            n += s.amplitudes().size();
        }
        return n * Double.BYTES;
    }
}
