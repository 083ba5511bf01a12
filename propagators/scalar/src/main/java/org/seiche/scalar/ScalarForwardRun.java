package org.seiche.scalar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;

/** Receiver data of a scalar forward run, and its adjoint: gradients w.r.t. v and the source amplitudes. */
public final class ScalarForwardRun implements ForwardRun {
    private final ScalarProblem problem;
    private final SourceInjection injection;
    private final ScalarBatch batch;
    private final NdArray data;
    private final Set<String> gradientWrt;

    ScalarForwardRun(ScalarProblem problem, SourceInjection injection, ScalarBatch batch, NdArray data,
                     Set<String> gradientWrt) {
        this.problem = problem;
        this.injection = injection;
        this.batch = batch;
        this.data = data;
        this.gradientWrt = Set.copyOf(gradientWrt);
    }

    @Override
    public List<NdArray> receiverData() {
        return List.of(data);
    }

    @Override
    public Map<String, NdArray> adjoint(List<NdArray> adjointSources) {
        if (gradientWrt.isEmpty()) {
            throw new IllegalStateException("this forward run was made without gradients");
        }
        if (adjointSources.size() != 1 || !adjointSources.get(0).sameShape(data)) {
            throw new SeicheException("adjoint source: expected one array of shape " + data.shapeString() + ", got "
                    + adjointSources.stream().map(NdArray::shapeString).toList());
        }
        InnerSteps steps = problem.steps();
        NdArray inner = steps.downsampleAdjoint(adjointSources.get(0));
        Transducers sources = problem.sources();
        NdArray termGradient = NdArray.zeros(data.dim(0), sources.perShot(), steps.steps());
        boolean velocity = gradientWrt.contains(ScalarPropagator.VELOCITY);
        NdArray v2dt2Gradient = velocity ? NdArray.zeros(problem.grid().paddedShape()) : null;
        batch.backward(inner, termGradient, v2dt2Gradient);
        Map<String, NdArray> out = new LinkedHashMap<>();
        if (velocity) {
            injection.addV2dt2Gradient(termGradient, v2dt2Gradient.data());
            out.put(ScalarPropagator.VELOCITY, new NdArray(problem.grid().modelShape(),
                    problem.grid().velocityGradient(v2dt2Gradient.data())));
        }
        if (gradientWrt.contains(Simulation.SOURCE_AMPLITUDES)) {
            out.put(Simulation.SOURCE_AMPLITUDES, injection.amplitudeGradient(termGradient));
        }
        return out;
    }

    @Override
    public long peakMemoryBytes() {
        return batch.peakBytes();
    }

    @Override
    public void close() {
        batch.close();
    }
}
