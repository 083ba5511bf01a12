package org.seiche.elastic.cuda;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.seiche.api.Device;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Snapshots;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.device.cuda.CudaTesting;
import org.seiche.elastic.spi.ElasticKernel;
import org.seiche.elastic.cpu.CpuElasticKernel;
import org.seiche.elastic.internal.ElasticPropagator;
import org.seiche.io.Npy;
import org.seiche.wave.Wavelets;

/**
 * An elastic case run through the elastic propagator on a device: the reference case
 * elastic_small (../shared/reference, copied into the test resources, its pipeline.yaml
 * transcribed) or a small synthetic one. What a run gives: the receiver data and, for
 * seeded adjoint sources (or the case's observed data), the gradients of every parameter
 * and of the source amplitudes.
 */
record ElasticCase(String name, Map<String, NdArray> model, double spacing, Survey survey, PropagatorSettings settings) {
    static final String[] PARAMETERS = {"vp", "vs", "rho"};
    /** The CPU device the reference runs use (the built-in CPU kernel). */
    static final Device CPU = new CpuDevice(2);

    static Stream<ElasticCase> cases() {
        return Stream.of(reference(), accuracy2FreeSurface(), accuracy6VacuumRows(), accuracy8Reflecting());
    }

    /** elastic_small: a y force, v_y receivers, 50 x 60 cells and a PML of 20, accuracy 4. */
    static ElasticCase reference() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        for (String p : PARAMETERS) {
            m.put(p, read(p + ".npy"));
        }
        Survey survey = new Survey(0.0008, 400,
                List.of(new SourceGroup("y", Npy.readLocations(file("source_locations.npy"), 2), read("source_amplitudes.npy"))),
                List.of(new ReceiverGroup("y", Npy.readLocations(file("receiver_locations.npy"), 2))));
        return new ElasticCase("elastic_small", m, 4, survey, new PropagatorSettings(4, new int[] {20}, 20.0, Double.NaN, 1,
                Map.of()));
    }

    /** Accuracy 2, a zero-width top (free surface), uneven PML, two shots with every component. */
    static ElasticCase accuracy2FreeSurface() {
        return synthetic("synthetic_accuracy2_free_surface", 2, velocityModel(21, 27, 9), 1, 0, 6, 5, 7);
    }

    /** Accuracy 6, two vacuum rows on top (improved vacuum method), steps stored every third. */
    static ElasticCase accuracy6VacuumRows() {
        Map<String, NdArray> m = velocityModel(21, 27, 3);
        for (NdArray a : m.values()) {
            Arrays.fill(a.data(), 0, 2 * a.dim(1), 0);
        }
        return synthetic("synthetic_accuracy6_vacuum", 6, m, 3, 5);
    }

    /** Accuracy 8, zero-width bottom and right sides (reflecting). */
    static ElasticCase accuracy8Reflecting() {
        return synthetic("synthetic_accuracy8_reflecting", 8, velocityModel(21, 27, 5), 1, 6, 0, 5, 0);
    }

    private static ElasticCase synthetic(String name, int accuracy, Map<String, NdArray> model, int interval, int... widths) {
        int ny = model.get("vp").dim(0);
        int nx = model.get("vp").dim(1);
        int nt = 80;
        double dt = 0.0005;
        List<Locations> sources = List.of(locations(new int[] {4, 3}), locations(new int[] {ny - 3, 7}),
                locations(new int[] {6, nx - 3}));
        List<SourceGroup> sg = new ArrayList<>();
        String[] components = {"y", "x", "p"};
        for (int g = 0; g < 3; g++) {
            double[] w = Wavelets.ricker(30, nt, dt, 0.04);
            NdArray a = NdArray.zeros(2, 1, nt);
            for (int s = 0; s < 2; s++) {
                for (int t = 0; t < nt; t++) {
                    a.data()[s * nt + t] = w[t] * (1 + 0.1 * (s + g));
                }
            }
            sg.add(new SourceGroup(components[g], sources.get(g), a));
        }
        List<ReceiverGroup> rg = List.of(new ReceiverGroup("y", locations(new int[] {3, 1}, new int[] {5, nx - 2})),
                new ReceiverGroup("x", locations(new int[] {ny - 2, 5})), new ReceiverGroup("p", locations(new int[] {ny - 2, nx - 2})));
        return new ElasticCase(name, model, 5, new Survey(dt, nt, sg, rg),
                new PropagatorSettings(accuracy, widths, 25.0, Double.NaN, interval, Map.of()));
    }

    /** Two shots at the given {y, x} cells, the second one row lower. */
    private static Locations locations(int[]... cells) {
        int[] c = new int[2 * cells.length * 2];
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < cells.length; i++) {
                c[(s * cells.length + i) * 2] = cells[i][0] + s;
                c[(s * cells.length + i) * 2 + 1] = cells[i][1];
            }
        }
        return new Locations(2, cells.length, 2, c);
    }

    /** A smooth random solid around vp 2000, vs 1100, rho 2100. */
    private static Map<String, NdArray> velocityModel(int ny, int nx, long seed) {
        Random r = new Random(seed);
        double[][] v = new double[3][ny * nx];
        for (int i = 0; i < ny; i++) {
            for (int j = 0; j < nx; j++) {
                double wave = Math.sin(0.2 * i + 1) * Math.cos(0.15 * j);
                v[0][i * nx + j] = 2000 + 150 * wave + 40 * r.nextDouble();
                v[1][i * nx + j] = 1100 + 80 * wave + 20 * r.nextDouble();
                v[2][i * nx + j] = 2100 + 100 * r.nextDouble();
            }
        }
        Map<String, NdArray> m = new LinkedHashMap<>();
        for (int p = 0; p < 3; p++) {
            m.put(PARAMETERS[p], new NdArray(new int[] {ny, nx}, v[p]));
        }
        return m;
    }

    @Override
    public String toString() {
        return name;
    }

    boolean isReference() {
        return name.equals("elastic_small");
    }

    /** The receiver data of a run, then its gradients (parameters, source amplitudes) by name. */
    record Result(List<NdArray> data, Map<String, NdArray> gradients) {
    }

    /**
     * Runs the case on the device through the elastic propagator, with the given kernel for
     * it (null: the CPU kernel, its portable loops), forward and adjoint.
     */
    Result run(Device device, ElasticKernel kernel, Precision precision) {
        return run(device, kernel, precision, null);
    }

    /** As {@link #run(Device, ElasticKernel, Precision)}, taking the given snapshots (null: none). */
    Result run(Device device, ElasticKernel kernel, Precision precision, Snapshots snapshots) {
        ElasticPropagator propagator = new ElasticPropagator(kernel == null ? new CpuElasticKernel() : kernel);
        SimulationSetup setup = new SimulationSetup(new Model(new double[] {spacing, spacing}, model), survey, settings,
                device, precision).withSnapshots(snapshots);
        String vector = System.setProperty("seiche.vector", "false");
        try (Simulation sim = propagator.prepare(setup);
             ForwardRun run = sim.forward(shots(), gradientWrt())) {
            List<NdArray> data = run.receiverData();
            return new Result(data, run.adjoint(adjointSources(data)));
        } finally {
            if (vector == null) {
                System.clearProperty("seiche.vector");
            } else {
                System.setProperty("seiche.vector", vector);
            }
        }
    }

    /** The parameters, and the source amplitudes (as the reference case, elastic_small has them not). */
    Set<String> gradientWrt() {
        return isReference() ? Set.of(PARAMETERS) : Set.of("vp", "vs", "rho", Simulation.SOURCE_AMPLITUDES);
    }

    private int[] shots() {
        int[] s = new int[survey.shots()];
        Arrays.setAll(s, i -> i);
        return s;
    }

    /** d mse / d data against the observed data for the reference, seeded noise for the others. */
    List<NdArray> adjointSources(List<NdArray> data) {
        return CudaTesting.adjointSources(data, isReference() ? read("observed.npy") : null);
    }

    static NdArray read(String name) {
        return Npy.read(file(name));
    }

    static Path file(String name) {
        try {
            return Path.of(ElasticCase.class.getResource("/reference/elastic_small/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
