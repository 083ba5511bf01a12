package org.seiche.scalar.internal;

import java.util.List;
import java.util.Set;

import org.seiche.api.Batches;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Storage;
import org.seiche.scalar.spi.ScalarBatch;
import org.seiche.scalar.spi.Transducers;

/** A scalar survey prepared on a velocity model. */
public final class ScalarSimulation extends ScalarFamilySimulation {
    private static final List<String> GRADIENTS = List.of(ScalarPropagator.VELOCITY, SOURCE_AMPLITUDES);


    public ScalarSimulation(ScalarProblem problem) {
        super(problem);
    }

    @Override
    public ForwardRun forward(int[] shots, Set<String> gradientWrt) {
        SetupCheck.gradientNames(gradientWrt, GRADIENTS);
        Transducers sources = problem.sources().select(shots);
        Transducers receivers = problem.receivers().select(shots);
        InnerSteps steps = problem.steps();
        SourceInjection injection = SourceInjection.upsampled(problem.grid(), steps, sources,
                Batches.selectShots(problem.innerAmplitudes(), shots));
        boolean velocity = gradientWrt.contains(ScalarPropagator.VELOCITY);
        ScalarBatch batch = velocity ? problem.operator().open(sources, receivers, steps.steps(), problem.gradientInterval(),
                problem.snapshots(shots), problem.storagePlan(shots.length), problem.storageDirectory())
                : problem.operator().open(sources, receivers, steps.steps(), 0, problem.snapshots(shots));
        NdArray samples = NdArray.zeros(shots.length, receivers.perShot(), steps.steps());
        batch.forward(injection.terms(), samples);
        ScalarForwardRun run = new ScalarForwardRun(problem, shots, injection, batch, steps.downsample(samples), gradientWrt);
        if (gradientWrt.isEmpty()) {
            run.close();
        }
        return run;
    }

    @Override
    public long bytesPerShot(boolean forGradient) {
        return problem.operator().bytesPerShot(problem.steps().steps(), forGradient ? problem.gradientInterval() : 0);
    }

    @Override
    public Storage.Plan storagePlan(int shotsAtOnce) {
        return problem.storagePlan(shotsAtOnce);
    }
}
