package org.seiche.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seiche.api.Batches;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;
import org.seiche.api.ShotExecutor;
import org.seiche.api.ShotResult;
import org.seiche.api.ShotWork;
import org.seiche.api.ShotWork.Compute;
import org.seiche.api.Simulation;
import org.seiche.api.Storage;
import org.seiche.api.Survey;
import org.seiche.wave.storage.StoragePlanner;
import org.seiche.pipeline.file.Finite;
import org.seiche.pipeline.file.ShipPipeline;
import org.seiche.pipeline.file.ShotModels;

/**
 * Models batches of shots on a model and, when asked, runs their adjoints, through the run's
 * shot executor: the work goes out as a {@link ShotWork}, each batch's {@link ShotResult}
 * comes back in batch order and is summed here in that order (the loss, model gradients,
 * Hessians), per-shot data and source gradients placed at their shots, so a result is the
 * same bits whatever ran where and on how many threads.
 */
public final class Evaluator {
    private final PipelineSpec spec;
    private final Runner.Prepared services;
    private final Progress progress;
    /** Where the run stands (an inversion's iteration), for the message when a value goes non-finite. */
    private String stage = "";
    /** Where the snapshots of {@link #evaluate} go; null for none. */
    private SnapshotFiles snapshots;
    private final MemoryPlan plan;
    /** Where the shots run: this process unless the run opened its executor's session. */
    private ShotExecutor.Session shots = LocalShotExecutor.SESSION;
    /** Whether the storage chosen by the budget was said on stderr. */
    private boolean storageSaid;

    public Evaluator(PipelineSpec spec, Runner.Prepared services, Progress progress) {
        this(spec, services, progress, MemoryPlan.ofThisJvm());
    }

    Evaluator(PipelineSpec spec, Runner.Prepared services, Progress progress, MemoryPlan plan) {
        this.spec = spec;
        this.services = services;
        this.progress = progress;
        this.plan = plan;
    }

    /** Hands the wavefields of the next evaluation's runs to these snapshot files (null: none). */
    Evaluator snapshots(SnapshotFiles files) {
        snapshots = files;
        return this;
    }

    /** Runs the shots of every evaluation from now on through this executor session. */
    public Evaluator shots(ShotExecutor.Session session) {
        shots = session;
        return this;
    }

    /** Names where the run stands from now on, e.g. "iteration 3", for the message when a value goes non-finite. */
    public void stage(String where) {
        stage = where;
    }

    /** What modelling some batches gave, and the bytes planned for it before it ran. */
    public record Evaluation(double loss, Map<String, NdArray> gradients, List<NdArray> data, NdArray hessian,
                      long peakBytes, int stepRatio, long bytesPerShot, Map<String, NdArray> extraData, long estimateBytes,
                      Storage.Plan storage) {
        /** The plan as summary.json gives it; null for a run without an adjoint (or none run in this process). */
        public Map<String, Object> storageSummary() {
            if (storage == null) {
                return null;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", storage.mode().key());
            m.put("compression", storage.compression().key());
            m.put("snapshots", storage.snapshots());
            m.put("recomputed_steps", storage.recomputedSteps());
            return m;
        }
    }

    /** Models the batches on the model (its per-shot parameters whole), with the adjoint and more as want asks. */
    public Evaluation evaluate(ShotModels.Split model, int[][] batches, Set<String> wrt, Compute want) {
        // an optimiser's step (or a mapping) that left the model non-finite is named as such, not by its data
        for (Map.Entry<String, NdArray> p : model.parameters().entrySet()) {
            String problem = Finite.problem(p.getValue());
            if (problem != null) {
                throw new SeicheException((stage.isEmpty() ? "" : stage + ": ") + "model parameter " + p.getKey() + " is "
                        + problem);
            }
        }
        int[][] runs = runs(model, batches);
        ShotWork work = work(model, runs, wrt, want, List.of());
        Totals t = new Totals(model, wrt, want);
        try (BatchRunner here = new BatchRunner(spec, services, work, model, progress, snapshots, plan, t::started, LOCAL)) {
            shots.run(work, here, r -> t.add(r, runs[r.batch()]));
        }
        progress.finish();
        return new Evaluation(t.loss, t.gradients, t.data, t.hessian, t.peak, t.stepRatio, t.bytesPerShot, t.extra, t.estimate,
                t.storage);
    }

    /** The batches as they run: with a model per shot each run holds one shot, in batch order. */
    private static int[][] runs(ShotModels.Split model, int[][] batches) {
        return model.perShot().isEmpty() ? batches : Arrays.stream(batches).flatMapToInt(Arrays::stream)
                .mapToObj(s -> new int[] {s}).toArray(int[][]::new);
    }

    /** The name results made in this process carry. */
    static final String LOCAL = "local";

    private ShotWork work(ShotModels.Split model, int[][] batches, Set<String> wrt, Compute want,
                          List<Map<String, NdArray>> directions) {
        return ShipPipeline.work(spec, services.device().name(), want, List.copyOf(wrt), model.parameters(), directions, batches, stage);
    }

    /** What the batches gave so far: data and gradients placed at their shots, loss and model gradients summed in order. */
    private final class Totals {
        private final Model model;
        private final Set<String> wrt;
        private final Compute want;
        private final Set<String> perShot;
        private final int shots = spec.survey().shots();
        private final List<NdArray> data = new ArrayList<>();
        private final Map<String, NdArray> gradients = new LinkedHashMap<>();
        private final Map<String, NdArray> extra = new LinkedHashMap<>();
        private double loss;
        private long peak;
        private NdArray hessian;
        private int stepRatio;
        private long bytesPerShot;
        private long estimate;
        private Storage.Plan storage;
        private boolean barStarted;

        Totals(ShotModels.Split model, Set<String> wrt, Compute want) {
            this.model = model.model();
            this.perShot = model.perShot().keySet();
            this.wrt = wrt;
            this.want = want;
            Survey survey = spec.survey();
            for (var g : survey.receivers()) {
                data.add(NdArray.zeros(g.locations().shots(), g.locations().perShot(), survey.nt()));
            }
        }

        /**
         * This process's first simulation (all of a run's simulations step alike): the
         * snapshots and the bar start; a storage mode chosen by the budget is said, once.
         */
        void started(Simulation sim, Storage.Plan plan) {
            storage = plan;
            Storage asked = spec.settings().storage();
            if (plan != null && asked.mode() == null && !storageSaid) {
                storageSaid = true;
                System.err.println("storage: " + plan.mode().key() + (plan.mode() == Storage.Mode.CHECKPOINT ? " (" + plan.snapshots()
                        + " snapshots, " + plan.recomputedSteps() + " recomputed steps per shot)" : "")
                        + " fits propagator.storage.memory " + StoragePlanner.bytes(asked.memoryBytes()));
            }
            if (snapshots != null) {
                snapshots.start(spec.survey().nt() * sim.stepRatio(), spec.survey().dt() / sim.stepRatio());
            }
            startBar(sim.stepRatio());
        }

        private void startBar(int ratio) {
            if (!barStarted) {
                barStarted = true;
                String where = Evaluator.this.shots.progressLabel();
                progress.start(spec.task().label() + " " + services.propagator().name() + (where.isEmpty() ? "" : " on " + where),
                        (long) shots * spec.survey().nt() * ratio * runsPerShot(want, model, wrt));
            }
        }

        /** One batch's result, in batch order. */
        void add(ShotResult r, int[] batch) {
            stepRatio = r.stepRatio();
            bytesPerShot = Math.max(bytesPerShot, r.bytesPerShot());
            estimate = Math.max(estimate, r.estimateBytes());
            peak = Math.max(peak, r.peakBytes());
            if (!LOCAL.equals(r.member())) {
                // elsewhere the steps are not seen one by one: the batch's count at once
                startBar(r.stepRatio());
                progress.advance((int) Math.min(Integer.MAX_VALUE,
                        (long) batch.length * spec.survey().nt() * r.stepRatio() * runsPerShot(want, model, wrt)));
            }
            for (int g = 0; g < r.data().size(); g++) {
                Batches.scatterShots(r.data().get(g), batch, data.get(g));
            }
            for (Map.Entry<String, NdArray> e : r.extraData().entrySet()) {
                int[] shape = e.getValue().shape();
                shape[0] = shots;
                Batches.scatterShots(e.getValue(), batch, extra.computeIfAbsent(e.getKey(), k -> NdArray.zeros(shape)));
            }
            for (double l : r.losses()) {
                loss += l;
            }
            accumulate(r.gradients(), batch);
            if (r.hessian() != null) {
                String name = wrt.stream().filter(model.parameters()::containsKey).findFirst().orElseThrow();
                if (perShot.contains(name)) {
                    // a shot's loss depends on its own model only: the Hessian is block diagonal, one block per shot
                    NdArray h = r.hessian();
                    if (hessian == null) {
                        hessian = NdArray.zeros(prepend(shots, h.shape()));
                    }
                    Batches.scatterShots(new NdArray(prepend(1, h.shape()), h.data()), batch, hessian);
                } else {
                    hessian = Evaluator.add(hessian, r.hessian());
                }
            }
        }

        private void accumulate(Map<String, NdArray> batchGradients, int[] batch) {
            Evaluator.accumulate(gradients, batchGradients, batch, perShot, shots);
        }
    }

    /**
     * Sums a batch's model gradients (or Hessian products) into total; places per-shot source
     * gradients, and those of a model given per shot (one shot per batch), at their shots.
     */
    private static void accumulate(Map<String, NdArray> total, Map<String, NdArray> batchGradients, int[] batch,
                                   Set<String> perShot, int shots) {
        for (Map.Entry<String, NdArray> e : batchGradients.entrySet()) {
            NdArray g = e.getValue();
            boolean sources = e.getKey().startsWith(Simulation.SOURCE_AMPLITUDES);
            if (sources || perShot.contains(e.getKey())) {
                int[] shape = sources ? g.shape() : prepend(shots, g.shape());
                shape[0] = shots;
                Batches.scatterShots(g, batch, total.computeIfAbsent(e.getKey(), k -> NdArray.zeros(shape)));
            } else {
                total.merge(e.getKey(), g, Evaluator::add);
            }
        }
    }

    private static int[] prepend(int n, int[] shape) {
        int[] out = new int[shape.length + 1];
        out[0] = n;
        System.arraycopy(shape, 0, out, 1, shape.length);
        return out;
    }

    /**
     * Time loops a shot takes, for the progress bar: a forward run, its adjoint, and for a
     * Hessian about two per column (a propagator with its own full Hessian; n products by
     * Born runs take more, and the bar then stops at 100 % a while).
     */
    private static long runsPerShot(Compute want, Model model, Set<String> wrt) {
        return switch (want) {
            case DATA, LOSS -> 1;
            case GRADIENT, HESSIAN_PRODUCTS -> 2;
            case HESSIAN -> 3 + 2L * wrt.stream().filter(model.parameters()::containsKey).findFirst()
                    .map(p -> model.parameter(p).size()).orElse(0);
        };
    }

    /**
     * H w for each direction (in the model parameters), summed over the batches in order:
     * one forward and adjoint run per batch serves every product.
     */
    public List<Map<String, NdArray>> hessianVectors(ShotModels.Split model, int[][] batches, List<Map<String, NdArray>> directions) {
        List<Map<String, NdArray>> total = new ArrayList<>();
        for (int i = 0; i < directions.size(); i++) {
            total.add(new LinkedHashMap<>());
        }
        int[][] runs = runs(model, batches);
        ShotWork work = work(model, runs, directions.get(0).keySet(), Compute.HESSIAN_PRODUCTS, directions);
        try (BatchRunner here = new BatchRunner(spec, services, work, model, Progress.silent(), null, plan, (sim, storage) -> { }, LOCAL)) {
            shots.run(work, here, r -> {
                for (int i = 0; i < directions.size(); i++) {
                    accumulate(total.get(i), r.products().get(i), runs[r.batch()], model.perShot().keySet(), spec.survey().shots());
                }
            });
        }
        return total;
    }

    static NdArray add(NdArray sum, NdArray term) {
        if (sum == null) {
            return term;
        }
        for (int i = 0; i < sum.size(); i++) {
            sum.data()[i] += term.data()[i];
        }
        return sum;
    }
}
