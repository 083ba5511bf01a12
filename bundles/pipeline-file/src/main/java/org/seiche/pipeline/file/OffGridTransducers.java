package org.seiche.pipeline.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Propagator;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;

/**
 * Sources and receivers off the grid, for any propagator: the propagator is given each
 * off-grid group's Hicks cells (sources with their amplitudes times the weights), and its
 * receiver data, adjoint sources, source-amplitude gradients and Hessian products pass
 * through the weights here, so the rest of the pipeline sees the points as given. The
 * survey the pipeline holds keeps each point's nearest cell (for masks and mappings).
 * One entry per group, null where a group lies on the grid.
 */
public record OffGridTransducers(List<OffGrid> sources, List<OffGrid> receivers) {
    /** PipelineSpec option holding this pipeline's off-grid groups. */
    public static final String OPTION = "off_grid";

    /** Prepares the setup's simulation, through the off-grid groups of the spec when it has any. */
    public static Simulation prepare(Propagator propagator, SimulationSetup setup, PipelineSpec spec) {
        Object o = spec.options().get(OPTION);
        if (!(o instanceof OffGridTransducers t)) {
            return propagator.prepare(setup);
        }
        return t.prepare(propagator, setup);
    }

    Simulation prepare(Propagator propagator, SimulationSetup setup) {
        Survey survey = setup.survey();
        int[] all = IntStream.range(0, survey.shots()).toArray();
        List<SourceGroup> src = new ArrayList<>();
        for (int g = 0; g < survey.sources().size(); g++) {
            SourceGroup s = survey.sources().get(g);
            OffGrid o = sources.get(g);
            src.add(o == null ? s : new SourceGroup(s.component(), o.cells, o.spread(s.amplitudes(), all)));
        }
        List<ReceiverGroup> rec = new ArrayList<>();
        for (int g = 0; g < survey.receivers().size(); g++) {
            ReceiverGroup r = survey.receivers().get(g);
            OffGrid o = receivers.get(g);
            rec.add(o == null ? r : new ReceiverGroup(r.component(), o.cells));
        }
        Simulation inner = propagator.prepare(new SimulationSetup(setup.model(), new Survey(survey.dt(), survey.nt(), src, rec),
                setup.settings(), setup.device(), setup.precision(), setup.steps()));
        return new Simulation() {
            @Override
            public int shots() {
                return inner.shots();
            }

            @Override
            public int stepRatio() {
                return inner.stepRatio();
            }

            @Override
            public ForwardRun forward(int[] shots, Set<String> gradientWrt) {
                return new Run(inner.forward(shots, gradientWrt), shots);
            }

            @Override
            public long bytesPerShot(boolean forGradient) {
                return inner.bytesPerShot(forGradient);
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }

    /** Receiver data per group of the cells' data: each off-grid receiver the weighted sum of its cells. */
    private List<NdArray> combine(List<NdArray> cellData, int[] shots) {
        List<NdArray> out = new ArrayList<>();
        for (int g = 0; g < cellData.size(); g++) {
            OffGrid o = receivers.get(g);
            out.add(o == null ? cellData.get(g) : o.combine(cellData.get(g), shots));
        }
        return out;
    }

    /** The adjoint of {@link #combine}: the receivers' values spread back onto their cells. */
    private List<NdArray> spread(List<NdArray> pointData, int[] shots) {
        List<NdArray> out = new ArrayList<>();
        for (int g = 0; g < pointData.size(); g++) {
            OffGrid o = receivers.get(g);
            out.add(o == null ? pointData.get(g) : o.spread(pointData.get(g), shots));
        }
        return out;
    }

    /** Source group of a source-amplitude name: source_amplitudes is group 0, source_amplitudes_i group i. */
    private OffGrid sourceGroup(String name) {
        if (!name.startsWith(Simulation.SOURCE_AMPLITUDES)) {
            return null;
        }
        String rest = name.substring(Simulation.SOURCE_AMPLITUDES.length());
        return sources.get(rest.isEmpty() ? 0 : Integer.parseInt(rest.substring(1)));
    }

    /** Source-amplitude entries through the weights: to the points (gather) or onto the cells (spread). */
    private Map<String, NdArray> sourceAmplitudes(Map<String, NdArray> m, int[] shots, boolean toPoints) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : m.entrySet()) {
            OffGrid o = sourceGroup(e.getKey());
            out.put(e.getKey(), o == null ? e.getValue()
                    : toPoints ? o.combine(e.getValue(), shots) : o.spread(e.getValue(), shots));
        }
        return out;
    }

    /** A forward run on the cells, seen through the weights. */
    private final class Run implements ForwardRun {
        private final ForwardRun inner;
        private final int[] shots;
        private List<NdArray> data;

        Run(ForwardRun inner, int[] shots) {
            this.inner = inner;
            this.shots = shots.clone();
        }

        @Override
        public List<NdArray> receiverData() {
            if (data == null) {
                data = combine(inner.receiverData(), shots);
            }
            return data;
        }

        @Override
        public Map<String, NdArray> extraData() {
            Map<String, NdArray> out = new LinkedHashMap<>();
            for (Map.Entry<String, NdArray> e : inner.extraData().entrySet()) {
                // receiver data of another field (Born's background) is recorded at the same cells
                out.put(e.getKey(), receivers.get(0) == null || !e.getKey().startsWith("receiver_data") ? e.getValue()
                        : receivers.get(0).combine(e.getValue(), shots));
            }
            return out;
        }

        @Override
        public Map<String, NdArray> adjoint(List<NdArray> adjointSources) {
            return sourceAmplitudes(inner.adjoint(spread(adjointSources, shots)), shots, true);
        }

        private UnaryOperator<List<NdArray>> curvature(UnaryOperator<List<NdArray>> lossCurvature) {
            return cellData -> spread(lossCurvature.apply(combine(cellData, shots)), shots);
        }

        @Override
        public Map<String, NdArray> hessianVector(Map<String, NdArray> direction, List<NdArray> adjointSources,
                                                  UnaryOperator<List<NdArray>> lossCurvature) {
            return sourceAmplitudes(inner.hessianVector(sourceAmplitudes(direction, shots, false), spread(adjointSources, shots),
                    curvature(lossCurvature)), shots, true);
        }

        @Override
        public Map<String, NdArray> gaussNewtonVector(Map<String, NdArray> direction,
                                                      UnaryOperator<List<NdArray>> lossCurvature) {
            return sourceAmplitudes(inner.gaussNewtonVector(sourceAmplitudes(direction, shots, false),
                    curvature(lossCurvature)), shots, true);
        }

        @Override
        public NdArray hessian(String parameter, List<NdArray> adjointSources, UnaryOperator<List<NdArray>> lossCurvature) {
            return inner.hessian(parameter, spread(adjointSources, shots), curvature(lossCurvature));
        }

        @Override
        public long peakMemoryBytes() {
            return inner.peakMemoryBytes();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
