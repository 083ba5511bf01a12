package org.seiche.scalar;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;

/**
 * Receiver data of a scalar forward run, and its adjoint: gradients w.r.t. v and the
 * source amplitudes; exact Hessian-vector and Gauss-Newton products w.r.t. v.
 */
public final class ScalarForwardRun implements ForwardRun {
    private final ScalarProblem problem;
    private final SourceInjection injection;
    private final ScalarBatch batch;
    private final NdArray data;
    private final Set<String> gradientWrt;
    private final int[] shots;

    ScalarForwardRun(ScalarProblem problem, int[] shots, SourceInjection injection, ScalarBatch batch, NdArray data,
                     Set<String> gradientWrt) {
        this.problem = problem;
        this.shots = shots.clone();
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

    /**
     * H w = J^T (L'' J w) + grad_v of (a . J(v) w), a the adjoint source (PHYSICS.md): one
     * tangent-linear (Born) forward run with the scatter w extended like v (two fields), and
     * two of its adjoints: driven by L'' J w, whose scatter gradient is the Gauss-Newton part
     * (one field), and by a, whose background-velocity gradient is the rest (two fields).
     */
    @Override
    public Map<String, NdArray> hessianVector(Map<String, NdArray> direction, List<NdArray> adjointSources,
                                              UnaryOperator<List<NdArray>> lossCurvature) {
        try (BornRun born = tangent(direction, Set.of(BornRun.SCATTER, ScalarPropagator.VELOCITY))) {
            NdArray gaussNewton = gaussNewton(born, lossCurvature);
            NdArray second = born.adjoint(adjointSources, Set.of(ScalarPropagator.VELOCITY)).get(ScalarPropagator.VELOCITY);
            for (int i = 0; i < gaussNewton.size(); i++) {
                gaussNewton.data()[i] += second.data()[i];
            }
            return Map.of(ScalarPropagator.VELOCITY, gaussNewton);
        }
    }

    /** J^T (L'' J w): the Hessian without the propagator's second-order terms. */
    @Override
    public Map<String, NdArray> gaussNewtonVector(Map<String, NdArray> direction,
                                                  UnaryOperator<List<NdArray>> lossCurvature) {
        try (BornRun born = tangent(direction, Set.of(BornRun.SCATTER))) {
            return Map.of(ScalarPropagator.VELOCITY, gaussNewton(born, lossCurvature));
        }
    }

    private BornRun tangent(Map<String, NdArray> direction, Set<String> gradients) {
        NdArray w = direction.get(ScalarPropagator.VELOCITY);
        if (w == null || direction.size() != 1 || !Arrays.equals(w.shape(), problem.grid().modelShape())) {
            throw new SeicheException("hessian: the direction must be one array 'v' of the model's shape "
                    + Arrays.toString(problem.grid().modelShape()) + ", got " + direction.keySet());
        }
        return new BornRun(problem, w, true, shots, gradients);
    }

    private static NdArray gaussNewton(BornRun born, UnaryOperator<List<NdArray>> lossCurvature) {
        return born.adjoint(lossCurvature.apply(born.receiverData()), Set.of(BornRun.SCATTER)).get(BornRun.SCATTER);
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
