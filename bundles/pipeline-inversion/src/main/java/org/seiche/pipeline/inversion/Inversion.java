package org.seiche.pipeline.inversion;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import org.seiche.api.InversionSpec;
import org.seiche.api.NdArray;
import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.api.ShotExecutor;
import org.seiche.api.ShotWork.Compute;
import org.seiche.io.Npy;
import org.seiche.plot.Axis;
import org.seiche.plot.Png;
import org.seiche.pipeline.file.PictureKeys;
import org.seiche.pipeline.file.ShotModels;
import org.seiche.pipeline.Runner;
import org.seiche.pipeline.Evaluator;
import org.seiche.pipeline.Progress;
import org.seiche.pipeline.Pictures;

/**
 * task: invert. The inverted parameters live in inversion space (x), mapped to the model
 * through each parameter's mapping chain; the optimiser steps x from the loss and its
 * gradient brought back through the chain's adjoints. After every iteration the model is
 * written under iterations/ with pictures, a line with the loss and an ETA goes to stderr,
 * and every `checkpoint` iterations the whole state (x, the optimiser's state, the history)
 * is saved atomically so that --resume continues exactly. Given inversion.true_model, each
 * iteration also records the model error ||m - m_true|| / ||m_start - m_true||.
 */
final class Inversion {
    private static final String CHECKPOINT = "checkpoint";
    /** A run that stops with a gradient this small relative to the first has converged. */
    static final double GRADIENT_TOLERANCE = 1e-6;
    /** A run that stops after an iteration that lowered the loss by this little relative to it has converged. */
    static final double LOSS_TOLERANCE = 1e-6;
    private final PipelineSpec spec;
    private final InversionSpec inv;
    private final Runner.Prepared prepared;
    private final Evaluator evaluator;
    private final ShotExecutor.Session shots;
    private final Chains chains;
    private final Map<String, NdArray> truth;
    private long peakBytes;
    private long estimateBytes;
    private int stepRatio;
    /** The evaluation an objective gave last (possibly kept from before). */
    private Evaluator.Evaluation last;
    /** Objective evaluations (all shots of the batches forward and adjoint) and Hessian products so far. */
    private int evaluations;
    private int products;
    /** Time spent modelling (the propagator and the loss) so far; the rest of an iteration is the framework's. */
    private long modellingNanos;

    Inversion(PipelineSpec spec, Runner.Prepared prepared, ShotExecutor.Session shots) {
        this.spec = spec;
        this.inv = spec.inversion();
        this.prepared = prepared;
        this.shots = shots;
        this.evaluator = new Evaluator(spec, prepared, Progress.silent()).shots(shots);
        this.chains = new Chains(spec, prepared.mappings());
        this.truth = spec.trueModel();
    }

    /** The objective over the given batches. */
    private Objective objective(int[][] batches) {
        return new BatchObjective(batches);
    }

    /**
     * The loss over some batches as a function of x. It keeps its latest evaluation: a line
     * search ends on a point it evaluated, where the next iteration starts, and evaluating
     * it again would double the cost of an iteration (the result is the same to the bit).
     */
    private final class BatchObjective implements Objective {
        private final int[][] batches;
        private final Set<String> wrt = Set.copyOf(chains.parameters());
        private double[] latestX;
        private Evaluation latest;
        private Evaluator.Evaluation latestRaw;

        BatchObjective(int[][] batches) {
            this.batches = batches;
        }

        @Override
        public Evaluation evaluate(double[] x) {
            if (latest == null || !Arrays.equals(x, latestX)) {
                ShotModels.Split model = chains.toModel(x);
                long t0 = System.nanoTime();
                Evaluator.Evaluation e = evaluator.evaluate(model, batches, wrt, Compute.GRADIENT);
                modellingNanos += System.nanoTime() - t0;
                peakBytes = Math.max(peakBytes, e.peakBytes());
                estimateBytes = Math.max(estimateBytes, e.estimateBytes());
                stepRatio = e.stepRatio();
                evaluations++;
                latestX = x.clone();
                latestRaw = e;
                latest = new Evaluation(e.loss(), chains.toInversionGradient(x, e.gradients()));
            }
            last = latestRaw;
            return latest;
        }

        @Override
        public double[] project(double[] x) {
            return chains.project(x);
        }

        @Override
        public double[] hessianVector(double[] x, double[] w) {
            return hessianVectors(x, new double[][] {w})[0];
        }

        @Override
        public double[][] hessianVectors(double[] x, double[][] ws) {
            ShotModels.Split at = chains.toModel(x);
            List<Map<String, NdArray>> directions = new ArrayList<>();
            for (double[] w : ws) {
                // J w of the chain by differences: exact for the affine mappings
                double[] xw = x.clone();
                for (int i = 0; i < xw.length; i++) {
                    xw[i] += w[i];
                }
                ShotModels.Split shifted = chains.toModel(xw);
                Map<String, NdArray> direction = new LinkedHashMap<>();
                for (String p : chains.parameters()) {
                    direction.put(p, difference(shifted.parameter(p), at.parameter(p)));
                }
                directions.add(direction);
            }
            products += ws.length;
            long t0 = System.nanoTime();
            List<Map<String, NdArray>> hw = evaluator.hessianVectors(at, batches, directions);
            modellingNanos += System.nanoTime() - t0;
            double[][] out = new double[ws.length][];
            for (int i = 0; i < ws.length; i++) {
                out[i] = chains.toInversionGradient(x, hw.get(i));
            }
            return out;
        }
    }

    Runner.Outcome run() {
        long start = System.nanoTime();
        Path out = spec.output();
        Optimiser.Run optimiser = prepared.optimiser().start(inv.optimiserConfig(), chains.size());
        double[] x = chains.start();
        double truthDistance = truth.isEmpty() ? 0 : distance(chains.toModel(x));
        if (!truth.isEmpty() && truthDistance == 0) {
            throw new SeicheException("inversion.true_model: equals the start model, and the model error is relative to"
                    + " their distance");
        }
        int first = 0;
        List<Map<String, Object>> history = new ArrayList<>();
        Path saved = out == null ? null : Checkpoint.latest(out.resolve(CHECKPOINT));
        if (spec.resume() && saved != null) {
            Checkpoint c = Checkpoint.load(saved);
            x = c.x();
            first = c.iteration();
            history.addAll(c.history());
            optimiser.restore(c.optimiserState());
        }
        Objective all = objective(prepared.batches());
        Map<String, Object> stopped = null;
        for (int it = first; it < inv.iterations() && stopped == null; it++) {
            evaluator.stage("iteration " + (it + 1));
            long t0 = System.nanoTime();
            int evaluationsBefore = evaluations;
            int productsBefore = products;
            long modellingBefore = modellingNanos;
            double[] before = x;
            double loss;
            double gnorm;
            // the pictures show the gradient and data at the start of the iteration, where the step is taken from
            Evaluator.Evaluation atStart;
            if (inv.mode().equals("stochastic")) {
                List<int[]> order = new ArrayList<>(List.of(prepared.batches()));
                Collections.shuffle(order, new Random(1000L + it));
                loss = 0;
                double g2 = 0;
                atStart = null;
                for (int[] batch : order) {
                    Objective one = objective(new int[][] {batch});
                    Objective.Evaluation e = one.evaluate(x);
                    atStart = atStart == null ? last : atStart;
                    loss += e.loss();
                    g2 += dot(e.gradient(), e.gradient());
                    double[] next = optimiser.step(x, e, one);
                    String refused = refusal(next, x, e, one);
                    if (refused != null) {
                        stopped = stop(it + 1, refused, e.loss(), Math.sqrt(dot(e.gradient(), e.gradient())), history);
                        break;
                    }
                    x = next;
                }
                gnorm = Math.sqrt(g2);
            } else {
                Objective.Evaluation e = all.evaluate(x);
                atStart = last;
                loss = e.loss();
                gnorm = Math.sqrt(dot(e.gradient(), e.gradient()));
                double[] next = optimiser.step(x, e, all);
                String refused = refusal(next, x, e, all);
                if (refused != null) {
                    stopped = stop(it + 1, refused, loss, gnorm, history);
                } else {
                    x = next;
                }
            }
            if (Arrays.equals(x, before)) {
                // an iteration that kept nothing leaves no trace but the reason it stopped
                continue;
            }
            double[] dx = x.clone();
            for (int i = 0; i < dx.length; i++) {
                dx[i] -= before[i];
            }
            ShotModels.Split model = chains.toModel(x);
            if (out != null) {
                writeIteration(out, it + 1, atStart, chains.toModel(before), model);
            }
            // the whole iteration: modelling, mappings, the optimiser and the files written for it
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("iteration", it + 1);
            h.put("loss", loss);
            h.put("gradient_norm", gnorm);
            h.put("step_length", Math.sqrt(dot(dx, dx)));
            h.put("seconds", seconds);
            h.put("modelling_seconds", (modellingNanos - modellingBefore) / 1e9);
            h.put("evaluations", evaluations - evaluationsBefore);
            if (products > productsBefore) {
                h.put("hessian_products", products - productsBefore);
            }
            if (!truth.isEmpty()) {
                h.put("model_error", distance(model) / truthDistance);
            }
            history.add(h);
            if (out != null && ((it + 1) % inv.checkpointEvery() == 0 || it + 1 == inv.iterations())) {
                Checkpoint.save(out.resolve(CHECKPOINT), new Checkpoint(x, it + 1, history, optimiser.state()));
            }
            if (!spec.quiet()) {
                double eta = (System.nanoTime() - start) / 1e9 / (it + 1 - first) * (inv.iterations() - it - 1);
                System.err.printf("iteration %d/%d  loss %.6e  |g| %.3e  step %.3e%s  %.1f s  ETA %s%n", it + 1,
                        inv.iterations(), loss, gnorm, h.get("step_length"),
                        truth.isEmpty() ? "" : String.format("  error %.4f", h.get("model_error")), seconds, duration(eta));
            }
        }
        ShotModels.Split fin = chains.toModel(x);
        evaluator.stage("the final model");
        // the loss of the model written, by one forward run (the same whether the run was resumed or not)
        double finalLoss = evaluator.evaluate(fin, prepared.batches(), Set.of(), Compute.LOSS).loss();
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        for (String p : chains.parameters()) {
            arrays.put("model_" + p, fin.parameter(p));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("loss", finalLoss);
        summary.putAll(Runner.describe(spec, prepared, start, stepRatio));
        summary.putAll(shots.report());
        summary.put("iterations", inv.iterations());
        summary.put("iterations_done", history.size());
        if (stopped != null) {
            summary.put("stopped", stopped);
        }
        summary.put("evaluations", history.stream().mapToInt(h -> ((Number) h.get("evaluations")).intValue()).sum());
        if (!truth.isEmpty()) {
            summary.put("model_error", distance(fin) / truthDistance);
        }
        summary.put("peak_memory_bytes", peakBytes);
        summary.put("memory_estimate_bytes", estimateBytes);
        if (last != null && last.storage() != null) {
            summary.put("storage", last.storageSummary());
        }
        Map<String, Object> historyFile = new LinkedHashMap<>();
        // loss[k]: of the model after k iterations, the start model's first and the final one's last (stochastic
        // mode: the batches' losses summed as each was stepped)
        List<Object> losses = new ArrayList<>(history.stream().map(h -> h.get("loss")).toList());
        losses.add(finalLoss);
        historyFile.put("loss", losses);
        historyFile.put("iterations", history);
        if (stopped != null) {
            historyFile.put("stopped", stopped);
        }
        Map<String, Consumer<Path>> pictures = new LinkedHashMap<>(Pictures.of(arrays, spec));
        double[] curve = losses.stream().mapToDouble(l -> ((Number) l).doubleValue()).toArray();
        pictures.put("loss", f -> Png.curve(f, curve, "loss of the model after each iteration (0: the start)", "loss"));
        return new Runner.Outcome(arrays, pictures, summary, Map.of("history", historyFile));
    }

    /**
     * Why the optimiser's next point is not kept, or null to keep it: it is x itself (no step
     * lowered the loss), or its loss is not below the loss at x. Built-in optimisers evaluate
     * the point they return, so checking it costs nothing; it is where the next iteration starts.
     */
    private String refusal(double[] next, double[] x, Objective.Evaluation atX, Objective objective) {
        String optimiser = inv.optimiser().name();
        if (Arrays.equals(next, x)) {
            return optimiser + " found no step that lowers the loss below " + String.format("%.6e", atX.loss());
        }
        double after = objective.evaluate(next).loss();
        if (after < atX.loss()) {
            return null;
        }
        return optimiser + " returned a model whose loss " + String.format("%.6e", after) + " is not below "
                + String.format("%.6e", atX.loss()) + ", the loss it started from; the model before is kept";
    }

    /**
     * The record of a run that ends because iteration {@code iteration} could not lower the
     * loss. It converged (exit 0) when the gradient there is zero or at most GRADIENT_TOLERANCE
     * of the first iteration's, or the iteration before lowered the loss by at most
     * LOSS_TOLERANCE of itself; otherwise the run did not do what it was asked (exit 1).
     */
    private Map<String, Object> stop(int iteration, String why, double loss, double gnorm,
                                     List<Map<String, Object>> history) {
        String converged = null;
        if (gnorm == 0 || loss == 0) {
            converged = "the " + (loss == 0 ? "loss" : "gradient") + " is zero";
        } else if (!history.isEmpty()) {
            double firstGnorm = ((Number) history.get(0).get("gradient_norm")).doubleValue();
            double previous = ((Number) history.get(history.size() - 1).get("loss")).doubleValue();
            if (gnorm <= GRADIENT_TOLERANCE * firstGnorm) {
                converged = String.format("the gradient norm %.3e is at most %.0e of the first", gnorm, GRADIENT_TOLERANCE);
            } else if (previous - loss <= LOSS_TOLERANCE * Math.abs(previous)) {
                converged = String.format("the iteration before lowered the loss by at most %.0e of it", LOSS_TOLERANCE);
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("iteration", iteration);
        s.put("reason", "iteration " + iteration + ": " + why
                + (converged == null ? "; not converged" : "; converged: " + converged));
        s.put("converged", converged != null);
        s.put("loss", loss);
        s.put("gradient_norm", gnorm);
        if (converged != null && !spec.quiet()) {
            System.err.println("stopped at " + s.get("reason"));
        }
        return s;
    }

    /** 75 s, 12 min 5 s, 2 h 3 min. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    /** sqrt of the summed squared differences to the true model over its parameters. */
    private double distance(ShotModels.Split m) {
        double s = 0;
        for (Map.Entry<String, NdArray> e : truth.entrySet()) {
            double[] a = m.parameter(e.getKey()).data();
            double[] t = e.getValue().data();
            for (int i = 0; i < a.length; i++) {
                s += (a[i] - t[i]) * (a[i] - t[i]);
            }
        }
        return Math.sqrt(s);
    }

    private static NdArray difference(NdArray a, NdArray b) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.data()[i] - b.data()[i];
        }
        return new NdArray(a.shape(), d);
    }

    private void writeIteration(Path out, int iteration, Evaluator.Evaluation atStart, ShotModels.Split before,
                                ShotModels.Split model) {
        Path dir = out.resolve("iterations");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SeicheException("output: cannot create " + dir + " (" + e.getMessage() + ")");
        }
        for (String p : chains.parameters()) {
            NdArray m = model.parameter(p);
            Npy.write(dir.resolve(String.format("model_%s_%04d.npy", p, iteration)), m, spec.precision());
            Axis[] axes = Axis.model(spec.model().spacing());
            int[] at = (int[]) spec.options().get(PictureKeys.SLICE_AT);
            if (m.ndim() == axes.length) {
                Png.image(dir.resolve(String.format("model_%s_%04d.png", p, iteration)), m, axes, at,
                        Pictures.modelColours(m), p + " after iteration " + iteration, Pictures.quantity(p));
            }
            if (m.ndim() == 2 && axes.length == 2) {
                // the descent direction beside the step taken: how mappings and curvature reshape it
                NdArray g = atStart.gradients().get(p);
                NdArray descent = difference(NdArray.zeros(g.shape()), g);
                Png.images(dir.resolve(String.format("gradient_%s_%04d.png", p, iteration)),
                        List.of(descent, difference(m, before.parameter(p))),
                        List.of("- gradient of the loss w.r.t. " + p + " (at the start)", "update of " + p), axes,
                        Png.Colours.SIGNED, "iteration " + iteration,
                        List.of("- d loss / d " + p, "update of " + Pictures.quantity(p)));
            }
        }
        NdArray data = Pictures.firstShot(atStart.data().get(0));
        NdArray residual = difference(data, Pictures.firstShot(spec.observed().get(0)));
        Png.gather(dir.resolve(String.format("data_%04d.png", iteration)), Pictures.gather(data), spec.survey().dt(),
                "first shot's data at the start of iteration " + iteration, "amplitude");
        Png.gather(dir.resolve(String.format("residual_%04d.png", iteration)), Pictures.gather(residual), spec.survey().dt(),
                "first shot's residual at the start of iteration " + iteration, "modelled - observed amplitude");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** What a resumed run needs, saved with Java serialisation of plain JDK values (exact doubles). */
    record Checkpoint(double[] x, int iteration, List<Map<String, Object>> history, Map<String, Object> optimiserState) {
        static void save(Path dir, Checkpoint c) {
            Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
            try {
                Files.createDirectories(tmp);
                try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(tmp.resolve("state.bin")))) {
                    o.writeObject(c.x);
                    o.writeInt(c.iteration);
                    o.writeObject(new ArrayList<>(c.history));
                    o.writeObject(new LinkedHashMap<>(c.optimiserState));
                }
                Npy.write(tmp.resolve("x.npy"), new NdArray(new int[] {c.x.length}, c.x), Precision.FLOAT64);
                // the old checkpoint stays whole until the new one is in place
                Path old = dir.resolveSibling(dir.getFileName() + ".old");
                if (Files.exists(dir)) {
                    // a run killed after its last save was in place but before the older one was gone left both
                    delete(old);
                    Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                delete(old);
            } catch (IOException e) {
                throw new SeicheException("checkpoint: cannot write " + dir + " (" + e.getMessage() + ")");
            }
        }

        private static void delete(Path checkpoint) throws IOException {
            if (Files.exists(checkpoint)) {
                for (Path f : List.of(checkpoint.resolve("state.bin"), checkpoint.resolve("x.npy"))) {
                    Files.deleteIfExists(f);
                }
                Files.delete(checkpoint);
            }
        }

        /** The checkpoint folder to resume from: the current one, or the previous if a save was cut short. */
        static Path latest(Path dir) {
            Path old = dir.resolveSibling(dir.getFileName() + ".old");
            if (Files.exists(dir.resolve("state.bin"))) {
                return dir;
            }
            return Files.exists(old.resolve("state.bin")) ? old : null;
        }

        @SuppressWarnings("unchecked")
        static Checkpoint load(Path dir) {
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(dir.resolve("state.bin")))) {
                double[] x = (double[]) in.readObject();
                int iteration = in.readInt();
                List<Map<String, Object>> history = (List<Map<String, Object>>) in.readObject();
                Map<String, Object> state = (Map<String, Object>) in.readObject();
                return new Checkpoint(x, iteration, history, state);
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                throw new SeicheException("checkpoint: cannot resume from " + dir + " (" + e.getMessage() + ")");
            }
        }
    }
}
