package org.seiche.acoustic.internal;

import java.nio.file.Path;
import java.util.Set;

import org.seiche.acoustic.spi.AcousticGrid;
import org.seiche.acoustic.spi.AcousticKernel;
import org.seiche.acoustic.spi.AcousticRecording;
import org.seiche.acoustic.spi.AcousticShots;
import org.seiche.acoustic.spi.AcousticSolver;
import org.seiche.api.ForwardRun;
import org.seiche.api.Model;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.StepListener;
import org.seiche.api.Storage;
import org.seiche.api.Survey;
import org.seiche.wave.FlushToZero;
import org.seiche.wave.Resampling;
import org.seiche.wave.StaggeredPml;
import org.seiche.wave.SurveySteps;
import org.seiche.wave.Traces;
import org.seiche.wave.storage.StoragePlanner;

/**
 * An acoustic survey prepared on a model: everything is checked, converted, averaged onto
 * the staggered grid and handed to the kernel once; forward runs then only place the
 * batch's sources and receivers and resample their traces.
 */
final class AcousticSimulation implements Simulation {
    private final SurveySteps timing;
    private final int[] widths;
    private final int gradientInterval;
    private final Medium medium;
    private final AcousticGrid grid;
    private final AcousticSolver solver;
    private final StepListener listener;
    private final Storage storage;

    AcousticSimulation(SimulationSetup setup, AcousticKernel kernel) {
        Model model = setup.model();
        PropagatorSettings settings = setup.settings();
        ParameterSet set = ParameterSet.ofModel(model.parameters().keySet());
        set.check(model);
        int[] shape = model.shape();
        int ndim = shape.length;
        Survey survey = setup.survey();
        this.widths = settings.widths(ndim);
        Placement.check(survey, shape, widths);
        int halo = settings.accuracy() / 2;
        this.medium = new Medium(model, set, widths, halo, setup.precision());
        this.timing = new SurveySteps(setup, () -> Medium.maxVelocity(model, set));
        this.gradientInterval = settings.gradientSamplingInterval();
        double dt = timing.dt();
        var cpml = timing.cpml(widths);
        AcousticGrid.Pml[] pml = new AcousticGrid.Pml[ndim];
        for (int d = 0; d < ndim; d++) {
            StaggeredPml p = StaggeredPml.along(cpml, shape[d], widths[2 * d], widths[2 * d + 1]);
            pml[d] = new AcousticGrid.Pml(p.aInt(), p.bInt(), p.aHalf(), p.bHalf());
        }
        this.grid = new AcousticGrid(medium.domain, halo, dt, timing.stencils(), medium.kGrid(), medium.buoyancyGrid(),
                pml);
        this.solver = kernel.prepare(grid, setup.precision(), setup.device());
        // told of steps from inside the kernels' flush-to-zero window: run in the caller's mode
        this.listener = FlushToZero.outside(setup.steps());
        this.storage = settings.storage();
    }

    @Override
    public int shots() {
        return timing.shots();
    }

    @Override
    public int stepRatio() {
        return timing.stepRatio();
    }

    int steps() {
        return timing.steps();
    }

    AcousticGrid grid() {
        return grid;
    }

    Resampling resampling() {
        return timing.resampling();
    }

    int gradientInterval() {
        return gradientInterval;
    }

    Medium medium() {
        return medium;
    }

    @Override
    public ForwardRun forward(int[] shots, Set<String> gradientWrt) {
        GradientRequest request = GradientRequest.of(gradientWrt);
        Survey batch = timing.batch(shots);
        Placement placement = new Placement(batch, grid, widths);
        double[][] amplitudes = Traces.upsampledAmplitudes(batch, placement, timing.resampling());
        int steps = steps();
        double[] traces = Traces.scaled(amplitudes, placement, steps);
        AcousticShots toRun = new AcousticShots(shots.length, steps, placement.sources(), traces, placement.receivers(),
                placement.receiverBase(batch.receivers().size()), request.k(), request.buoyancy(), gradientInterval,
                listener, request.k() || request.buoyancy() ? storagePlan(shots.length) : null,
                storage.directory() == null ? null : Path.of(storage.directory()));
        AcousticRecording recording = solver.forward(toRun);
        return new AcousticForwardRun(this, batch, placement, amplitudes, recording, request);
    }

    @Override
    public long bytesPerShot(boolean forGradient) {
        return solver.bytesPerShot(steps(), forGradient, gradientInterval);
    }

    /**
     * Memory (compressed or not), disk or checkpointing as asked, or as the budget alone
     * chooses (StoragePlanner), for the kernel's sizes. A kernel that keeps every step in
     * memory plans memory, and a budget its steps exceed is refused naming the key.
     */
    @Override
    public Storage.Plan storagePlan(int shotsAtOnce) {
        StoragePlanner.Sizes sizes = solver.storageSizes(steps(), gradientInterval);
        if (sizes != null) {
            return StoragePlanner.plan(storage, sizes, shotsAtOnce);
        }
        long perShot = bytesPerShot(true);
        long stored = shotsAtOnce * (perShot - bytesPerShot(false));
        if (storage.memoryBytes() > 0 && stored > storage.memoryBytes()) {
            throw new SeicheException("propagator.storage.memory: this device's acoustic kernel keeps every stored step in "
                    + "memory, " + StoragePlanner.bytes(stored) + " for " + shotsAtOnce + " shot(s) at once, but the budget is "
                    + StoragePlanner.bytes(storage.memoryBytes()) + "; raise it, lower shots_per_batch, or use device cpu");
        }
        return new Storage.Plan(Storage.Mode.MEMORY, Storage.Compression.NONE, 0, 0, perShot);
    }

    @Override
    public void close() {
        solver.close();
    }
}
