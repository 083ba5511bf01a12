package org.seiche.pipeline;

import java.util.ArrayList;
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
        // the kernels compile on a small copy of the run while this one prepares
        Warmup warmup = Warmup.start(spec, services, want.adjoint());
        Survey survey = spec.survey();
        int shots = survey.shots();
        List<NdArray> data = new ArrayList<>();
        for (var g : survey.receivers()) {
            data.add(NdArray.zeros(g.locations().shots(), g.locations().perShot(), survey.nt()));
        }
        Map<String, NdArray> gradients = new LinkedHashMap<>();
        double loss = 0;
        long peak = 0;
        NdArray hessian = null;
        Map<String, NdArray> extra = new LinkedHashMap<>();
        try (Simulation sim = services.propagator().prepare(new SimulationSetup(model, survey, spec.settings(),
                services.device(), spec.precision(), progress::advance))) {
            long estimate = plan(sim, model, batches, wrt, want);
            warmup.join();
            progress.start(spec.task() + " " + services.propagator().name(),
                    (long) shots * survey.nt() * sim.stepRatio() * runsPerShot(want, model, wrt));
            for (int[] batch : batches) {
                try (ForwardRun run = sim.forward(batch, want.adjoint() ? wrt : Set.of())) {
                    List<NdArray> batchData = run.receiverData();
                    for (int g = 0; g < batchData.size(); g++) {
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
                            loss += l.value(batchData.get(g), observed.get(g), shots);
                            if (want.adjoint()) {
                                adjointSources.add(l.adjointSource(batchData.get(g), observed.get(g), shots));
                            }
                        }
                        if (want.adjoint()) {
                            accumulate(gradients, run.adjoint(adjointSources), batch, shots);
                        }
                        if (want == Want.HESSIAN) {
                            hessian = add(hessian, hessian(run, model, wrt, batchData, observed, adjointSources, batch));
                        }
                    }
                    peak = Math.max(peak, run.peakMemoryBytes());
                }
            }
            progress.finish();
            return new Evaluation(loss, gradients, data, hessian, peak, sim.stepRatio(), sim.bytesPerShot(want.adjoint()),
                    extra, estimate);
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
        try (Simulation sim = services.propagator().prepare(
                new SimulationSetup(model, spec.survey(), spec.settings(), services.device(), spec.precision()))) {
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

    /** Sums model gradients over batches; places per-shot source gradients at their shots. */
    private static void accumulate(Map<String, NdArray> total, Map<String, NdArray> batchGradients, int[] batch, int shots) {
        for (Map.Entry<String, NdArray> e : batchGradients.entrySet()) {
            NdArray g = e.getValue();
            if (e.getKey().startsWith(Simulation.SOURCE_AMPLITUDES)) {
                int[] shape = g.shape();
                shape[0] = shots;
                Batches.scatterShots(g, batch, total.computeIfAbsent(e.getKey(), k -> NdArray.zeros(shape)));
            } else {
                total.merge(e.getKey(), g, Evaluator::add);
            }
        }
    }
}
