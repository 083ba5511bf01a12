package org.seiche.scalar.internal;

import java.util.List;
import java.util.Set;

import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Storage;

/** A Born survey prepared on a background velocity and a scatter. */
public final class BornSimulation extends ScalarFamilySimulation {
    private static final List<String> GRADIENTS = List.of(BornPropagator.SCATTER, BornPropagator.VELOCITY);

    private final NdArray scatter;
    private final boolean backgroundData;

    BornSimulation(ScalarProblem problem, NdArray scatter, boolean backgroundData) {
        super(problem);
        this.scatter = scatter;
        this.backgroundData = backgroundData;
    }

    @Override
    public ForwardRun forward(int[] shots, Set<String> gradientWrt) {
        SetupCheck.gradientNames(gradientWrt, GRADIENTS);
        BornRun run = new BornRun(problem, scatter, false, shots, gradientWrt, problem.snapshots(shots),
                gradientWrt.isEmpty() ? null : problem.bornStoragePlan(shots.length));
        return backgroundData ? run.offeringBackgroundData() : run;
    }

    @Override
    public long bytesPerShot(boolean forGradient) {
        // two fields, and up to two stored forward histories
        return 2 * problem.operator().bytesPerShot(problem.steps().steps(), forGradient ? problem.gradientInterval() : 0);
    }

    @Override
    public Storage.Plan storagePlan(int shotsAtOnce) {
        return problem.bornStoragePlan(shotsAtOnce);
    }
}
