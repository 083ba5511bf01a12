package org.seiche.pipeline.inversion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seiche.api.InversionSpec;
import org.seiche.api.Mapping;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;
import org.seiche.pipeline.file.ShotModels;

/**
 * The inverted parameters in inversion space (x, one flat vector, parameter after
 * parameter) and each parameter's mapping chain to the model: the links in the order
 * listed take x to m, and their adjoints, last link first, take d loss / d m to d loss / d x.
 * A link projects in its own space: the links before it take x to its input, it projects
 * there, and their inverses, last first, take the result back. That needs exact inverses, so
 * a projecting link after one without is refused here, when the inversion is prepared.
 * A parameter given per shot has a model per shot in x (shot after shot), each its own
 * unknowns, each taken through the parameter's chain alone.
 */
final class Chains {
    /** The pipeline's model as given: the start, and the parameters not inverted. */
    private final ShotModels.Split given;
    private final List<String> parameters;
    private final Map<String, List<Mapping.Link>> chains = new LinkedHashMap<>();
    private final int cells;
    /** Where parameter k starts in x; the last is x's length. */
    private final int[] offsets;

    Chains(PipelineSpec spec, List<Mapping> mappings) {
        this.given = ShotModels.of(spec);
        InversionSpec inv = spec.inversion();
        this.parameters = inv.parameters();
        this.cells = spec.model().parameter(parameters.get(0)).size();
        this.offsets = new int[parameters.size() + 1];
        for (int k = 0; k < parameters.size(); k++) {
            offsets[k + 1] = offsets[k] + given.models(parameters.get(k)) * cells;
        }
        for (String p : parameters) {
            List<Mapping.Link> chain = new ArrayList<>();
            String inexact = null;
            for (int i = 0; i < inv.mappings().size(); i++) {
                InversionSpec.MappingUse use = inv.mappings().get(i);
                Object only = use.config().get("parameter");
                if (only == null || only.equals(p)) {
                    Mapping.Link link = mappings.get(i).create(use.config(), spec.model(), spec.survey());
                    String name = use.mapping().name();
                    if (link.projects() && inexact != null) {
                        throw new SeicheException("inversion.mappings: " + inexact + " then " + name + " cannot be"
                                + " combined: " + name + " projects in its own space and " + inexact + " has no exact"
                                + " inverse to take that projection back; list " + name + " before " + inexact);
                    }
                    if (!link.invertible() && inexact == null) {
                        inexact = name;
                    }
                    chain.add(link);
                }
            }
            chains.put(p, chain);
        }
    }

    List<String> parameters() {
        return parameters;
    }

    /** The links of a parameter's chain, in order. */
    List<Mapping.Link> links(String parameter) {
        return chains.get(parameter);
    }

    int size() {
        return offsets[parameters.size()];
    }

    /** The model for a point of inversion space. */
    ShotModels.Split toModel(double[] x) {
        Map<String, NdArray> m = new LinkedHashMap<>();
        for (int k = 0; k < parameters.size(); k++) {
            double[] whole = new double[offsets[k + 1] - offsets[k]];
            for (int j = 0; j < models(k); j++) {
                NdArray xi = block(x, k, j);
                for (Mapping.Link link : chains.get(parameters.get(k))) {
                    xi = link.toSimulation(xi);
                }
                System.arraycopy(xi.data(), 0, whole, j * cells, cells);
            }
            m.put(parameters.get(k), new NdArray(given.parameter(parameters.get(k)).shape(), whole));
        }
        return given.with(m);
    }

    /** Parameter k of x as an array of the model's shape, or [shots, *shape] when it is per shot. */
    NdArray slice(double[] x, int k) {
        return new NdArray(given.parameter(parameters.get(k)).shape(), Arrays.copyOfRange(x, offsets[k], offsets[k + 1]));
    }

    /** Parameter k's models in x: the shots when it is per shot, else 1. */
    private int models(int k) {
        return (offsets[k + 1] - offsets[k]) / cells;
    }

    /** Model j of parameter k in x (the shot's when it is per shot) as an array of the model's shape. */
    private NdArray block(double[] x, int k, int j) {
        int from = offsets[k] + j * cells;
        return new NdArray(given.model().shape(), Arrays.copyOfRange(x, from, from + cells));
    }

    /** d loss / d x from d loss / d m (a per-shot parameter's gradient [shots, *shape]). */
    double[] toInversionGradient(double[] x, Map<String, NdArray> gradients) {
        double[] g = new double[x.length];
        for (int k = 0; k < parameters.size(); k++) {
            List<Mapping.Link> chain = chains.get(parameters.get(k));
            double[] gm = gradients.get(parameters.get(k)).data();
            for (int j = 0; j < models(k); j++) {
                List<NdArray> inputs = new ArrayList<>();
                NdArray xi = block(x, k, j);
                for (Mapping.Link link : chain) {
                    inputs.add(xi);
                    xi = link.toSimulation(xi);
                }
                NdArray gi = new NdArray(given.model().shape(), Arrays.copyOfRange(gm, j * cells, (j + 1) * cells));
                for (int i = chain.size() - 1; i >= 0; i--) {
                    gi = chain.get(i).gradientToInversion(inputs.get(i), gi);
                }
                System.arraycopy(gi.data(), 0, g, offsets[k] + j * cells, cells);
            }
        }
        return g;
    }

    /** The start point: the pipeline's model taken back through each chain. */
    double[] start() {
        double[] x = new double[size()];
        for (int k = 0; k < parameters.size(); k++) {
            double[] whole = given.parameter(parameters.get(k)).data();
            List<Mapping.Link> chain = chains.get(parameters.get(k));
            for (int j = 0; j < models(k); j++) {
                NdArray m = new NdArray(given.model().shape(), Arrays.copyOfRange(whole, j * cells, (j + 1) * cells));
                for (int i = chain.size() - 1; i >= 0; i--) {
                    m = chain.get(i).toInversion(m);
                }
                System.arraycopy(m.data(), 0, x, offsets[k] + j * cells, cells);
            }
        }
        return x;
    }

    /**
     * x projected by every projecting link in its own space, in chain order: the links before
     * it take x to its input y, it projects y, and where that changed y, their inverses, last
     * first, take the projected y back to x.
     */
    double[] project(double[] x) {
        double[] out = x.clone();
        for (int k = 0; k < parameters.size(); k++) {
            List<Mapping.Link> chain = chains.get(parameters.get(k));
            for (int j = 0; j < models(k); j++) {
                NdArray xi = block(out, k, j);
                for (int i = 0; i < chain.size(); i++) {
                    if (!chain.get(i).projects()) {
                        continue;
                    }
                    NdArray y = xi;
                    for (int l = 0; l < i; l++) {
                        y = chain.get(l).toSimulation(y);
                    }
                    NdArray projected = chain.get(i).project(y);
                    if (Arrays.equals(projected.data(), y.data())) {
                        continue;
                    }
                    for (int l = i - 1; l >= 0; l--) {
                        projected = chain.get(l).toInversion(projected);
                    }
                    xi = projected;
                }
                System.arraycopy(xi.data(), 0, out, offsets[k] + j * cells, cells);
            }
        }
        return out;
    }
}
