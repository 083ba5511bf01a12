package org.seiche.scalar.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.Storage;
import org.seiche.scalar.spi.ScalarBatch;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.SecondOrderBatch;
import org.seiche.scalar.spi.Transducers;

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
    /** The second-order runs of the adjoint source they were made for (Hessian products share them). */
    private SecondOrderBatch secondOrder;
    private NdArray secondOrderFor;
    /** Forward steps the Hessian's Born runs recomputed from checkpoints. */
    private final AtomicLong bornRecomputed = new AtomicLong();

    ScalarForwardRun(ScalarProblem problem, int[] shots, SourceInjection injection, ScalarBatch batch, NdArray data,
                     Set<String> gradientWrt) {
        this.problem = problem;
        this.shots = shots.clone();
        this.injection = injection;
        this.batch = batch;
        this.data = data;
        this.gradientWrt = Set.copyOf(gradientWrt);
    }

    /** Forward steps its adjoint and its Hessian's Born runs recomputed from checkpoints (0 when their steps were kept). */
    public long recomputedSteps() {
        return batch.recomputedSteps() + bornRecomputed.get();
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
                    ScalarGrids.velocityGradient(problem.grid(), v2dt2Gradient.data())));
        }
        if (gradientWrt.contains(Simulation.SOURCE_AMPLITUDES)) {
            out.put(Simulation.SOURCE_AMPLITUDES, injection.amplitudeGradient(termGradient));
        }
        return out;
    }

    /**
     * H w = J^T (L'' J w) + grad_v of (a . J(v) w), a the adjoint source (docs/scalar.md). On the
     * kernel's second-order runs when it has them (the adjoint of a run once and kept; per
     * product a tangent forward, a tangent adjoint and J^T: three field runs); otherwise by
     * Born runs: one tangent-linear forward run with the scatter w extended like v (two
     * fields), and two of its adjoints: driven by L'' J w, whose scatter gradient is the
     * Gauss-Newton part (one field), and by a, whose background-velocity gradient is the rest
     * (two fields).
     */
    @Override
    public Map<String, NdArray> hessianVector(Map<String, NdArray> direction, List<NdArray> adjointSources,
                                              UnaryOperator<List<NdArray>> lossCurvature) {
        SecondOrderBatch runs = secondOrder(adjointSources);
        if (runs != null) {
            Tangent t = tangent(runs, ratio(checkedDirection(direction).data()));
            NdArray curvature = lossCurvature.apply(List.of(t.data())).get(0);
            NdArray product = transposed(runs, curvature);
            for (int i = 0; i < product.size(); i++) {
                product.data()[i] += t.second()[i];
            }
            return Map.of(ScalarPropagator.VELOCITY, product);
        }
        try (BornRun born = tangent(direction, Set.of(BornRun.SCATTER, ScalarPropagator.VELOCITY))) {
            NdArray gaussNewton = gaussNewton(born, lossCurvature);
            NdArray second = born.adjoint(adjointSources, Set.of(ScalarPropagator.VELOCITY)).get(ScalarPropagator.VELOCITY);
            for (int i = 0; i < gaussNewton.size(); i++) {
                gaussNewton.data()[i] += second.data()[i];
            }
            bornRecomputed.addAndGet(born.recomputedSteps());
            return Map.of(ScalarPropagator.VELOCITY, gaussNewton);
        }
    }

    /** J^T (L'' J w): the Hessian without the propagator's second-order terms. */
    @Override
    public Map<String, NdArray> gaussNewtonVector(Map<String, NdArray> direction,
                                                  UnaryOperator<List<NdArray>> lossCurvature) {
        try (BornRun born = tangent(direction, Set.of(BornRun.SCATTER))) {
            NdArray product = gaussNewton(born, lossCurvature);
            bornRecomputed.addAndGet(born.recomputedSteps());
            return Map.of(ScalarPropagator.VELOCITY, product);
        }
    }

    /**
     * The full Hessian w.r.t. v on the kernel's second-order runs: per cell j a tangent
     * forward and a tangent adjoint (the columns in parallel on the setup's device), and the
     * Gauss-Newton part as (J e_i) . L'' (J e_j) of the tangent data, without J^T runs.
     */
    @Override
    public NdArray hessian(String parameter, List<NdArray> adjointSources, UnaryOperator<List<NdArray>> lossCurvature) {
        SecondOrderBatch second = ScalarPropagator.VELOCITY.equals(parameter) ? secondOrder(adjointSources) : null;
        if (second == null) {
            return ForwardRun.super.hessian(parameter, adjointSources, lossCurvature);
        }
        ScalarGrid grid = problem.grid();
        int n = Arrays.stream(grid.modelShape()).reduce(1, Math::multiplyExact);
        double[][] data = new double[n][];
        double[][] curved = new double[n][];
        double[] h = new double[n * n];
        problem.device().parallel(n, j -> {
            double[] e = new double[n];
            e[j] = 1;
            Tangent t = tangent(second, ratio(e));
            data[j] = t.data().data();
            curved[j] = lossCurvature.apply(List.of(t.data())).get(0).data();
            for (int i = 0; i < n; i++) {
                h[i * n + j] = t.second()[i];
            }
        });
        // the Gauss-Newton part is symmetric: each pair once (L'' symmetric), rows in parallel
        double[] gaussNewton = new double[n * n];
        problem.device().parallel(n, i -> {
            for (int j = 0; j <= i; j++) {
                double g = dot(data[i], curved[j]);
                gaussNewton[i * n + j] = g;
                gaussNewton[j * n + i] = g;
            }
        });
        for (int k = 0; k < h.length; k++) {
            h[k] += gaussNewton[k];
        }
        return new NdArray(new int[] {n, n}, h);
    }

    /** a . b with four partial sums, so that the products do not wait on one another. */
    private static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < a.length; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
        }
        for (; k < a.length; k++) {
            s0 += a[k] * b[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The tangent data J r (downsampled) and the second-order part of H r (model cells). */
    private record Tangent(NdArray data, double[] second) {
    }

    /** r = 2 w / v of a velocity direction on the model's cells, extended into the PML like v. */
    private NdArray ratio(double[] w) {
        ScalarGrid grid = problem.grid();
        double[] r = grid.padding().extendEdges(w);
        double[] v = grid.velocity();
        for (int i = 0; i < r.length; i++) {
            r[i] = 2 * r[i] / v[i];
        }
        return new NdArray(grid.paddedShape(), r);
    }

    /**
     * One tangent run pair: the data J r, and d/dv of the adjoint source's gradient along r,
     * including r's own dependence on v (d r / d v = -r / v, a v^2 dt^2 gradient over 2 v dt^2).
     */
    private Tangent tangent(SecondOrderBatch second, NdArray ratio) {
        ScalarGrid grid = problem.grid();
        InnerSteps steps = problem.steps();
        NdArray samples = NdArray.zeros(data.dim(0), problem.receivers().perShot(), steps.steps());
        NdArray termGradient = NdArray.zeros(data.dim(0), problem.sources().perShot(), steps.steps());
        NdArray v2dt2Gradient = NdArray.zeros(grid.paddedShape());
        second.tangent(ratio, samples, termGradient, v2dt2Gradient);
        injection.addV2dt2Gradient(termGradient, v2dt2Gradient.data());
        double[] g = second.ratioGradient().data();
        double[] r = ratio.data();
        double[] v = grid.velocity();
        double[] total = v2dt2Gradient.data();
        double dt2 = grid.dt() * grid.dt();
        for (int i = 0; i < total.length; i++) {
            total[i] -= g[i] * r[i] / (2 * v[i] * v[i] * dt2);
        }
        return new Tangent(steps.downsample(samples), ScalarGrids.velocityGradient(grid, total));
    }

    /** J^T applied to a data perturbation, as a velocity gradient. */
    private NdArray transposed(SecondOrderBatch second, NdArray dataPerturbation) {
        ScalarGrid grid = problem.grid();
        InnerSteps steps = problem.steps();
        NdArray termGradient = NdArray.zeros(data.dim(0), problem.sources().perShot(), steps.steps());
        NdArray v2dt2Gradient = NdArray.zeros(grid.paddedShape());
        second.transposed(steps.downsampleAdjoint(dataPerturbation), termGradient, v2dt2Gradient);
        injection.addV2dt2Gradient(termGradient, v2dt2Gradient.data());
        return new NdArray(grid.modelShape(), ScalarGrids.velocityGradient(grid, v2dt2Gradient.data()));
    }

    /**
     * The second-order runs for these adjoint sources, made once (the products of a Hessian
     * all share them); null when the kernel has none or the run does not store every step.
     */
    private synchronized SecondOrderBatch secondOrder(List<NdArray> adjointSources) {
        if (gradientWrt.isEmpty() || adjointSources.size() != 1 || !adjointSources.get(0).sameShape(data)) {
            return null;
        }
        if (secondOrder == null || secondOrderFor != adjointSources.get(0)) {
            if (secondOrder != null) {
                secondOrder.close();
            }
            secondOrderFor = adjointSources.get(0);
            secondOrder = batch.secondOrder(problem.steps().downsampleAdjoint(secondOrderFor), injection.terms());
        }
        return secondOrder;
    }

    private NdArray checkedDirection(Map<String, NdArray> direction) {
        NdArray w = direction.get(ScalarPropagator.VELOCITY);
        if (w == null || direction.size() != 1 || !Arrays.equals(w.shape(), problem.grid().modelShape())) {
            throw new SeicheException("hessian: the direction must be one array 'v' of the model's shape "
                    + Arrays.toString(problem.grid().modelShape()) + ", got " + direction.keySet());
        }
        return w;
    }

    /**
     * A Born run along the direction, keeping its stored steps as the setup's storage plans
     * a Born run (every step in memory when the plan is memory uncompressed, as before).
     */
    private BornRun tangent(Map<String, NdArray> direction, Set<String> gradients) {
        Storage.Plan plan = problem.storagePlan(shots.length);
        boolean memory = plan.mode() == Storage.Mode.MEMORY && plan.compression() == Storage.Compression.NONE;
        return new BornRun(problem, checkedDirection(direction), true, shots, gradients, null,
                memory ? null : problem.bornStoragePlan(shots.length));
    }

    private static NdArray gaussNewton(BornRun born, UnaryOperator<List<NdArray>> lossCurvature) {
        return born.adjoint(lossCurvature.apply(born.receiverData()), Set.of(BornRun.SCATTER)).get(BornRun.SCATTER);
    }

    @Override
    public long peakMemoryBytes() {
        return batch.peakBytes() + (secondOrder == null ? 0 : secondOrder.bytes());
    }

    @Override
    public synchronized void close() {
        if (secondOrder != null) {
            secondOrder.close();
            secondOrder = null;
        }
        batch.close();
    }
}
