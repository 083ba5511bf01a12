package org.seiche.acoustic.cuda;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.seiche.acoustic.cpu.CpuAcousticKernel;
import org.seiche.acoustic.internal.AcousticPropagator;
import org.seiche.acoustic.spi.AcousticKernel;
import org.seiche.api.Device;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.device.cuda.CudaTesting;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.io.Npy;
import org.seiche.wave.Wavelets;

/**
 * An acoustic case run through the acoustic propagator on a device: one of the reference
 * cases (../shared/reference, copied into the test resources, their pipeline.yaml
 * transcribed) or a small synthetic one. What a run gives: the receiver data and, for
 * seeded adjoint sources (or the case's observed data, mse), the gradients asked for.
 */
record AcousticCase(String name, Map<String, NdArray> model, double spacing, Survey survey, PropagatorSettings settings,
                    Set<String> gradientWrt) {
    /** The CPU device the reference runs use (the built-in CPU kernel). */
    static final Device CPU = new CpuDevice(2);

    /** The cases of one dimension. */
    static Stream<AcousticCase> cases(int ndim) {
        return switch (ndim) {
            case 1 -> Stream.of(reference1d(), synthetic1d());
            case 2 -> Stream.of(reference2d(), freeSurface2d(), accuracy8Modulus2d(), accuracy6Velocity2d());
            default -> Stream.of(reference3d(), freeSurface3d(), accuracy2Buoyancy3d());
        };
    }

    /** acoustic_1d: float64 in its pipeline, accuracy 6, PML 20, 180 cells. */
    static AcousticCase reference1d() {
        return reference("acoustic_1d", 1, 5, 0.001, 300, new PropagatorSettings(6, new int[] {20}, 20.0, Double.NaN, 1,
                Map.of()));
    }

    /** acoustic_2d_small: float32, accuracy 4, PML 20, 50 x 60. */
    static AcousticCase reference2d() {
        return reference("acoustic_2d_small", 2, 4, 0.0006, 450, new PropagatorSettings(4, new int[] {20}, 25.0, Double.NaN,
                1, Map.of()));
    }

    /** acoustic_3d_small: float32, accuracy 4, PML 8, 30 x 32 x 36. */
    static AcousticCase reference3d() {
        return reference("acoustic_3d_small", 3, 5, 0.0006, 250, new PropagatorSettings(4, new int[] {8}, 25.0, Double.NaN,
                1, Map.of()));
    }

    private static AcousticCase reference(String name, int ndim, double spacing, double dt, int nt,
                                          PropagatorSettings settings) {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("v", read(name, "v.npy"));
        m.put("rho", read(name, "rho.npy"));
        Survey survey = new Survey(dt, nt,
                List.of(new SourceGroup("p", Npy.readLocations(file(name, "source_locations.npy"), ndim),
                        read(name, "source_amplitudes.npy"))),
                List.of(new ReceiverGroup("p", Npy.readLocations(file(name, "receiver_locations.npy"), ndim))));
        return new AcousticCase(name, m, spacing, survey, settings, Set.of("v", "rho"));
    }

    /** 1-D, accuracy 4, a free start, two shots with pressure and x sources and receivers, every second step stored. */
    static AcousticCase synthetic1d() {
        int[] shape = {40};
        return synthetic("synthetic_1d_accuracy4_free_start", shape, 4, 2, 0.001, new int[] {0, 6},
                List.of("p", "x"), List.of(new int[] {3}, new int[] {20}),
                List.of("x", "p"), List.of(new int[] {1}, new int[] {30}), Set.of("v", "rho", Simulation.SOURCE_AMPLITUDES));
    }

    /** 2-D, accuracy 2, a free top, uneven PML, two shots with p, y and x sources and receivers. */
    static AcousticCase freeSurface2d() {
        return synthetic("synthetic_2d_accuracy2_free_surface", new int[] {21, 27}, 2, 1, 0.0005, new int[] {0, 6, 5, 7},
                List.of("y", "x", "p"), List.of(new int[] {4, 3}, new int[] {17, 7}, new int[] {6, 23}),
                List.of("y", "x", "p"), List.of(new int[] {0, 1}, new int[] {18, 5}, new int[] {19, 24}),
                Set.of("v", "rho", Simulation.SOURCE_AMPLITUDES));
    }

    /**
     * 2-D, accuracy 8, every third step stored, a source step three times the stable one
     * (inner CFL steps), the bulk modulus and buoyancy gradients.
     */
    static AcousticCase accuracy8Modulus2d() {
        return synthetic("synthetic_2d_accuracy8_modulus", new int[] {19, 23}, 8, 3, 0.0015, new int[] {5, 5, 4, 6},
                List.of("p", "x"), List.of(new int[] {5, 5}, new int[] {12, 14}),
                List.of("p", "y"), List.of(new int[] {2, 20}, new int[] {16, 3}), Set.of("k", "buoyancy"));
    }

    /** 2-D, accuracy 6, reflecting bottom and right (width 0), the velocity gradient alone (K's). */
    static AcousticCase accuracy6Velocity2d() {
        return synthetic("synthetic_2d_accuracy6_reflecting", new int[] {20, 22}, 6, 2, 0.0005, new int[] {4, 0, 5, 0},
                List.of("p"), List.of(new int[] {6, 6}),
                List.of("p", "x"), List.of(new int[] {18, 18}, new int[] {3, 15}), Set.of("v", Simulation.SOURCE_AMPLITUDES));
    }

    /** 3-D, accuracy 6, a free top, uneven PML, two shots with p, z, y and x sources and receivers, every second step stored. */
    static AcousticCase freeSurface3d() {
        return synthetic("synthetic_3d_accuracy6_free_surface", new int[] {10, 11, 12}, 6, 2, 0.0005,
                new int[] {0, 4, 3, 4, 4, 3},
                List.of("p", "z", "y", "x"), List.of(new int[] {3, 4, 4}, new int[] {5, 6, 3}, new int[] {2, 3, 7},
                        new int[] {7, 5, 6}),
                List.of("z", "y", "x", "p"), List.of(new int[] {0, 2, 2}, new int[] {8, 8, 8}, new int[] {4, 9, 1},
                        new int[] {8, 1, 9}), Set.of("v", "rho", Simulation.SOURCE_AMPLITUDES));
    }

    /** 3-D, accuracy 2, PML all round, the buoyancy gradient alone. */
    static AcousticCase accuracy2Buoyancy3d() {
        return synthetic("synthetic_3d_accuracy2_buoyancy", new int[] {9, 10, 11}, 2, 1, 0.0005, new int[] {3, 3, 3, 3, 3, 3},
                List.of("p", "x"), List.of(new int[] {4, 4, 4}, new int[] {5, 3, 6}),
                List.of("p", "z"), List.of(new int[] {1, 8, 8}, new int[] {7, 2, 2}), Set.of("buoyancy"));
    }

    private static AcousticCase synthetic(String name, int[] shape, int accuracy, int interval, double dt, int[] widths,
                                          List<String> sourceComponents, List<int[]> sourceCells,
                                          List<String> receiverComponents, List<int[]> receiverCells, Set<String> wrt) {
        int nt = 60;
        List<SourceGroup> sg = new ArrayList<>();
        for (int g = 0; g < sourceCells.size(); g++) {
            double[] w = Wavelets.ricker(30, nt, dt, 0.04);
            NdArray a = NdArray.zeros(2, 1, nt);
            for (int s = 0; s < 2; s++) {
                for (int t = 0; t < nt; t++) {
                    a.data()[s * nt + t] = w[t] * (1 + 0.1 * (s + g));
                }
            }
            sg.add(new SourceGroup(sourceComponents.get(g), locations(sourceCells.get(g)), a));
        }
        List<ReceiverGroup> rg = new ArrayList<>();
        for (int g = 0; g < receiverCells.size(); g++) {
            rg.add(new ReceiverGroup(receiverComponents.get(g), locations(receiverCells.get(g))));
        }
        Map<String, NdArray> model = medium(shape, shape.length * 7L + accuracy);
        if (wrt.contains("k") || wrt.contains("buoyancy")) {
            model = modulus(model);
        }
        // a fixed max_vel, 2500 m/s
        return new AcousticCase(name, model, 5, new Survey(dt, nt, sg, rg),
                new PropagatorSettings(accuracy, widths, 25.0, 2500, interval, Map.of()), wrt);
    }

    /** Two shots at the given cell, the second one cell further along the first dimension. */
    private static Locations locations(int[] cell) {
        int ndim = cell.length;
        int[] c = new int[2 * ndim];
        for (int s = 0; s < 2; s++) {
            for (int d = 0; d < ndim; d++) {
                c[s * ndim + d] = cell[d] + (d == 0 ? s : 0);
            }
        }
        return new Locations(2, 1, ndim, c);
    }

    /** A smooth random medium around v 2000 m/s, with a density step from 1500 to 2100 kg/m^3 half way down. */
    private static Map<String, NdArray> medium(int[] shape, long seed) {
        Random r = new Random(seed);
        int n = (int) NdArray.size(shape);
        double[] v = new double[n];
        double[] rho = new double[n];
        for (int p = 0; p < n; p++) {
            int first = p / (n / shape[0]);
            v[p] = 2000 + 150 * Math.sin(0.3 * (p % 11) + 1) + 50 * r.nextDouble();
            rho[p] = (first < shape[0] / 2 ? 1500 : 2100) + 100 * r.nextDouble();
        }
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("v", new NdArray(shape.clone(), v));
        m.put("rho", new NdArray(shape.clone(), rho));
        return m;
    }

    /** The same medium as bulk modulus and buoyancy. */
    private static Map<String, NdArray> modulus(Map<String, NdArray> m) {
        double[] v = m.get("v").data();
        double[] rho = m.get("rho").data();
        double[] k = new double[v.length];
        double[] b = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            k[i] = rho[i] * v[i] * v[i];
            b[i] = 1 / rho[i];
        }
        Map<String, NdArray> out = new LinkedHashMap<>();
        out.put("k", new NdArray(m.get("v").shape(), k));
        out.put("buoyancy", new NdArray(m.get("v").shape(), b));
        return out;
    }

    @Override
    public String toString() {
        return name;
    }

    boolean isReference() {
        return name.startsWith("acoustic_");
    }

    int ndim() {
        return model.values().iterator().next().shape().length;
    }

    /**
     * The receiver data of a run, its gradients by name, the mse loss against observed
     * (references; else NaN), and the shot steps its step listener heard.
     */
    record Result(List<NdArray> data, Map<String, NdArray> gradients, double loss, long steps) {
    }

    /**
     * Runs the case on the device through the acoustic propagator, with the given kernel for
     * it (null: the CPU kernel, its portable loops), forward and adjoint.
     */
    Result run(Device device, AcousticKernel kernel, Precision precision) {
        AcousticPropagator propagator = new AcousticPropagator(kernel == null ? new CpuAcousticKernel() : kernel);
        double[] h = new double[ndim()];
        Arrays.fill(h, spacing);
        AtomicLong heard = new AtomicLong();
        SimulationSetup setup = new SimulationSetup(new Model(h, model), survey, settings, device, precision,
                heard::addAndGet);
        String vector = System.setProperty("seiche.vector", "false");
        try (Simulation sim = propagator.prepare(setup);
             ForwardRun run = sim.forward(shots(), gradientWrt)) {
            List<NdArray> data = run.receiverData();
            Map<String, NdArray> gradients = run.adjoint(adjointSources(data));
            return new Result(data, gradients, loss(data), heard.get());
        } finally {
            if (vector == null) {
                System.clearProperty("seiche.vector");
            } else {
                System.setProperty("seiche.vector", vector);
            }
        }
    }

    private int[] shots() {
        int[] s = new int[survey.shots()];
        Arrays.setAll(s, i -> i);
        return s;
    }

    /** d mse / d data against the observed data for a reference, seeded noise for the others. */
    List<NdArray> adjointSources(List<NdArray> data) {
        return CudaTesting.adjointSources(data, isReference() ? read(name, "observed.npy") : null);
    }

    /** The mse of a reference's data against its observed data. */
    private double loss(List<NdArray> data) {
        if (!isReference()) {
            return Double.NaN;
        }
        double[] d = data.get(0).data();
        double[] o = read(name, "observed.npy").data();
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            sum += (d[i] - o[i]) * (d[i] - o[i]);
        }
        return sum / d.length;
    }

    /** The loss Deepwave's reference run gave (its expected/summary.json). */
    double expectedLoss() throws IOException {
        Matcher m = Pattern.compile("\"loss\"\\s*:\\s*([-0-9.eE+]+)").matcher(Files.readString(file(name, "expected/summary.json")));
        if (!m.find()) {
            throw new IllegalStateException(name + ": no loss in expected/summary.json");
        }
        return Double.parseDouble(m.group(1));
    }

    static NdArray read(String name, String file) {
        return Npy.read(file(name, file));
    }

    static Path file(String name, String file) {
        try {
            return Path.of(AcousticCase.class.getResource("/reference/" + name + "/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
