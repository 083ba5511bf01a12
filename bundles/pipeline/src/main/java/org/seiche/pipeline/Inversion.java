package org.seiche.pipeline;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.seiche.api.InversionSpec;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Objective;
import org.seiche.api.Optimiser;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.io.Npy;
import org.seiche.plot.Png;

/**
 * task: invert. The inverted parameters live in inversion space (x), mapped to the model
 * through each parameter's mapping chain; the optimiser steps x from the loss and its
 * gradient brought back through the chain's adjoints. After every iteration the model is
 * written under iterations/, and every `checkpoint` iterations the whole state (x, the
 * optimiser's state, the history) is saved atomically so that --resume continues exactly.
 */
final class Inversion {
    private static final String CHECKPOINT = "checkpoint";
    private final PipelineSpec spec;
    private final InversionSpec inv;
    private final Runner.Prepared prepared;
    private final Evaluator evaluator;
    private final List<String> parameters;
    private final Map<String, List<Mapping.Link>> chains = new LinkedHashMap<>();
    private final int cells;
    private final Progress progressOut;
    private long peakBytes;
    private int stepRatio;
    private Evaluator.Evaluation last;

    Inversion(PipelineSpec spec, Runner.Prepared prepared, Progress progress) {
        this.spec = spec;
        this.inv = spec.inversion();
        this.prepared = prepared;
        this.evaluator = new Evaluator(spec, prepared, Progress.silent());
        this.parameters = inv.parameters();
        this.cells = spec.model().parameter(parameters.get(0)).size();
        for (String p : parameters) {
            List<Mapping.Link> chain = new ArrayList<>();
            for (int i = 0; i < inv.mappings().size(); i++) {
                InversionSpec.MappingUse use = inv.mappings().get(i);
                Object only = use.config().get("parameter");
                if (only == null || only.equals(p)) {
                    chain.add(prepared.mappings().get(i).create(use.config(), spec.model(), spec.survey()));
                }
            }
            chains.put(p, chain);
        }
        this.progressOut = progress;
    }

    /** Model parameters for a point of inversion space. */
    private Model toModel(double[] x) {
        Map<String, NdArray> m = new LinkedHashMap<>();
        for (int k = 0; k < parameters.size(); k++) {
            NdArray xi = slice(x, k);
            for (Mapping.Link link : chains.get(parameters.get(k))) {
                xi = link.toSimulation(xi);
            }
            m.put(parameters.get(k), xi);
        }
        return spec.model().with(m);
    }

    private NdArray slice(double[] x, int k) {
        double[] d = new double[cells];
        System.arraycopy(x, k * cells, d, 0, cells);
        return new NdArray(spec.model().shape(), d);
    }

    /** d loss / d x from d loss / d m: the chain's adjoints, last link first. */
    private double[] toInversionGradient(double[] x, Map<String, NdArray> gradients) {
        double[] g = new double[x.length];
        for (int k = 0; k < parameters.size(); k++) {
            List<Mapping.Link> chain = chains.get(parameters.get(k));
            List<NdArray> inputs = new ArrayList<>();
            NdArray xi = slice(x, k);
            for (Mapping.Link link : chain) {
                inputs.add(xi);
                xi = link.toSimulation(xi);
            }
            NdArray gi = gradients.get(parameters.get(k));
            for (int i = chain.size() - 1; i >= 0; i--) {
                gi = chain.get(i).gradientToInversion(inputs.get(i), gi);
            }
            System.arraycopy(gi.data(), 0, g, k * cells, cells);
        }
        return g;
    }

    private double[] start() {
        double[] x = new double[parameters.size() * cells];
        for (int k = 0; k < parameters.size(); k++) {
            NdArray m = spec.model().parameter(parameters.get(k));
            List<Mapping.Link> chain = chains.get(parameters.get(k));
            for (int i = chain.size() - 1; i >= 0; i--) {
                m = chain.get(i).toInversion(m);
            }
            System.arraycopy(m.data(), 0, x, k * cells, cells);
        }
        return x;
    }

    private double[] project(double[] x) {
        double[] out = x.clone();
        for (int k = 0; k < parameters.size(); k++) {
            NdArray xi = slice(out, k);
            for (Mapping.Link link : chains.get(parameters.get(k))) {
                xi = link.project(xi);
            }
            System.arraycopy(xi.data(), 0, out, k * cells, cells);
        }
        return out;
    }

    /** The objective over the given batches. */
    private Objective objective(int[][] batches) {
        Set<String> wrt = Set.copyOf(parameters);
        return new Objective() {
            @Override
            public Evaluation evaluate(double[] x) {
                Evaluator.Evaluation e = evaluator.evaluate(toModel(x), batches, wrt, Evaluator.Want.GRADIENT);
                peakBytes = Math.max(peakBytes, e.peakBytes());
                last = e;
                stepRatio = e.stepRatio();
                return new Evaluation(e.loss(), toInversionGradient(x, e.gradients()));
            }

            @Override
            public double[] hessianVector(double[] x, double[] w) {
                // J w of the chain by differences: exact for the affine mappings
                Model at = toModel(x);
                double[] xw = x.clone();
                for (int i = 0; i < xw.length; i++) {
                    xw[i] += w[i];
                }
                Model shifted = toModel(xw);
                Map<String, NdArray> direction = new LinkedHashMap<>();
                for (String p : parameters) {
                    double[] a = at.parameter(p).data();
                    double[] b = shifted.parameter(p).data();
                    double[] d = new double[a.length];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = b[i] - a[i];
                    }
                    direction.put(p, new NdArray(spec.model().shape(), d));
                }
                return toInversionGradient(x, evaluator.hessianVector(at, batches, direction));
            }
        };
    }

    Runner.Outcome run() {
        long start = System.nanoTime();
        Path out = spec.output();
        Optimiser.Run optimiser = prepared.optimiser().start(inv.optimiserConfig(), parameters.size() * cells);
        double[] x = start();
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
        progressOut.start("invert " + prepared.propagator().name(), inv.iterations() - first);
        for (int it = first; it < inv.iterations(); it++) {
            long t0 = System.nanoTime();
            double[] before = x;
            double loss;
            double gnorm;
            if (inv.mode().equals("stochastic")) {
                List<int[]> order = new ArrayList<>(List.of(prepared.batches()));
                Collections.shuffle(order, new Random(1000L + it));
                loss = 0;
                double g2 = 0;
                for (int[] batch : order) {
                    Objective one = objective(new int[][] {batch});
                    Objective.Evaluation e = one.evaluate(x);
                    loss += e.loss();
                    g2 += dot(e.gradient(), e.gradient());
                    x = project(optimiser.step(x, e, one));
                }
                gnorm = Math.sqrt(g2);
            } else {
                Objective.Evaluation e = all.evaluate(x);
                loss = e.loss();
                gnorm = Math.sqrt(dot(e.gradient(), e.gradient()));
                x = project(optimiser.step(x, e, all));
            }
            double[] dx = x.clone();
            for (int i = 0; i < dx.length; i++) {
                dx[i] -= before[i];
            }
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("iteration", it + 1);
            h.put("loss", loss);
            h.put("gradient_norm", gnorm);
            h.put("step_length", Math.sqrt(dot(dx, dx)));
            h.put("seconds", (System.nanoTime() - t0) / 1e9);
            history.add(h);
            if (out != null) {
                writeIteration(out, it + 1, toModel(x));
                if ((it + 1) % inv.checkpointEvery() == 0 || it + 1 == inv.iterations()) {
                    Checkpoint.save(out.resolve(CHECKPOINT), new Checkpoint(x, it + 1, history, optimiser.state()));
                }
            }
            progressOut.advance();
            if (!spec.quiet()) {
                System.err.printf("iteration %d/%d  loss %.6e  |g| %.3e  %.1f s%n", it + 1, inv.iterations(), loss, gnorm,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        progressOut.finish();
        Model fin = toModel(x);
        if (out != null && !history.isEmpty()) {
            Png.curve(out.resolve("iterations").resolve("loss.png"),
                    history.stream().mapToDouble(h -> ((Number) h.get("loss")).doubleValue()).toArray(), "loss per iteration", "loss");
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        for (String p : parameters) {
            arrays.put("model_" + p, fin.parameter(p));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("loss", history.isEmpty() ? Double.NaN : history.get(history.size() - 1).get("loss"));
        summary.putAll(Runner.describe(spec, prepared, start, stepRatio));
        summary.put("iterations", inv.iterations());
        summary.put("peak_memory_bytes", peakBytes);
        Map<String, Object> historyFile = new LinkedHashMap<>();
        historyFile.put("loss", history.stream().map(h -> h.get("loss")).toList());
        historyFile.put("iterations", history);
        return new Runner.Outcome(arrays, summary, Map.of("history", historyFile));
    }

    private void writeIteration(Path out, int iteration, Model model) {
        Path dir = out.resolve("iterations");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SeicheException("output: cannot create " + dir + " (" + e.getMessage() + ")");
        }
        for (String p : parameters) {
            Npy.write(dir.resolve(String.format("model_%s_%04d.npy", p, iteration)), model.parameter(p), spec.precision());
            if (model.parameter(p).ndim() == 2) {
                Png.image(dir.resolve(String.format("model_%s_%04d.png", p, iteration)), model.parameter(p),
                        Png.Colours.MODEL, p + " after iteration " + iteration);
                NdArray g = last.gradients().get(p);
                Png.image(dir.resolve(String.format("gradient_%s_%04d.png", p, iteration)), g, Png.Colours.SIGNED,
                        "gradient of the loss w.r.t. " + p + ", iteration " + iteration);
            }
        }
        NdArray data = firstShot(last.data().get(0));
        NdArray residual = firstShot(last.data().get(0));
        NdArray observed = firstShot(spec.observed().get(0));
        for (int i = 0; i < residual.size(); i++) {
            residual.data()[i] -= observed.data()[i];
        }
        Png.image(dir.resolve(String.format("data_%04d.png", iteration)), transpose(data), Png.Colours.SIGNED,
                "first shot's data (time down, receivers across), iteration " + iteration);
        Png.image(dir.resolve(String.format("residual_%04d.png", iteration)), transpose(residual), Png.Colours.SIGNED,
                "first shot's residual (modelled - observed), iteration " + iteration);
    }

    /** [receivers, nt] of shot 0. */
    private static NdArray firstShot(NdArray d) {
        int n = d.dim(1) * d.dim(2);
        double[] out = new double[n];
        System.arraycopy(d.data(), 0, out, 0, n);
        return new NdArray(new int[] {d.dim(1), d.dim(2)}, out);
    }

    /** Time down the page, as a shot gather is drawn. */
    private static NdArray transpose(NdArray a) {
        int r = a.dim(0);
        int c = a.dim(1);
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j * r + i] = a.data()[i * c + j];
            }
        }
        return new NdArray(new int[] {c, r}, out);
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
                    Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                if (Files.exists(old)) {
                    for (Path f : List.of(old.resolve("state.bin"), old.resolve("x.npy"))) {
                        Files.deleteIfExists(f);
                    }
                    Files.delete(old);
                }
            } catch (IOException e) {
                throw new SeicheException("checkpoint: cannot write " + dir + " (" + e.getMessage() + ")");
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
