package org.seiche.scalar.cuda;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.seiche.api.Device;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.io.Npy;
import org.seiche.scalar.spi.ScalarKernel;
import org.seiche.scalar.internal.ScalarProblem;
import org.seiche.scalar.internal.SourceInjection;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.wave.Wavelets;

/**
 * A scalar case as the kernels see it: the reference cases of ../shared/reference that
 * the tests copy (their pipeline.yaml transcribed), or a small synthetic one. Prepared
 * on the CPU kernel, which gives the padded grid, the inner steps, the source terms and
 * the numbers every other kernel is compared with.
 */
record ScalarCase(String name, double[] spacing, PropagatorSettings settings, double dt, int nt, double[] ricker) {
    static final Device CPU = new CpuDevice(2);

    static Stream<ScalarCase> references() {
        return Stream.of(
                new ScalarCase("scalar_quick", new double[] {4, 4}, settings(4, 25, Double.NaN, 20), 0.004, 200,
                        new double[] {25, 0.06}),
                new ScalarCase("scalar_cfl_forward", new double[] {5, 5}, settings(6, 15, Double.NaN, 20), 0.003, 160,
                        new double[] {15, 0.08}),
                new ScalarCase("scalar_accuracy8_multishot", new double[] {5, 4}, settings(8, 25, 2500, 10, 12, 14, 16),
                        0.0007, 450, null),
                new ScalarCase("edge_gradient_freesurface", new double[] {4, 4}, settings(4, 25, Double.NaN, 0, 20, 20, 20),
                        0.004, 200, null));
    }

    /** Accuracy 2, uneven PML with a free surface, two shots sharing nothing: not among the references. */
    static ScalarCase synthetic() {
        return new ScalarCase("synthetic_accuracy2", new double[] {5, 4}, settings(2, 20, Double.NaN, 0, 6, 4, 5), 0.001,
                120, null);
    }

    /**
     * The 1-D and 3-D cases: Deepwave's scalar_1d (float64, two shots), scalar_3d_small and
     * scalar_3d_freesurface (accuracy 8, free top, spacing per dimension), and synthetic ones
     * as {@link #synthetic()} (uneven PML, a free surface on one side, two shots, an unused
     * source, a shared receiver cell) at accuracies 6 (1-D), 2, 4, 6 and 8 (3-D).
     */
    static Stream<ScalarCase> volumes() {
        return Stream.of(
                new ScalarCase("synthetic_1d_accuracy6", new double[] {5}, settings(6, 20, Double.NaN, 0, 7), 0.001, 150,
                        null),
                new ScalarCase("synthetic_3d_accuracy2", new double[] {5, 4, 6}, settings(2, 20, Double.NaN, 0, 4, 3, 5, 4, 3),
                        0.0008, 60, null),
                new ScalarCase("synthetic_3d_accuracy6", new double[] {4, 5, 5}, settings(6, 20, Double.NaN, 3, 4, 0, 5, 4, 4),
                        0.0008, 50, null),
                new ScalarCase("synthetic_3d_accuracy4", new double[] {5, 5, 5}, settings(4, 25, Double.NaN, 4), 0.0008, 50,
                        null),
                new ScalarCase("synthetic_3d_accuracy8", new double[] {4, 5, 6}, settings(8, 25, Double.NaN, 0, 3, 4, 3, 3, 4),
                        0.0008, 50, null),
                new ScalarCase("scalar_1d", new double[] {5}, settings(4, 20, Double.NaN, 15, 20), 0.001, 300, null),
                new ScalarCase("scalar_3d_small", new double[] {5, 5, 5}, settings(4, 25, Double.NaN, 8), 0.0006, 250,
                        new double[] {25, 0.05}),
                new ScalarCase("scalar_3d_freesurface", new double[] {4, 5, 6}, settings(8, 25, Double.NaN, 0, 8, 8, 8, 8, 8),
                        0.0006, 260, null));
    }

    private static PropagatorSettings settings(int accuracy, double pmlFreq, double maxVel, int... widths) {
        return new PropagatorSettings(accuracy, widths, pmlFreq, maxVel, 1, Map.of());
    }

    @Override
    public String toString() {
        return name;
    }

    boolean isReference() {
        return !name.startsWith("synthetic");
    }

    Path folder() {
        try {
            return Path.of(ScalarCase.class.getResource("/reference/" + name + "/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The case on the CPU kernel in a precision. */
    Prepared prepare(Precision precision) throws Exception {
        NdArray v;
        Locations sources;
        Locations receivers;
        NdArray amplitudes;
        Random random = new Random(7);
        if (isReference()) {
            Path dir = folder();
            v = Files.exists(dir.resolve("v.npy")) ? Npy.read(dir.resolve("v.npy")) : NdArray.filled(1600, 50, 100);
            sources = Npy.readLocations(dir.resolve("source_locations.npy"), spacing.length);
            receivers = Npy.readLocations(dir.resolve("receiver_locations.npy"), spacing.length);
            amplitudes = ricker != null ? ricker(sources) : Npy.read(dir.resolve("source_amplitudes.npy"));
        } else {
            int dims = spacing.length;
            v = NdArray.zeros(dims == 1 ? new int[] {40} : dims == 2 ? new int[] {24, 30} : new int[] {10, 11, 12});
            for (int i = 0; i < v.size(); i++) {
                v.data()[i] = 1500 + 500 * random.nextDouble();
            }
            // shot 0: a corner cell and an inner one; shot 1: the far corner and an unused source
            sources = new Locations(2, 2, dims, dims == 1 ? new int[] {0, 17, 39, -1}
                    : dims == 2 ? new int[] {0, 3, 10, 20, 5, 5, -1, -1}
                    : new int[] {0, 3, 4, 5, 6, 7, 9, 10, 11, -1, -1, -1});
            // each shot: corners and inner cells, shot 1 two receivers in one cell
            receivers = new Locations(2, 3, dims, dims == 1 ? new int[] {0, 39, 20, 5, 5, 30}
                    : dims == 2 ? new int[] {0, 0, 23, 29, 12, 1, 1, 28, 1, 28, 20, 15}
                    : new int[] {0, 0, 0, 9, 10, 11, 4, 5, 6, 1, 1, 1, 1, 1, 1, 8, 2, 9});
            amplitudes = NdArray.zeros(2, 2, nt);
            for (int i = 0; i < amplitudes.size(); i++) {
                amplitudes.data()[i] = random.nextGaussian();
            }
        }
        Survey survey = new Survey(dt, nt, List.of(new SourceGroup("", sources, amplitudes)),
                List.of(new ReceiverGroup("", receivers)));
        SimulationSetup setup = new SimulationSetup(new Model(spacing, Map.of("v", v)), survey, settings, CPU, precision);
        ScalarProblem problem = ScalarProblem.of(setup, v, List.<ScalarKernel>of(new CpuScalarKernel()), "scalar");
        return new Prepared(this, problem, precision);
    }

    private NdArray ricker(Locations sources) {
        double[] w = Wavelets.ricker(ricker[0], nt, dt, ricker[1]);
        NdArray a = NdArray.zeros(sources.shots(), sources.perShot(), nt);
        for (int i = 0; i < sources.shots() * sources.perShot(); i++) {
            System.arraycopy(w, 0, a.data(), i * nt, nt);
        }
        return a;
    }

    /** A case ready for the kernels: its problem, source terms and (after the CPU forward) the adjoint samples. */
    record Prepared(ScalarCase source, ScalarProblem problem, Precision precision) {
        SourceInjection injection() {
            return new SourceInjection(problem.grid(), problem.steps(), problem.sources(), problem.amplitudes());
        }

        /** Observed data where the case has it, else seeded noise: the loss's adjoint source at the survey's samples. */
        NdArray observed(NdArray data) throws Exception {
            Path file = source.isReference() ? source.folder().resolve("observed.npy") : null;
            if (file != null && Files.exists(file)) {
                return Npy.read(file);
            }
            Random random = new Random(11);
            NdArray o = NdArray.zeros(data.shape());
            for (int i = 0; i < o.size(); i++) {
                o.data()[i] = data.data()[i] + 1e-3 * random.nextGaussian();
            }
            return o;
        }
    }
}
