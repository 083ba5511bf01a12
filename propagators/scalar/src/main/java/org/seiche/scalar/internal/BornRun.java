package org.seiche.scalar.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seiche.api.Batches;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.api.Storage;
import org.seiche.scalar.spi.BornBatch;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.scalar.spi.Transducers;

/**
 * A tangent-linear (Born) run of a batch of shots: the receiver data of the field
 * scattered by a velocity perturbation dv (the scatter), to first order, and the adjoint.
 * With G = d loss / d r (r = 2 dv / v on the padded grid), d loss / d scatter = 2 G / v,
 * and d loss / d v = 2 v dt^2 d loss / d (v^2 dt^2) - 2 dv G / v^2, the PML cells summed
 * onto the edges. The Born propagator extends the scatter into the PML with zeros; the
 * scalar propagator's Hessian products extend a velocity direction with its edge values,
 * as v itself is.
 */
public final class BornRun implements ForwardRun {
    public static final String SCATTER = "scatter";

    private final ScalarProblem problem;
    private final boolean edges;
    private final NdArray ratio;
    private final SourceInjection injection;
    private final BornBatch batch;
    private final NdArray data;
    private final NdArray backgroundSamples;
    private final Set<String> gradientWrt;
    private boolean offersBackground;

    /**
     * Runs the batch of shots forward.
     *
     * @param scatter     dv on the model's cells
     * @param edges       extend dv into the PML with its edge values (else zeros)
     * @param gradientWrt {@link #SCATTER} and/or the velocity's name; empty = forward only
     */
    public BornRun(ScalarProblem problem, NdArray scatter, boolean edges, int[] shots, Set<String> gradientWrt) {
        this(problem, scatter, edges, shots, gradientWrt, null);
    }

    /** As above, the background and scattered fields offered to {@code snapshots} (null: none). */
    public BornRun(ScalarProblem problem, NdArray scatter, boolean edges, int[] shots, Set<String> gradientWrt,
                   SnapshotTap snapshots) {
        this(problem, scatter, edges, shots, gradientWrt, snapshots, null);
    }

    /**
     * As above, a gradient's stored steps kept as {@code storage} plans (null: every step in
     * memory, as a Hessian's tangent runs keep them).
     */
    public BornRun(ScalarProblem problem, NdArray scatter, boolean edges, int[] shots, Set<String> gradientWrt,
                   SnapshotTap snapshots, Storage.Plan storage) {
        this.problem = problem;
        this.edges = edges;
        this.gradientWrt = Set.copyOf(gradientWrt);
        ScalarGrid grid = problem.grid();
        double[] dv = edges ? grid.padding().extendEdges(scatter.data()) : grid.padding().extendZeros(scatter.data());
        double[] v = grid.velocity();
        for (int i = 0; i < dv.length; i++) {
            dv[i] = 2 * dv[i] / v[i];
        }
        ratio = new NdArray(grid.paddedShape(), dv);
        Transducers sources = problem.sources().select(shots);
        Transducers receivers = problem.receivers().select(shots);
        InnerSteps steps = problem.steps();
        injection = SourceInjection.upsampled(grid, steps, sources, Batches.selectShots(problem.innerAmplitudes(), shots));
        int interval = gradientWrt.isEmpty() ? 0 : problem.gradientInterval();
        boolean velocity = gradientWrt.contains(ScalarPropagator.VELOCITY);
        batch = storage == null || interval == 0
                ? problem.operator().openBorn(sources, receivers, steps.steps(), interval, ratio, velocity, snapshots)
                : problem.operator().openBorn(sources, receivers, steps.steps(), interval, ratio, velocity, snapshots, storage,
                problem.storageDirectory());
        NdArray scattered = NdArray.zeros(shots.length, receivers.perShot(), steps.steps());
        NdArray background = NdArray.zeros(shots.length, receivers.perShot(), steps.steps());
        batch.forward(injection.terms(), scattered, background);
        data = steps.downsample(scattered);
        backgroundSamples = background;
        if (gradientWrt.isEmpty()) {
            batch.close();
        }
    }

    /** Forward steps its adjoint recomputed from checkpoints (0 when its steps were kept). */
    public long recomputedSteps() {
        return batch.recomputedSteps();
    }

    /** The scattered (Born) data. */
    @Override
    public List<NdArray> receiverData() {
        return List.of(data);
    }

    /** The background field's data at the same receivers (resampled when asked). */
    public NdArray backgroundData() {
        return problem.steps().downsample(backgroundSamples);
    }

    /** This run, offering {@link #backgroundData} as receiver_data_background among its {@link #extraData}. */
    public BornRun offeringBackgroundData() {
        offersBackground = true;
        return this;
    }

    @Override
    public Map<String, NdArray> extraData() {
        return offersBackground ? Map.of("receiver_data_background", backgroundData()) : Map.of();
    }

    @Override
    public Map<String, NdArray> adjoint(List<NdArray> adjointSources) {
        return adjoint(adjointSources, gradientWrt);
    }

    /** The adjoint for only some of the gradients this run was made for (the others cost nothing). */
    public Map<String, NdArray> adjoint(List<NdArray> adjointSources, Set<String> names) {
        if (!gradientWrt.containsAll(names) || names.isEmpty()) {
            throw new IllegalStateException("this forward run was made for the gradients " + gradientWrt + ", not " + names);
        }
        if (adjointSources.size() != 1 || !adjointSources.get(0).sameShape(data)) {
            throw new SeicheException("adjoint source: expected one array of shape " + data.shapeString() + ", got "
                    + adjointSources.stream().map(NdArray::shapeString).toList());
        }
        ScalarGrid grid = problem.grid();
        boolean velocity = names.contains(ScalarPropagator.VELOCITY);
        NdArray inner = problem.steps().downsampleAdjoint(adjointSources.get(0));
        NdArray termGradient = velocity ? NdArray.zeros(data.dim(0), problem.sources().perShot(), problem.steps().steps())
                : null;
        NdArray ratioGradient = NdArray.zeros(grid.paddedShape());
        NdArray v2dt2Gradient = velocity ? NdArray.zeros(grid.paddedShape()) : null;
        batch.backward(inner, termGradient, ratioGradient, v2dt2Gradient);
        double[] v = grid.velocity();
        double[] g = ratioGradient.data();
        Map<String, NdArray> out = new LinkedHashMap<>();
        if (names.contains(SCATTER)) {
            double[] scatter = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                scatter[i] = 2 * g[i] / v[i];
            }
            out.put(SCATTER, new NdArray(grid.modelShape(),
                    edges ? grid.padding().sumEdges(scatter) : grid.padding().crop(scatter)));
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
            out.put(ScalarPropagator.VELOCITY, new NdArray(grid.modelShape(), ScalarGrids.velocityGradient(grid, total)));
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
