package org.seiche.elastic.internal;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.seiche.api.ForwardRun;
import org.seiche.api.Model;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Snapshots;
import org.seiche.api.StepListener;
import org.seiche.api.Storage;
import org.seiche.api.Survey;
import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticGrid;
import org.seiche.elastic.spi.ElasticKernel;
import org.seiche.elastic.spi.ElasticRecording;
import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.spi.ElasticSolver;
import org.seiche.elastic.spi.ElasticTap;
import org.seiche.wave.FlushToZero;
import org.seiche.wave.Resampling;
import org.seiche.wave.storage.StoragePlanner;
import org.seiche.wave.SurveySteps;
import org.seiche.wave.Traces;

/**
 * An elastic survey prepared on a model: everything is checked, converted, averaged onto
 * the staggered grid and handed to the kernel once; forward runs then only place the
 * batch's sources and receivers and resample their traces.
 */
final class ElasticSimulation implements Simulation {
    private final SurveySteps timing;
    private final int[] widths;
    private final int gradientInterval;
    private final Materials materials;
    private final StaggeredMaterials staggered;
    private final ElasticGrid grid;
    private final ElasticSolver solver;
    private final StepListener listener;
    private final Snapshots snapshots;
    private final int[] modelShape;
    private final Storage storage;

    ElasticSimulation(SimulationSetup setup, ElasticKernel kernel) {
        Model model = setup.model();
        PropagatorSettings settings = setup.settings();
        ParameterSet set = ParameterSet.ofModel(model.parameters().keySet());
        ModelCheck.check(model, set);
        Survey survey = setup.survey();
        this.widths = settings.widths(2);
        Placement.check(survey, model.shape(), widths);
        this.materials = Materials.of(model, set);
        this.timing = new SurveySteps(setup, materials::maxVelocity);
        this.gradientInterval = settings.gradientSamplingInterval();
        double dt = timing.dt();
        int halo = settings.accuracy() / 2;
        this.staggered = new StaggeredMaterials(materials, widths, halo, setup.precision());
        var cpml = timing.cpml(widths);
        int[] shape = model.shape();
        double[][] stencils = timing.stencils();
        this.grid = new ElasticGrid(staggered.ny(), staggered.nx(), halo, dt, stencils[0], stencils[1],
                staggered.coefficients(),
                PmlProfiles.along(cpml, shape[0], widths[0], widths[1]),
                PmlProfiles.along(cpml, shape[1], widths[2], widths[3]));
        this.solver = kernel.prepare(grid, setup.precision(), setup.device());
        // told of steps from inside the kernels' flush-to-zero window: run in the caller's mode
        this.listener = FlushToZero.outside(setup.steps());
        this.snapshots = FlushToZero.outside(setup.snapshots());
        this.modelShape = model.shape();
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

    ElasticGrid grid() {
        return grid;
    }

    Resampling resampling() {
        return timing.resampling();
    }

    Materials materials() {
        return materials;
    }

    StaggeredMaterials staggered() {
        return staggered;
    }

    @Override
    public ForwardRun forward(int[] shots, Set<String> gradientWrt) {
        GradientRequest request = GradientRequest.of(gradientWrt);
        Survey batch = timing.batch(shots);
        Placement placement = new Placement(batch, grid, widths[0], widths[2]);
        double[][] amplitudes = Traces.upsampledAmplitudes(batch, placement, timing.resampling());
        int steps = steps();
        double[] traces = Traces.scaled(amplitudes, placement, steps);
        ElasticShots shotsToRun = new ElasticShots(shots.length, steps, placement.sources(), traces, placement.receivers(),
                placement.receiverBase(batch.receivers().size()), request.coefficients(), gradientInterval, listener,
                tap(shots), request.coefficients().isEmpty() ? null : storagePlan(shots.length),
                storage.directory() == null ? null : Path.of(storage.directory()));
        ElasticRecording recording = solver.forward(shotsToRun);
        return new ElasticForwardRun(this, batch, placement, amplitudes, recording, request);
    }

    /** The snapshots' tap of a batch of these shots; null when none of them is heard (or none was asked for). */
    private ElasticTap tap(int[] shots) {
        if (snapshots == null || java.util.Arrays.stream(shots).noneMatch(snapshots::hears)) {
            return null;
        }
        // model cell (0, 0) in the kernels' row arrays: past the halo and the top and left PML
        return new ElasticTap(snapshots, shots, modelShape[0], modelShape[1], widths[0] + grid.halo(),
                widths[2] + grid.halo());
    }

    @Override
    public long bytesPerShot(boolean forGradient) {
        Set<Coefficient> all = forGradient ? EnumSet.allOf(Coefficient.class) : EnumSet.noneOf(Coefficient.class);
        return solver.bytesPerShot(steps(), all, gradientInterval);
    }

    /**
     * As propagator.storage asks, within its budget ({@link StoragePlanner}): memory
     * (compressed or not), disk or checkpointing, or with a budget alone the first of them
     * that fits. A kernel that keeps every stored step in memory (no sizes) plans memory.
     */
    @Override
    public Storage.Plan storagePlan(int shotsAtOnce) {
        Set<Coefficient> all = EnumSet.allOf(Coefficient.class);
        StoragePlanner.Sizes sizes = solver.storageSizes(steps(), all, gradientInterval);
        if (sizes == null) {
            // what a gradient adds to a forward run: mostly its stored steps
            return StoragePlanner.memoryOnly(storage, bytesPerShot(true), bytesPerShot(true) - bytesPerShot(false),
                    shotsAtOnce);
        }
        return StoragePlanner.plan(storage, sizes, shotsAtOnce);
    }

    @Override
    public void close() {
        solver.close();
    }
}
