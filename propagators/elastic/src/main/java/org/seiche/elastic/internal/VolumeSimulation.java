package org.seiche.elastic.internal;

import java.nio.DoubleBuffer;
import java.nio.file.Path;
import java.util.Set;

import org.seiche.api.Device;
import org.seiche.api.ForwardRun;
import org.seiche.api.Model;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.StepListener;
import org.seiche.api.Storage;
import org.seiche.api.Survey;
import org.seiche.elastic.spi.ElasticGrid;
import org.seiche.elastic.cpu.VolumeGrid;
import org.seiche.elastic.cpu.VolumeNumerics;
import org.seiche.elastic.cpu.VolumeShots;
import org.seiche.elastic.cpu.VolumeTerms;
import org.seiche.wave.FlushToZero;
import org.seiche.wave.Resampling;
import org.seiche.wave.SurveySteps;
import org.seiche.wave.Traces;
import org.seiche.wave.VectorSupport;
import org.seiche.wave.storage.StoragePlanner;

/**
 * A 1-D or 3-D elastic survey prepared on a model (docs/elastic.md, "1-D and 3-D"): checked,
 * converted, placed on the staggered grid and handed to the CPU volume kernel once.
 */
final class VolumeSimulation implements Simulation {
    private final SurveySteps timing;
    private final int[] widths;
    private final int gradientInterval;
    private final Materials materials;
    private final VolumeMaterials staggered;
    private final VolumeGrid grid;
    private final VolumeNumerics numerics;
    private final StepListener listener;
    private final Storage storage;

    VolumeSimulation(SimulationSetup setup) {
        Model model = setup.model();
        PropagatorSettings settings = setup.settings();
        ParameterSet set = ParameterSet.ofModel(model.parameters().keySet());
        ModelCheck.check(model, set);
        int[] shape = model.shape();
        int ndim = shape.length;
        Survey survey = setup.survey();
        this.widths = settings.widths(ndim);
        VolumePlacement.check(survey, shape, widths);
        this.materials = Materials.of(model, set);
        this.timing = new SurveySteps(setup, materials::maxVelocity);
        this.gradientInterval = settings.gradientSamplingInterval();
        double dt = timing.dt();
        int halo = settings.accuracy() / 2;
        this.staggered = new VolumeMaterials(materials, widths, halo, setup.precision());
        var cpml = timing.cpml(widths);
        ElasticGrid.Pml[] pml = new ElasticGrid.Pml[ndim];
        for (int d = 0; d < ndim; d++) {
            pml[d] = PmlProfiles.along(cpml, shape[d], widths[2 * d], widths[2 * d + 1]);
        }
        this.grid = new VolumeGrid(staggered.domain(), halo, dt, timing.stencils(), staggered.lamb(), staggered.mu(),
                staggered.shear(), staggered.buoyancy(), pml);
        this.numerics = numerics(grid, setup.precision(), setup.device());
        this.listener = FlushToZero.outside(setup.steps());
        this.storage = settings.storage();
    }

    private static VolumeNumerics numerics(VolumeGrid grid, Precision precision, Device device) {
        return precision == Precision.FLOAT64 ? new org.seiche.elastic.cpu.f64.VolumeKernel(grid, device, VectorSupport.available())
                : new org.seiche.elastic.cpu.f32.VolumeKernel(grid, device, VectorSupport.available());
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

    VolumeGrid grid() {
        return grid;
    }

    Resampling resampling() {
        return timing.resampling();
    }

    Materials materials() {
        return materials;
    }

    VolumeMaterials staggered() {
        return staggered;
    }

    /** The stored terms the named parameters' gradients need. */
    private VolumeTerms terms(Set<String> parameters) {
        boolean lambda = false;
        boolean shear = false;
        boolean density = false;
        for (var c : Materials.coefficientsFor(parameters)) {
            switch (c) {
                case LAMB -> lambda = true;
                case MU, MU_XY -> shear = true;
                default -> density = true;
            }
        }
        return new VolumeTerms(density, lambda || shear, shear && grid.ndim() > 1);
    }

    @Override
    public ForwardRun forward(int[] shots, Set<String> gradientWrt) {
        GradientRequest request = GradientRequest.of(gradientWrt);
        Survey batch = timing.batch(shots);
        int[] before = new int[grid.ndim()];
        for (int d = 0; d < before.length; d++) {
            before[d] = widths[2 * d];
        }
        VolumePlacement placement = new VolumePlacement(batch, grid, before);
        double[][] amplitudes = Traces.upsampledAmplitudes(batch, placement, timing.resampling());
        int steps = steps();
        int receiverTraces = placement.receiverBase(batch.receivers().size());
        VolumeTerms terms = request.any() ? terms(request.parameters()) : VolumeTerms.NONE;
        VolumeShots run = new VolumeShots(shots.length, steps, placement.sources(), Traces.scaled(amplitudes, placement, steps),
                placement.receivers(), receiverTraces, terms, gradientInterval, listener,
                terms.any() ? storagePlan(shots.length) : null, storage.directory() == null ? null : Path.of(storage.directory()));
        double[] receivers = new double[receiverTraces * steps];
        VolumeNumerics.VolumeAdjoint adjoint = numerics.forward(run, DoubleBuffer.wrap(receivers));
        return new VolumeForwardRun(this, batch, placement, amplitudes, receivers, adjoint, request, run.terms());
    }

    @Override
    public long bytesPerShot(boolean forGradient) {
        return numerics.bytesPerShot(steps(), forGradient ? VolumeTerms.ALL : VolumeTerms.NONE, gradientInterval);
    }

    /** As propagator.storage asks, within its budget: memory (compressed or not), disk or checkpointing ({@link StoragePlanner}). */
    @Override
    public Storage.Plan storagePlan(int shotsAtOnce) {
        return StoragePlanner.plan(storage, numerics.storageSizes(steps(), VolumeTerms.ALL, gradientInterval), shotsAtOnce);
    }
}
