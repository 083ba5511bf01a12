package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Snapshots;
import org.seiche.api.Survey;
import org.seiche.elastic.cpu.CpuElasticKernel;
import org.seiche.elastic.internal.ElasticPropagator;

/**
 * Elastic snapshots: frame k of vy and vx is what a y or x receiver in every cell records
 * as sample k; gradients are bit-equal with adjoint snapshots of every field.
 */
class ElasticSnapshotsTest {
    private static final int ROWS = 12;
    private static final int COLUMNS = 16;
    private static final int NT = 30;

    private static SimulationSetup setup(List<String> receiverComponents, List<Locations> receivers) {
        Survey survey = Cases.survey(0.0005, NT, List.of("y"), List.of(Cases.locations(2, 3, new int[] {3, 6})),
                receiverComponents, receivers);
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {6}, 25, Double.NaN, 1, Map.of());
        return new SimulationSetup(new Model(new double[] {5, 5}, Cases.velocityModel(ROWS, COLUMNS, 3)), survey, settings,
                Cases.DEVICE, Precision.FLOAT64);
    }

    private static Locations everyCell() {
        int[][] cells = new int[ROWS * COLUMNS][];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = new int[] {c / COLUMNS, c % COLUMNS};
        }
        return Cases.locations(2, 0, cells);
    }

    @Test
    void velocityFramesAreWhatReceiversInEveryCellRecord() {
        Map<String, NdArray> frames = new ConcurrentHashMap<>();
        Snapshots request = new Snapshots(7, Set.of("vy", "vx"), new int[] {1}, false,
                (shot, step, field, adjoint, values) -> frames.put(shot + field + step, values));
        SimulationSetup setup = setup(List.of("y", "x"), List.of(everyCell(), everyCell())).withSnapshots(request);
        try (Simulation sim = new ElasticPropagator(new CpuElasticKernel()).prepare(setup);
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
            assertEquals(1, sim.stepRatio(), "dt needs no sub-stepping here");
            assertEquals(2 * (NT / 7), frames.size(), frames.keySet().toString());
            int n = ROWS * COLUMNS;
            for (int g = 0; g < 2; g++) {
                NdArray data = run.receiverData().get(g);
                String field = g == 0 ? "vy" : "vx";
                for (int step = 7; step < NT; step += 7) {
                    double[] expected = new double[n];
                    for (int c = 0; c < n; c++) {
                        expected[c] = data.data()[(n + c) * NT + step];
                    }
                    NdArray frame = frames.get("1" + field + step);
                    assertArrayEquals(new int[] {ROWS, COLUMNS}, frame.shape());
                    double scale = java.util.Arrays.stream(expected).map(Math::abs).max().orElseThrow();
                    assertTrue(scale > 0, field + " has arrived by step " + step);
                    assertArrayEquals(expected, frame.data(), 1e-12 * scale, field + " at step " + step);
                }
            }
        }
    }

    @Test
    void gradientsAreBitEqualWithAdjointSnapshotsOfEveryField() {
        List<Locations> receivers = List.of(Cases.locations(2, 3, new int[] {2, 10}, new int[] {8, 4}));
        Map<String, NdArray> plain = gradient(setup(List.of("y"), receivers));
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        Set<String> all = Set.of("vy", "vx", "sigmayy", "sigmaxy", "sigmaxx");
        Snapshots request = new Snapshots(10, all, new int[0], true,
                (shot, step, field, adjoint, values) -> heard.add(shot + field + (adjoint ? "a" : "f") + step));
        Map<String, NdArray> snapped = gradient(setup(List.of("y"), receivers).withSnapshots(request));
        for (String name : plain.keySet()) {
            assertArrayEquals(plain.get(name).data(), snapped.get(name).data(), name);
        }
        // 3 frames (steps 10, 20, 30) of 5 fields, forward and adjoint, of 2 shots
        assertEquals(3 * 5 * 2 * 2, heard.size(), heard.toString());
        assertEquals(List.of("0sigmaxya30", "0sigmaxya20", "0sigmaxya10"),
                heard.stream().filter(h -> h.startsWith("0sigmaxya")).toList());
        SeicheException unknown = assertThrows(SeicheException.class, () -> new ElasticPropagator(new CpuElasticKernel()).prepare(
                setup(List.of("y"), receivers).withSnapshots(new Snapshots(5, Set.of("wavefield"), new int[0], false,
                        (a, b, c, d, e) -> { }))));
        assertEquals("snapshots.fields: 'wavefield' is not a field of propagator elastic (it has sigmaxx, sigmaxy, sigmayy, "
                + "vx, vy)", unknown.getMessage());
    }

    private static Map<String, NdArray> gradient(SimulationSetup setup) {
        try (Simulation sim = new ElasticPropagator(new CpuElasticKernel()).prepare(setup);
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("vp", "vs"))) {
            return run.adjoint(new ArrayList<>(run.receiverData()));
        }
    }
}
