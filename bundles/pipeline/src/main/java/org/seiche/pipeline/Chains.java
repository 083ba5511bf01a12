package org.seiche.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seiche.api.InversionSpec;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;

/**
 * The inverted parameters in inversion space (x, one flat vector, parameter after
 * parameter) and each parameter's mapping chain to the model: the links in the order
 * listed take x to m, and their adjoints, last link first, take d loss / d m to d loss / d x.
 * A link projects in its own space: the links before it take x to its input, it projects
 * there, and their inverses, last first, take the result back. That needs exact inverses, so
 * a projecting link after one without is refused here, when the inversion is prepared.
 */
final class Chains {
    private final PipelineSpec spec;
    private final List<String> parameters;
    private final Map<String, List<Mapping.Link>> chains = new LinkedHashMap<>();
    private final int cells;

    Chains(PipelineSpec spec, List<Mapping> mappings) {
        this.spec = spec;
        InversionSpec inv = spec.inversion();
        this.parameters = inv.parameters();
        this.cells = spec.model().parameter(parameters.get(0)).size();
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
        return parameters.size() * cells;
    }

    /** The model for a point of inversion space. */
    Model toModel(double[] x) {
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

    /** Parameter k of x as an array of the model's shape. */
    NdArray slice(double[] x, int k) {
        double[] d = new double[cells];
        System.arraycopy(x, k * cells, d, 0, cells);
        return new NdArray(spec.model().shape(), d);
    }

    /** d loss / d x from d loss / d m. */
    double[] toInversionGradient(double[] x, Map<String, NdArray> gradients) {
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

    /** The start point: the pipeline's model taken back through each chain. */
    double[] start() {
        double[] x = new double[size()];
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

    /**
     * x projected by every projecting link in its own space, in chain order: the links before
     * it take x to its input y, it projects y, and where that changed y, their inverses, last
     * first, take the projected y back to x.
     */
    double[] project(double[] x) {
        double[] out = x.clone();
        for (int k = 0; k < parameters.size(); k++) {
            List<Mapping.Link> chain = chains.get(parameters.get(k));
            NdArray xi = slice(out, k);
            for (int i = 0; i < chain.size(); i++) {
                if (!chain.get(i).projects()) {
                    continue;
                }
                NdArray y = xi;
                for (int j = 0; j < i; j++) {
                    y = chain.get(j).toSimulation(y);
                }
                NdArray projected = chain.get(i).project(y);
                if (Arrays.equals(projected.data(), y.data())) {
                    continue;
                }
                for (int j = i - 1; j >= 0; j--) {
                    projected = chain.get(j).toInversion(projected);
                }
                xi = projected;
            }
            System.arraycopy(xi.data(), 0, out, k * cells, cells);
        }
        return out;
    }
}
