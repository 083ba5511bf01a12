package org.seiche.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.seiche.api.Batches;
import org.seiche.api.Device;
import org.seiche.api.ForwardRun;
import org.seiche.api.Loss;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Survey;

/**
 * Runs one pipeline: checks every input against the chosen services, then models the
 * shots batch by batch, summing losses and gradients in batch order so that results do
 * not depend on the number of threads.
 */
final class Runner {
    private final PipelineSpec spec;
    private final Services services;
    private final Progress progress;

    Runner(PipelineSpec spec, Services services, Progress progress) {
        this.spec = spec;
        this.services = services;
        this.progress = progress;
    }

    /** What the task needs, checked before any propagation. */
    record Prepared(Device device, Propagator propagator, Loss loss, Set<String> gradientWrt, int[][] batches) {
    }

    Prepared check() {
        if (spec.model() == null) {
            throw new SeicheException("model: is missing");
        }
        if (spec.survey() == null) {
            throw new SeicheException("survey: is missing");
        }
        if (spec.propagator() == null) {
            throw new SeicheException("propagator: is missing");
        }
        if (!PipelineFile.TASKS.contains(spec.task())) {
            throw new SeicheException("task: '" + spec.task() + "' is not one of forward, gradient, hessian, invert");
        }
        Propagator propagator = Services.resolve("propagator", spec.propagator(), services.propagators);
        for (String p : spec.model().parameters().keySet()) {
            if (!propagator.parameterNames().contains(p)) {
                throw new SeicheException("model.parameters." + p + ": not a parameter of propagator " + propagator.name()
                        + " (it takes " + String.join(", ", propagator.parameterNames()) + ")");
            }
        }
        Device device = services.device(spec.device(), spec.threads());
        Loss loss = null;
        Set<String> wrt = new LinkedHashSet<>(spec.gradientWrt());
        boolean needsLoss = !spec.task().equals("forward");
        if (needsLoss) {
            loss = Services.resolve("loss", spec.loss(), services.losses);
            checkObserved(spec.survey());
            if (wrt.isEmpty() && spec.task().equals("gradient")) {
                throw new SeicheException("gradient_wrt: name at least one model parameter or source_amplitudes");
            }
            for (String w : wrt) {
                if (!spec.model().parameters().containsKey(w) && !w.startsWith(Simulation.SOURCE_AMPLITUDES)) {
                    throw new SeicheException("gradient_wrt: '" + w + "' is neither a model parameter ("
                            + String.join(", ", spec.model().parameters().keySet()) + ") nor source_amplitudes");
                }
            }
        }
        if (spec.task().equals("hessian")) {
            long params = wrt.stream().filter(spec.model().parameters()::containsKey).count();
            if (params != 1) {
                throw new SeicheException("gradient_wrt: task hessian takes exactly one model parameter, got " + wrt);
            }
        }
        if (spec.output() != null) {
            Results.checkWritable(spec.output());
        }
        int shots = spec.survey().shots();
        int per = spec.shotsPerBatch() < 0 ? (shots + (-spec.shotsPerBatch()) - 1) / (-spec.shotsPerBatch())
                : spec.shotsPerBatch() == 0 ? shots : spec.shotsPerBatch();
        return new Prepared(device, propagator, loss, wrt, Batches.split(shots, per));
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

    /** Arrays by file stem, and the run's summary. */
    record Outcome(Map<String, NdArray> arrays, Map<String, Object> summary) {
    }

    Outcome run(Prepared p) {
        long start = System.nanoTime();
        Survey survey = spec.survey();
        int shots = survey.shots();
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        try (Simulation sim = p.propagator().prepare(
                new SimulationSetup(spec.model(), survey, spec.settings(), p.device(), spec.precision()))) {
            List<NdArray> data = new ArrayList<>();
            for (var g : survey.receivers()) {
                data.add(NdArray.zeros(g.locations().shots(), g.locations().perShot(), survey.nt()));
            }
            Map<String, NdArray> gradients = new LinkedHashMap<>();
            double loss = 0;
            long peak = 0;
            boolean withGradient = !spec.task().equals("forward");
            Set<String> wrt = withGradient ? p.gradientWrt() : Set.of();
            NdArray hessian = null;
            progress.start(spec.task() + " " + p.propagator().name(), p.batches().length);
            for (int[] batch : p.batches()) {
                try (ForwardRun run = sim.forward(batch, wrt)) {
                    List<NdArray> batchData = run.receiverData();
                    for (int g = 0; g < batchData.size(); g++) {
                        Batches.scatterShots(batchData.get(g), batch, data.get(g));
                    }
                    if (withGradient) {
                        List<NdArray> adjointSources = new ArrayList<>();
                        List<NdArray> observed = new ArrayList<>();
                        for (int g = 0; g < batchData.size(); g++) {
                            NdArray obs = Batches.selectShots(spec.observed().get(g), batch);
                            observed.add(obs);
                            loss += p.loss().value(batchData.get(g), obs, shots);
                            adjointSources.add(p.loss().adjointSource(batchData.get(g), obs, shots));
                        }
                        Map<String, NdArray> g = run.adjoint(adjointSources);
                        accumulate(gradients, g, batch, shots);
                        if (spec.task().equals("hessian")) {
                            hessian = add(hessian, hessianColumns(run, p, batchData, observed, adjointSources, shots));
                        }
                    }
                    peak = Math.max(peak, run.peakMemoryBytes());
                }
                progress.advance();
            }
            progress.finish();
            for (int g = 0; g < data.size(); g++) {
                arrays.put(g == 0 ? "receiver_data" : "receiver_data_" + g, data.get(g));
            }
            for (Map.Entry<String, NdArray> e : gradients.entrySet()) {
                arrays.put("gradient_" + e.getKey(), e.getValue());
            }
            if (hessian != null) {
                arrays.put("hessian_" + p.gradientWrt().stream().filter(spec.model().parameters()::containsKey)
                        .findFirst().orElseThrow(), hessian);
            }
            if (withGradient) {
                summary.put("loss", loss);
            }
            summary.put("task", spec.task());
            summary.put("propagator", p.propagator().name());
            summary.put("device", p.device().name());
            summary.put("threads", p.device().threads());
            summary.put("precision", spec.precision().label());
            summary.put("shots", shots);
            summary.put("batches", p.batches().length);
            summary.put("step_ratio", sim.stepRatio());
            summary.put("seconds", (System.nanoTime() - start) / 1e9);
            summary.put("peak_memory_bytes", peak + inputBytes());
            summary.put("memory_per_shot_bytes", sim.bytesPerShot(withGradient));
        }
        return new Outcome(arrays, summary);
    }

    /** The Hessian of the loss w.r.t. one parameter, one exact product per cell, cells in parallel. */
    private NdArray hessianColumns(ForwardRun run, Prepared p, List<NdArray> data, List<NdArray> observed,
                                   List<NdArray> adjointSources, int shots) {
        String name = p.gradientWrt().stream().filter(spec.model().parameters()::containsKey).findFirst().orElseThrow();
        int[] shape = spec.model().parameter(name).shape();
        int n = spec.model().parameter(name).size();
        UnaryOperator<List<NdArray>> curvature = dirs -> {
            List<NdArray> out = new ArrayList<>();
            for (int g = 0; g < dirs.size(); g++) {
                out.add(p.loss().curvature(data.get(g), observed.get(g), dirs.get(g), shots));
            }
            return out;
        };
        double[] h = new double[n * n];
        p.device().parallel(n, i -> {
            NdArray e = NdArray.zeros(shape);
            e.data()[i] = 1;
            NdArray column = run.hessianVector(Map.of(name, e), adjointSources, curvature).get(name);
            // H is symmetric: the product with e_i is row i as well as column i
            System.arraycopy(column.data(), 0, h, i * n, n);
        });
        return new NdArray(new int[] {n, n}, h);
    }

    private static NdArray add(NdArray sum, NdArray term) {
        if (sum == null) {
            return term;
        }
        for (int i = 0; i < sum.size(); i++) {
            sum.data()[i] += term.data()[i];
        }
        return sum;
    }

    /** Sums model gradients over batches; places per-shot source gradients at their shots. */
    private void accumulate(Map<String, NdArray> total, Map<String, NdArray> batchGradients, int[] batch, int shots) {
        for (Map.Entry<String, NdArray> e : batchGradients.entrySet()) {
            String name = e.getKey();
            NdArray g = e.getValue();
            if (name.startsWith(Simulation.SOURCE_AMPLITUDES)) {
                int[] shape = g.shape();
                shape[0] = shots;
                NdArray full = total.computeIfAbsent(name, k -> NdArray.zeros(shape));
                Batches.scatterShots(g, batch, full);
            } else {
                total.merge(name, g, Runner::add);
            }
        }
    }

    private long inputBytes() {
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
