package org.seiche.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.seiche.api.ShotResult;
import org.seiche.api.ShotRunner;
import org.seiche.api.ShotWork;
import org.seiche.api.ShotWork.Compute;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Storage;
import org.seiche.pipeline.file.Finite;
import org.seiche.pipeline.file.OffGridTransducers;
import org.seiche.pipeline.file.ShotModels;

/**
 * Runs batches of one piece of shot work in this process: the executor's local path and a
 * worker's. The simulation is prepared at the first batch and shared by the rest (a model
 * per shot gives every shot its own); each batch's result is its own, for the caller to sum
 * in batch order.
 */
final class BatchRunner implements ShotRunner {
    /** Called once, at the first simulation, with the plan of its stored forward wavefield (null without an adjoint). */
    interface Start {
        void started(Simulation sim, Storage.Plan storage);
    }

    private final PipelineSpec spec;
    private final Runner.Prepared services;
    private final ShotWork work;
    /** The model of the work, with the parameters it gives per shot. */
    private final ShotModels.Split models;
    /** The run's model (per-shot parameters at shot 0): the shapes and sizes. */
    private final Model model;
    private final Set<String> wrt;
    private final Progress progress;
    private final SnapshotFiles snapshots;
    private final MemoryPlan plan;
    private final Start start;
    private final String member;
    private Warmup warmup;
    private Simulation shared;
    private boolean started;
    /** The plan of the stored forward wavefield, made at the first simulation; null without an adjoint. */
    private Storage.Plan storage;

    BatchRunner(PipelineSpec spec, Runner.Prepared services, ShotWork work, ShotModels.Split models, Progress progress,
                SnapshotFiles snapshots, MemoryPlan plan, Start start, String member) {
        this.spec = spec;
        this.services = services;
        this.work = work;
        this.models = models;
        this.model = models.model();
        this.wrt = work.compute() == Compute.HESSIAN_PRODUCTS ? work.directions().get(0).keySet()
                : new LinkedHashSet<>(work.wrt());
        this.progress = progress;
        this.snapshots = snapshots;
        this.plan = plan;
        this.start = start;
        this.member = member;
    }

    @Override
    public ShotResult run(int b) {
        long t0 = System.nanoTime();
        int[] batch = work.batches()[b];
        if (warmup == null) {
            // the kernels compile on a small copy of the run while this one prepares
            warmup = work.compute() == Compute.HESSIAN_PRODUCTS ? Warmup.start(spec, services, false)
                    : Warmup.start(spec, services, work.compute().adjoint());
        }
        Simulation sim;
        if (models.perShot().isEmpty()) {
            if (shared == null) {
                shared = prepare(model, spec.settings());
            }
            sim = shared;
        } else {
            // a model per shot: every batch holds one shot, and every shot steps with the same max_vel
            if (batch.length != 1) {
                throw new IllegalStateException("a model per shot runs one shot per batch, got " + Arrays.toString(batch));
            }
            sim = prepare(models.forShot(batch[0]),
                    ShotModels.settings(spec.settings(), services.propagator(), models, spec.survey().shots()));
        }
        try {
            long estimate = 0;
            if (!started) {
                started = true;
                storage = work.compute().adjoint() ? storagePlan(sim) : null;
                estimate = work.compute() == Compute.HESSIAN_PRODUCTS ? 0 : plan(sim, storage);
                warmup.join();
                start.started(sim, storage);
            }
            ShotResult r = work.compute() == Compute.HESSIAN_PRODUCTS ? products(sim, b, batch) : run(sim, b, batch, estimate);
            return r.by(member, (System.nanoTime() - t0) / 1e9);
        } finally {
            if (sim != shared) {
                sim.close();
            }
        }
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    private Simulation prepare(Model m, PropagatorSettings settings) {
        return OffGridTransducers.prepare(services.propagator(), new SimulationSetup(m, spec.survey(), settings,
                services.device(), spec.precision(), progress.steps(), snapshots == null ? null : snapshots.request()), spec);
    }

    private ShotResult run(Simulation sim, int b, int[] batch, long estimate) {
        Compute want = work.compute();
        int shots = spec.survey().shots();
        try (ForwardRun run = sim.forward(batch, want.adjoint() ? wrt : Set.of())) {
            List<NdArray> data = run.receiverData();
            for (int g = 0; g < data.size(); g++) {
                requireFinite(g == 0 ? "receiver_data" : "receiver_data_" + g, data.get(g), batch, true);
            }
            double[] losses = new double[want == Compute.DATA ? 0 : data.size()];
            Map<String, NdArray> gradients = new LinkedHashMap<>();
            NdArray hessian = null;
            if (want != Compute.DATA) {
                List<NdArray> observed = observed(batch);
                List<NdArray> adjointSources = new ArrayList<>();
                for (int g = 0; g < data.size(); g++) {
                    Loss l = loss(g, batch);
                    losses[g] = l.value(data.get(g), observed.get(g), shots);
                    if (!Double.isFinite(losses[g])) {
                        throw nonFiniteLoss(g, data.get(g), observed.get(g), batch, losses[g]);
                    }
                    if (want.adjoint()) {
                        adjointSources.add(l.adjointSource(data.get(g), observed.get(g), shots));
                    }
                }
                if (want.adjoint()) {
                    gradients.putAll(run.adjoint(adjointSources));
                    for (Map.Entry<String, NdArray> e : gradients.entrySet()) {
                        requireFinite("gradient_" + e.getKey(), e.getValue(), batch,
                                e.getKey().startsWith(Simulation.SOURCE_AMPLITUDES));
                    }
                }
                if (want == Compute.HESSIAN) {
                    hessian = hessian(run, data, observed, adjointSources, batch);
                    requireFinite("hessian_" + hessianParameter(), hessian, batch, false);
                }
            }
            return new ShotResult(b, data, run.extraData(), losses, gradients, hessian, List.of(), run.peakMemoryBytes(), estimate,
                    storage != null ? storage.bytesPerShot() : sim.bytesPerShot(false), sim.stepRatio(), member, 0);
        }
    }

    /**
     * H w for each direction of the work: one forward and adjoint run of the batch serves
     * every product, and the products run in parallel on the device.
     */
    private ShotResult products(Simulation sim, int b, int[] batch) {
        int shots = spec.survey().shots();
        List<Map<String, NdArray>> directions = work.directions();
        try (ForwardRun run = sim.forward(batch, wrt)) {
            List<NdArray> data = run.receiverData();
            List<NdArray> observed = observed(batch);
            List<NdArray> adjointSources = new ArrayList<>();
            for (int g = 0; g < data.size(); g++) {
                adjointSources.add(loss(g, batch).adjointSource(data.get(g), observed.get(g), shots));
            }
            run.adjoint(adjointSources);
            // a model per shot: one shot per batch, a per-shot parameter's direction taken at that shot
            IntFunction<Map<String, NdArray>> direction = i -> models.atShot(directions.get(i), batch[0]);
            List<Map<String, NdArray>> products = products(run, directions.size(), direction, adjointSources,
                    curvature(data, observed, batch));
            for (Map<String, NdArray> p : products) {
                for (Map.Entry<String, NdArray> e : p.entrySet()) {
                    requireFinite("hessian_product_" + e.getKey(), e.getValue(), batch, false);
                }
            }
            return new ShotResult(b, List.of(), Map.of(), new double[0], Map.of(), null, products, run.peakMemoryBytes(), 0,
                    storage != null ? storage.bytesPerShot() : sim.bytesPerShot(true), sim.stepRatio(), member, 0);
        }
    }

    private int largestBatch() {
        int largest = 0;
        for (int[] b : work.batches()) {
            largest = Math.max(largest, b.length);
        }
        return largest;
    }

    /**
     * How the adjoint's forward wavefield is kept, as the propagator plans it for the largest
     * batch; a mode asked for that the propagator does not give, or none for a run with an
     * adjoint, is refused.
     */
    private Storage.Plan storagePlan(Simulation sim) {
        Storage asked = spec.settings().storage();
        if (asked.mode() == Storage.Mode.NONE) {
            throw new SeicheException("propagator.storage.mode: none keeps nothing for an adjoint; the " + spec.task().label()
                    + " task needs memory, disk or checkpoint");
        }
        Storage.Plan plan = sim.storagePlan(largestBatch());
        if ((asked.mode() != null && plan.mode() != asked.mode()) || plan.compression() != asked.compression()) {
            throw new SeicheException("propagator.storage: the " + services.propagator().name() + " propagator on device "
                    + services.device().name() + " does not give" + (asked.mode() != null ? " mode " + asked.mode().key() : "")
                    + (asked.compression() != Storage.Compression.NONE ? " compression " + asked.compression().key() : "")
                    + " for this model (it keeps its stored steps in " + plan.mode().key() + ", "
                    + (plan.compression() == Storage.Compression.NONE ? "uncompressed" : plan.compression().key()) + ")");
        }
        return plan;
    }

    /** The run's bytes at its peak, refused here, before its first step, when the heap cannot hold them. */
    private long plan(Simulation sim, Storage.Plan storage) {
        Compute want = work.compute();
        int largest = largestBatch();
        long dataPerShot = 0;
        for (var g : spec.survey().receivers()) {
            dataPerShot += (long) g.locations().perShot() * spec.survey().nt();
        }
        long gradientValues = 0;
        int hessianCells = 0;
        for (String w : want.adjoint() ? wrt : Set.<String>of()) {
            if (model.parameters().containsKey(w)) {
                gradientValues += model.parameter(w).size();
                hessianCells = want == Compute.HESSIAN && hessianCells == 0 ? model.parameter(w).size() : hessianCells;
            }
        }
        long estimate = MemoryPlan.estimate(sim, storage, new MemoryPlan.Sizes(Runner.inputBytes(spec), largest,
                services.device().threads(), dataPerShot, gradientValues, hessianCells));
        plan.check(estimate, largest, spec.settings().gradientSamplingInterval(), want == Compute.HESSIAN, storage);
        return estimate;
    }

    /** count Hessian products of one run, in parallel on the device. */
    private List<Map<String, NdArray>> products(ForwardRun run, int count, IntFunction<Map<String, NdArray>> direction,
                                                List<NdArray> adjointSources, UnaryOperator<List<NdArray>> curvature) {
        List<Map<String, NdArray>> out = new ArrayList<>(Collections.nCopies(count, null));
        services.device().parallel(count, i -> out.set(i, run.hessianVector(direction.apply(i), adjointSources, curvature)));
        return out;
    }

    private String hessianParameter() {
        return wrt.stream().filter(model.parameters()::containsKey).findFirst().orElseThrow();
    }

    /**
     * Stops the run at a NaN or infinity in a batch's values, naming the quantity and the
     * shot: for a per-shot array (leading axis the batch's shots) the shot holding it and its
     * index in the survey's array, otherwise the batch's shots.
     */
    private void requireFinite(String quantity, NdArray a, int[] batch, boolean perShotArray) {
        int i = Finite.first(a.data());
        if (i < 0) {
            return;
        }
        int[] at = Finite.index(a.shape(), i);
        if (perShotArray) {
            at[0] = batch[at[0]];
        }
        throw new SeicheException(where(perShotArray ? new int[] {at[0]} : batch) + quantity + " is " + a.data()[i] + " at "
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
        return (work.stage().isEmpty() ? "" : work.stage() + ", ")
                + (shots.length == 1 ? "shot " + shots[0] : "shots " + Arrays.toString(shots)) + ": ";
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
    private NdArray hessian(ForwardRun run, List<NdArray> data, List<NdArray> observed, List<NdArray> adjointSources, int[] batch) {
        String name = hessianParameter();
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
}
