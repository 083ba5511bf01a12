package org.seiche.born;

import java.util.List;
import java.util.Set;

import org.seiche.api.Batches;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Simulation;
import org.seiche.scalar.BornBatch;
import org.seiche.scalar.InnerSteps;
import org.seiche.scalar.ScalarGrid;
import org.seiche.scalar.ScalarProblem;
import org.seiche.scalar.SetupCheck;
import org.seiche.scalar.SourceInjection;
import org.seiche.scalar.Transducers;

/** A Born survey prepared on a background velocity and a scatter. */
public final class BornSimulation implements Simulation {
    private static final List<String> GRADIENTS = List.of(BornPropagator.SCATTER, BornPropagator.VELOCITY);

    private final ScalarProblem problem;
    private final NdArray ratio;

    BornSimulation(ScalarProblem problem, NdArray scatter) {
        this.problem = problem;
        this.ratio = ratio(problem.grid(), scatter);
    }

    /** r = 2 dv / v on the padded grid: the scatter extended with zeros, v with its edge values. */
    private static NdArray ratio(ScalarGrid grid, NdArray scatter) {
        double[] dv = grid.padding().extendZeros(scatter.data());
        double[] v = grid.velocity();
        for (int i = 0; i < dv.length; i++) {
            dv[i] = 2 * dv[i] / v[i];
        }
        return new NdArray(grid.paddedShape(), dv);
    }

    @Override
    public int shots() {
        return problem.sources().shots();
    }

    @Override
    public int stepRatio() {
        return problem.steps().ratio();
    }

    @Override
    public ForwardRun forward(int[] shots, Set<String> gradientWrt) {
        SetupCheck.gradientNames(gradientWrt, GRADIENTS);
        Transducers sources = problem.sources().select(shots);
        Transducers receivers = problem.receivers().select(shots);
        InnerSteps steps = problem.steps();
        SourceInjection injection = new SourceInjection(problem.grid(), steps, sources,
                Batches.selectShots(problem.amplitudes(), shots));
        BornBatch batch = problem.operator().openBorn(sources, receivers, steps.steps(),
                gradientWrt.isEmpty() ? 0 : problem.gradientInterval(), ratio,
                gradientWrt.contains(BornPropagator.VELOCITY));
        NdArray scattered = NdArray.zeros(shots.length, receivers.perShot(), steps.steps());
        NdArray background = NdArray.zeros(shots.length, receivers.perShot(), steps.steps());
        batch.forward(injection.terms(), scattered, background);
        BornForwardRun run = new BornForwardRun(problem, ratio, injection, batch, steps.downsample(scattered),
                steps.downsample(background), gradientWrt);
        if (gradientWrt.isEmpty()) {
            run.close();
        }
        return run;
    }

    @Override
    public long bytesPerShot(boolean forGradient) {
        // two fields, and up to two stored forward histories
        return 2 * problem.operator().bytesPerShot(problem.steps().steps(), forGradient ? problem.gradientInterval() : 0);
    }

    @Override
    public void close() {
        problem.operator().close();
    }
}
