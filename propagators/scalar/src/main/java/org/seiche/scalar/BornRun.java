package org.seiche.born;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.scalar.BornBatch;
import org.seiche.scalar.ScalarGrid;
import org.seiche.scalar.ScalarProblem;
import org.seiche.scalar.SourceInjection;

/**
 * Born receiver data (the scattered field; the background data alongside) and the adjoint:
 * with G = d loss / d r (r = 2 dv / v on the padded grid), d loss / d scatter = 2 G / v on
 * the model's cells, and d loss / d v = 2 v dt^2 d loss / d (v^2 dt^2) - 2 dv G / v^2,
 * the PML cells summed onto the edges.
 */
public final class BornForwardRun implements ForwardRun {
    private final ScalarProblem problem;
    private final NdArray ratio;
    private final SourceInjection injection;
    private final BornBatch batch;
    private final NdArray data;
    private final NdArray background;
    private final Set<String> gradientWrt;

    BornForwardRun(ScalarProblem problem, NdArray ratio, SourceInjection injection, BornBatch batch,
                   NdArray data, NdArray background, Set<String> gradientWrt) {
        this.problem = problem;
        this.ratio = ratio;
        this.injection = injection;
        this.batch = batch;
        this.data = data;
        this.background = background;
        this.gradientWrt = Set.copyOf(gradientWrt);
    }

    /** The scattered (Born) data. */
    @Override
    public List<NdArray> receiverData() {
        return List.of(data);
    }

    /** The background field's data at the same receivers. */
    public NdArray backgroundData() {
        return background;
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
        ScalarGrid grid = problem.grid();
        boolean velocity = gradientWrt.contains(BornPropagator.VELOCITY);
        NdArray inner = problem.steps().downsampleAdjoint(adjointSources.get(0));
        NdArray termGradient = velocity ? NdArray.zeros(data.dim(0), problem.sources().perShot(), problem.steps().steps())
                : null;
        NdArray ratioGradient = NdArray.zeros(grid.paddedShape());
        NdArray v2dt2Gradient = velocity ? NdArray.zeros(grid.paddedShape()) : null;
        batch.backward(inner, termGradient, ratioGradient, v2dt2Gradient);
        double[] v = grid.velocity();
        double[] g = ratioGradient.data();
        Map<String, NdArray> out = new LinkedHashMap<>();
        if (gradientWrt.contains(BornPropagator.SCATTER)) {
            double[] scatter = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                scatter[i] = 2 * g[i] / v[i];
            }
            out.put(BornPropagator.SCATTER, new NdArray(grid.modelShape(), grid.padding().crop(scatter)));
        }
        if (velocity) {
            injection.addV2dt2Gradient(termGradient, v2dt2Gradient.data());
            // r = 2 dv / v also depends on v: d r / d v = -r / v, as a v^2 dt^2 gradient (/ 2 v dt^2)
            double[] r = ratio.data();
            double[] total = v2dt2Gradient.data();
            double dt2 = grid.dt() * grid.dt();
            for (int i = 0; i < total.length; i++) {
                total[i] -= g[i] * r[i] / (2 * v[i] * v[i] * dt2);
            }
            out.put(BornPropagator.VELOCITY, new NdArray(grid.modelShape(), grid.velocityGradient(total)));
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
