package org.seiche.scalar.internal;

import java.nio.file.Path;
import java.util.List;

import org.seiche.api.Device;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Snapshots;
import org.seiche.api.Storage;
import org.seiche.api.Survey;
import org.seiche.scalar.spi.ScalarGrid;
import org.seiche.scalar.spi.ScalarKernel;
import org.seiche.scalar.spi.ScalarOperator;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.scalar.spi.Transducers;
import org.seiche.wave.FlushToZero;
import org.seiche.wave.storage.StoragePlanner;

/**
 * A checked setup turned into what the scalar kernels need: the padded grid for a
 * velocity, the inner time steps, the sources and receivers as padded cells, and the
 * kernel loaded on the setup's device. Shared by the propagators built on the scalar
 * equation (scalar, Born).
 */
public final class ScalarProblem {
    private final ScalarGrid grid;
    private final InnerSteps steps;
    private final Transducers sources;
    private final Transducers receivers;
    private final NdArray amplitudes;
    private final NdArray innerAmplitudes;
    private final ScalarOperator operator;
    private final int gradientInterval;
    private final Device device;
    private final Snapshots snapshots;
    private final Storage storage;

    private ScalarProblem(ScalarGrid grid, InnerSteps steps, Transducers sources, Transducers receivers,
                          NdArray amplitudes, ScalarOperator operator, int gradientInterval, Device device,
                          Snapshots snapshots, Storage storage) {
        this.grid = grid;
        this.steps = steps;
        this.sources = sources;
        this.receivers = receivers;
        this.amplitudes = amplitudes;
        this.innerAmplitudes = steps.upsample(amplitudes);
        this.operator = operator;
        this.gradientInterval = gradientInterval;
        this.device = device;
        this.snapshots = snapshots;
        this.storage = storage;
    }

    /**
     * Checks the setup and prepares it for the velocity v (already checked by the caller);
     * max_vel defaults to max |v|.
     */
    public static ScalarProblem of(SimulationSetup setup, NdArray v, List<ScalarKernel> kernels, String propagator) {
        SetupCheck.survey(setup, propagator);
        int ndim = v.ndim();
        Device device = setup.device();
        if (device == null) {
            throw new SeicheException("device: none given");
        }
        ScalarKernel kernel = kernel(kernels, device, ndim, propagator);
        double maxVel = setup.settings().maxVel();
        if (Double.isNaN(maxVel)) {
            maxVel = maxVelocity(v);
        }
        Survey survey = setup.survey();
        double[] spacing = setup.model().spacing();
        InnerSteps steps = new InnerSteps(survey.dt(), survey.nt(), maxVel, spacing);
        ScalarGrid grid = ScalarGrids.of(v.data(), v.shape(), spacing, setup.settings(), steps.dt(), maxVel);
        Precision precision = setup.precision() == null ? Precision.FLOAT32 : setup.precision();
        return new ScalarProblem(grid, steps, ScalarGrids.transducers(survey.sources().get(0).locations(), grid),
                ScalarGrids.transducers(survey.receivers().get(0).locations(), grid), survey.sources().get(0).amplitudes(),
                kernel.load(grid, precision, device, setup.steps()), setup.settings().gradientSamplingInterval(), device,
                FlushToZero.outside(setup.snapshots()), setup.settings().storage());
    }

    /** The default max_vel: max |v|. */
    public static double maxVelocity(NdArray v) {
        double max = 0;
        for (double x : v.data()) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    private static ScalarKernel kernel(List<ScalarKernel> kernels, Device device, int ndim, String propagator) {
        for (ScalarKernel k : kernels) {
            if (k.deviceName().equals(device.name())) {
                if (!k.supports(ndim)) {
                    throw new SeicheException("model: the " + propagator + " propagator has no " + ndim
                            + "-D kernel on device " + device.name() + " (it has " + String.join(", ",
                            java.util.stream.IntStream.rangeClosed(1, 3).filter(k::supports).mapToObj(d -> d + "-D").toList())
                            + ")");
                }
                return k;
            }
        }
        throw new SeicheException("device: the " + propagator + " propagator has no kernel for device '" + device.name()
                + "' (kernels for: " + String.join(", ", kernels.stream().map(ScalarKernel::deviceName).toList()) + ")");
    }

    public ScalarGrid grid() {
        return grid;
    }

    public InnerSteps steps() {
        return steps;
    }

    /** Sources of every shot. */
    public Transducers sources() {
        return sources;
    }

    /** Receivers of every shot. */
    public Transducers receivers() {
        return receivers;
    }

    /** Source amplitudes of every shot, [shots, sources, nt]. */
    public NdArray amplitudes() {
        return amplitudes;
    }

    /** The source amplitudes at the inner steps, [shots, sources, nt * ratio], upsampled once. */
    public NdArray innerAmplitudes() {
        return innerAmplitudes;
    }

    public ScalarOperator operator() {
        return operator;
    }

    /** The device the kernels run on (and host-side work runs in parallel on). */
    public Device device() {
        return device;
    }

    /** Steps between the stored forward steps of a gradient run (1 = exact). */
    public int gradientInterval() {
        return gradientInterval;
    }

    /**
     * How a gradient run of that many shots at once keeps its stored steps: the setup's
     * storage planned on the kernel's sizes (every step in memory when the kernel has no other way).
     */
    public Storage.Plan storagePlan(int shotsAtOnce) {
        return plan(operator.storageSizes(steps.steps(), gradientInterval), shotsAtOnce, 1);
    }

    /** As {@link #storagePlan} for a Born gradient run (two fields, two stored terms). */
    public Storage.Plan bornStoragePlan(int shotsAtOnce) {
        return plan(operator.bornStorageSizes(steps.steps(), gradientInterval), shotsAtOnce, 2);
    }

    private Storage.Plan plan(StoragePlanner.Sizes sizes, int shotsAtOnce, int fields) {
        if (sizes == null) {
            // a kernel that keeps every step in memory: a budget it exceeds is refused as the planner refuses one
            long stored = (long) shotsAtOnce * fields * (operator.bytesPerShot(steps.steps(), gradientInterval)
                    - operator.bytesPerShot(steps.steps(), 0));
            if (storage.memoryBytes() > 0 && stored > storage.memoryBytes()) {
                throw new SeicheException("propagator.storage.memory: this device's kernel keeps every stored step in memory, "
                        + StoragePlanner.bytes(stored) + " for " + shotsAtOnce + " shot(s) at once, but the budget is "
                        + StoragePlanner.bytes(storage.memoryBytes()) + "; raise it, lower shots_per_batch, or use device cpu");
            }
            return new Storage.Plan(Storage.Mode.MEMORY, Storage.Compression.NONE, 0, 0,
                    fields * operator.bytesPerShot(steps.steps(), gradientInterval));
        }
        return StoragePlanner.plan(storage, sizes, shotsAtOnce);
    }

    /** Disk mode's folder; null: a temporary one. */
    public Path storageDirectory() {
        return storage.directory() == null ? null : Path.of(storage.directory());
    }

    /** The tap of a batch of the given shots (survey indices) for the setup's snapshots; null when none are heard. */
    public SnapshotTap snapshots(int[] shots) {
        return ModelCellsTap.of(snapshots, shots, grid);
    }
}
