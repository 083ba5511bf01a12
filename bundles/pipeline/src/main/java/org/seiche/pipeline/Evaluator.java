package org.seiche.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import org.seiche.api.Batches;
import org.seiche.api.ForwardRun;
import org.seiche.api.Loss;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Survey;

/**
 * Models batches of shots on a model and, when asked, runs their adjoints: the loss summed
 * over batches, model gradients summed in batch order (so results do not depend on the
 * number of threads), per-shot source gradients placed at their shots, and Hessian columns.
 */
final class Evaluator {
    private final PipelineSpec spec;
    private final Runner.Prepared services;
    private final Progress progress;
    /** Where the run stands (an inversion's iteration), for the message when a value goes non-finite. */
    private String stage = "";
    /** Where the snapshots of {@link #evaluate} go; null for none. */
    private SnapshotFiles snapshots;
    private final MemoryPlan plan;

    Evaluator(PipelineSpec spec, Runner.Prepared services, Progress progress) {
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

    /** Names where the run stands from now on, e.g. "iteration 3", for the message when a value goes non-finite. */
    void stage(String where) {
        stage = where;
    }

    /** What modelling some batches gave, and the bytes planned for it before it ran. */
    record Evaluation(double loss, Map<String, NdArray> gradients, List<NdArray> data, NdArray hessian,
                      long peakBytes, int stepRatio, long bytesPerShot, Map<String, NdArray> extraData, long estimateBytes) {
    }

    /** What to compute besides the receiver data. */
    enum Want {
        DATA, LOSS, GRADIENT, HESSIAN;

        boolean adjoint() {
            return this == GRADIENT || this == HESSIAN;
        }
    }

    Evaluation evaluate(Model model, int[][] batches, Set<String> wrt, Want want) {
        // an optimiser's step (or a mapping) that left the model non-finite is named as such, not by its data
        for (Map.Entry<String, NdArray> p : model.parameters().entrySet()) {
            String problem = Finite.problem(p.getValue());
            if (problem != null) {
                throw new SeicheException((stage.isEmpty() ? "" : stage + ": ") + "model parameter " + p.getKey() + " is "
                        + problem);
            }
        }
        // the kernels compile on a small copy of the run while this one prepares
        Warmup warmup = Warmup.start(spec, services, want.adjoint());
        Map<String, NdArray> perShot = ShotModels.of(spec);
        // with a model per shot each run holds one shot
        Totals t = new Totals(model, wrt, want, perShot.isEmpty() ? batches : new int[][] {{0}}, warmup);
        if (perShot.isEmpty()) {
            try (Simulation sim = prepare(model, spec.settings())) {
                t.start(sim);
                for (int[] batch : batches) {
                    t.run(sim, batch);
                }
            }
        } else {
            // each shot in its own model, in batch order; every shot steps with the same max_vel
            var settings = ShotModels.settings(spec.settings(), services.propagator(), model, perShot, spec.survey().shots());
            for (int[] batch : batches) {
                for (int s : batch) {
                    try (Simulation sim = prepare(ShotModels.forShot(model, perShot, s), settings)) {
                        t.start(sim);
                        t.run(sim, new int[] {s});
                    }
                }
            }
        }
        progress.finish();
        return new Evaluation(t.loss, t.gradients, t.data, t.hessian, t.peak, t.stepRatio, t.bytesPerShot, t.extra, t.estimate);
    }

    private Simulation prepare(Model model, PropagatorSettings settings) {
        return OffGridTransducers.prepare(services.propagator(), new SimulationSetup(model, spec.survey(), settings,
                services.device(), spec.precision(), progress.steps(), snapshots == null ? null : snapshots.request()), spec);
    }

    /** What the batches gave so far: data and gradients placed at their shots, loss and model gradients summed in order. */
    private final class Totals {
        private final Model model;
        private final Set<String> wrt;
        private final Want want;
        private final Set<String> perShot = ShotModels.of(spec).keySet();
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
        private final int[][] runs;
        private final Warmup warmup;

        Totals(Model model, Set<String> wrt, Want want, int[][] runs, Warmup warmup) {
            this.model = model;
            this.wrt = wrt;
            this.want = want;
            this.runs = runs;
            this.warmup = warmup;
            Survey survey = spec.survey();
            for (var g : survey.receivers()) {
                data.add(NdArray.zeros(g.locations().shots(), g.locations().perShot(), survey.nt()));
            }
        }

        /**
         * At the first simulation (all of a run's simulations step alike): plans the memory,
         * waits for the warm-up, starts the snapshots and the progress bar.
         */
        void start(Simulation sim) {
            if (stepRatio == 0) {
                estimate = plan(sim, model, runs, wrt, want);
                warmup.join();
                stepRatio = sim.stepRatio();
                if (snapshots != null) {
                    snapshots.start(spec.survey().nt() * stepRatio, spec.survey().dt() / stepRatio);
                }
                bytesPerShot = sim.bytesPerShot(want.adjoint());
                progress.start(spec.task() + " " + services.propagator().name(),
                        (long) shots * spec.survey().nt() * stepRatio * runsPerShot(want, model, wrt));
            }
        }

        void run(Simulation sim, int[] batch) {
            try (ForwardRun run = sim.forward(batch, want.adjoint() ? wrt : Set.of())) {
                List<NdArray> batchData = run.receiverData();
                for (int g = 0; g < batchData.size(); g++) {
                    requireFinite(g == 0 ? "receiver_data" : "receiver_data_" + g, batchData.get(g), batch, true);
                    Batches.scatterShots(batchData.get(g), batch, data.get(g));
                }
                for (Map.Entry<String, NdArray> e : run.extraData().entrySet()) {
                    int[] shape = e.getValue().shape();
                    shape[0] = shots;
                    Batches.scatterShots(e.getValue(), batch, extra.computeIfAbsent(e.getKey(), k -> NdArray.zeros(shape)));
                }
                if (want != Want.DATA) {
                    List<NdArray> observed = observed(batch);
                    List<NdArray> adjointSources = new ArrayList<>();
                    for (int g = 0; g < batchData.size(); g++) {
                        Loss l = loss(g, batch);
                        double value = l.value(batchData.get(g), observed.get(g), shots);
                        if (!Double.isFinite(value)) {
                            throw nonFiniteLoss(g, batchData.get(g), observed.get(g), batch, value);
                        }
                        loss += value;
                        if (want.adjoint()) {
                            adjointSources.add(l.adjointSource(batchData.get(g), observed.get(g), shots));
                        }
                    }
                    if (want.adjoint()) {
                        Map<String, NdArray> batchGradients = run.adjoint(adjointSources);
                        for (Map.Entry<String, NdArray> e : batchGradients.entrySet()) {
                            requireFinite("gradient_" + e.getKey(), e.getValue(), batch,
                                    e.getKey().startsWith(Simulation.SOURCE_AMPLITUDES));
                        }
                        accumulate(batchGradients, batch);
                    }
                    if (want == Want.HESSIAN) {
                        NdArray h = hessian(run, model, wrt, batchData, observed, adjointSources, batch);
                        String name = wrt.stream().filter(model.parameters()::containsKey).findFirst().orElseThrow();
                        requireFinite("hessian_" + name, h, batch, false);
                        if (perShot.contains(name)) {
                            // a shot's loss depends on its own model only: the Hessian is block diagonal, one block per shot
                            if (hessian == null) {
                                hessian = NdArray.zeros(prepend(shots, h.shape()));
                            }
                            Batches.scatterShots(new NdArray(prepend(1, h.shape()), h.data()), batch, hessian);
                        } else {
                            hessian = Evaluator.add(hessian, h);
                        }
                    }
                }
                peak = Math.max(peak, run.peakMemoryBytes());
            }
        }

        /**
         * Sums model gradients over batches; places per-shot source gradients, and the
         * gradients of a model given per shot (one shot per batch), at their shots.
         */
        private void accumulate(Map<String, NdArray> batchGradients, int[] batch) {
            for (Map.Entry<String, NdArray> e : batchGradients.entrySet()) {
                NdArray g = e.getValue();
                boolean sources = e.getKey().startsWith(Simulation.SOURCE_AMPLITUDES);
                if (sources || perShot.contains(e.getKey())) {
                    int[] shape = sources ? g.shape() : prepend(shots, g.shape());
                    shape[0] = shots;
                    Batches.scatterShots(g, batch, gradients.computeIfAbsent(e.getKey(), k -> NdArray.zeros(shape)));
                } else {
                    gradients.merge(e.getKey(), g, Evaluator::add);
                }
            }
        }
    }

    /** The run's bytes at its peak, refused here, before its first step, when the heap cannot hold them. */
    private long plan(Simulation sim, Model model, int[][] batches, Set<String> wrt, Want want) {
        int largest = 0;
        for (int[] b : batches) {
            largest = Math.max(largest, b.length);
        }
        long dataPerShot = 0;
        for (var g : spec.survey().receivers()) {
            dataPerShot += (long) g.locations().perShot() * spec.survey().nt();
        }
        long gradientValues = 0;
        int hessianCells = 0;
        for (String w : want.adjoint() ? wrt : Set.<String>of()) {
            if (model.parameters().containsKey(w)) {
                gradientValues += model.parameter(w).size();
                hessianCells = want == Want.HESSIAN && hessianCells == 0 ? model.parameter(w).size() : hessianCells;
            }
        }
        long estimate = MemoryPlan.estimate(sim, want.adjoint(), new MemoryPlan.Sizes(Runner.inputBytes(spec), largest,
                services.device().threads(), dataPerShot, gradientValues, hessianCells));
        plan.check(estimate, largest, spec.settings().gradientSamplingInterval(), want == Want.HESSIAN);
        return estimate;
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
    private static long runsPerShot(Want want, Model model, Set<String> wrt) {
        return switch (want) {
            case DATA, LOSS -> 1;
            case GRADIENT -> 2;
            case HESSIAN -> 3 + 2L * wrt.stream().filter(model.parameters()::containsKey).findFirst()
                    .map(p -> model.parameter(p).size()).orElse(0);
        };
    }

    /**
     * H w for each direction (in the model parameters), summed over the batches in order:
     * one forward and adjoint run per batch serves every product, and the products run in
     * parallel on the device.
     */
    List<Map<String, NdArray>> hessianVectors(Model model, int[][] batches, List<Map<String, NdArray>> directions) {
        int shots = spec.survey().shots();
        List<Map<String, NdArray>> total = new ArrayList<>();
        for (int i = 0; i < directions.size(); i++) {
            total.add(new LinkedHashMap<>());
        }
        try (Simulation sim = OffGridTransducers.prepare(services.propagator(),
                new SimulationSetup(model, spec.survey(), spec.settings(), services.device(), spec.precision()), spec)) {
            for (int[] batch : batches) {
                try (ForwardRun run = sim.forward(batch, directions.get(0).keySet())) {
                    List<NdArray> data = run.receiverData();
                    List<NdArray> observed = observed(batch);
                    List<NdArray> adjointSources = new ArrayList<>();
                    for (int g = 0; g < data.size(); g++) {
                        adjointSources.add(loss(g, batch).adjointSource(data.get(g), observed.get(g), shots));
                    }
                    run.adjoint(adjointSources);
                    List<Map<String, NdArray>> products = products(run, directions.size(), directions::get, adjointSources,
                            curvature(data, observed, batch));
                    for (int i = 0; i < directions.size(); i++) {
                        for (Map.Entry<String, NdArray> e : products.get(i).entrySet()) {
                            requireFinite("hessian_product_" + e.getKey(), e.getValue(), batch, false);
                            total.get(i).merge(e.getKey(), e.getValue(), Evaluator::add);
                        }
                    }
                }
            }
        }
        return total;
    }

    /** count Hessian products of one run, in parallel on the device. */
    private List<Map<String, NdArray>> products(ForwardRun run, int count, IntFunction<Map<String, NdArray>> direction,
                                                List<NdArray> adjointSources, UnaryOperator<List<NdArray>> curvature) {
        List<Map<String, NdArray>> out = new ArrayList<>(Collections.nCopies(count, null));
        services.device().parallel(count, i -> out.set(i, run.hessianVector(direction.apply(i), adjointSources, curvature)));
        return out;
    }

    /**
     * Stops the run at a NaN or infinity in a batch's values, naming the quantity and the
     * shot: for a per-shot array (leading axis the batch's shots) the shot holding it and its
     * index in the survey's array, otherwise the batch's shots.
     */
    private void requireFinite(String quantity, NdArray a, int[] batch, boolean perShot) {
        int i = Finite.first(a.data());
        if (i < 0) {
            return;
        }
        int[] at = Finite.index(a.shape(), i);
        if (perShot) {
            at[0] = batch[at[0]];
        }
        throw new SeicheException(where(perShot ? new int[] {at[0]} : batch) + quantity + " is " + a.data()[i] + " at "
                + Arrays.toString(at));
    }

    /** A batch's loss went non-finite: names the first shot whose own loss does (one more pass, on this path only). */
    private SeicheException nonFiniteLoss(int g, NdArray data, NdArray observed, int[] batch, double value) {
        int[] who = batch;
        for (int i = 0; i < batch.length && batch.length > 1; i++) {
            int[] one = {i};
            double own = loss(g, new int[] {batch[i]}).value(Batches.selectShots(data, one), Batches.selectShots(observed, one),
                    spec.survey().shots());
            if (!Double.isFinite(own)) {
                who = new int[] {batch[i]};
                break;
            }
        }
        return new SeicheException(where(who) + "loss" + (g == 0 ? "" : " of receiver group " + g) + " is " + value);
    }

    /** "iteration 3, shot 2: " or "shots [0, 1]: ". */
    private String where(int[] shots) {
        return (stage.isEmpty() ? "" : stage + ", ") + (shots.length == 1 ? "shot " + shots[0] : "shots " + Arrays.toString(shots))
                + ": ";
    }

    private List<NdArray> observed(int[] batch) {
        List<NdArray> out = new ArrayList<>();
        for (NdArray o : spec.observed()) {
            out.add(Batches.selectShots(o, batch));
        }
        return out;
    }

    /** The loss of receiver group g for a batch: the service's, through the data mask if there is one. */
    private Loss loss(int g, int[] batch) {
        if (spec.dataMask().isEmpty()) {
            return services.loss();
        }
        return new MaskedLoss(services.loss(), Batches.selectShots(spec.dataMask().get(g), batch));
    }

    private UnaryOperator<List<NdArray>> curvature(List<NdArray> data, List<NdArray> observed, int[] batch) {
        int shots = spec.survey().shots();
        return dirs -> {
            List<NdArray> out = new ArrayList<>();
            for (int g = 0; g < dirs.size(); g++) {
                out.add(loss(g, batch).curvature(data.get(g), observed.get(g), dirs.get(g), shots));
            }
            return out;
        };
    }

    /**
     * The Hessian w.r.t. the one model parameter asked: the propagator's own when it has
     * one, otherwise one exact product per cell, cells in parallel.
     */
    private NdArray hessian(ForwardRun run, Model model, Set<String> wrt, List<NdArray> data, List<NdArray> observed,
                            List<NdArray> adjointSources, int[] batch) {
        String name = wrt.stream().filter(model.parameters()::containsKey).findFirst().orElseThrow();
        int[] shape = model.parameter(name).shape();
        int n = model.parameter(name).size();
        UnaryOperator<List<NdArray>> curvature = curvature(data, observed, batch);
        try {
            return run.hessian(name, adjointSources, curvature);
        } catch (UnsupportedOperationException e) {
            // no full Hessian from this propagator: the products below
        }
        List<Map<String, NdArray>> columns = products(run, n, i -> {
            NdArray e = NdArray.zeros(shape);
            e.data()[i] = 1;
            return Map.of(name, e);
        }, adjointSources, curvature);
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) {
            // H is symmetric: its product with e_i is row i as well as column i
            System.arraycopy(columns.get(i).get(name).data(), 0, h, i * n, n);
        }
        return new NdArray(new int[] {n, n}, h);
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
