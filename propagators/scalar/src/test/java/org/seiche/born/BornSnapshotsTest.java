package org.seiche.born;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Snapshots;
import org.seiche.scalar.Setups;
import org.seiche.scalar.internal.BornPropagator;
import org.seiche.wave.Wavelets;

/**
 * Born snapshots: frame k of {@code wavefield} is the background and of {@code scattered} the
 * Born field after step k, as a receiver in every cell records them (background data and
 * receiver data); gradients are bit-equal with adjoint snapshots.
 */
class BornSnapshotsTest {
    private static final int ROWS = 14;
    private static final int COLUMNS = 20;
    private static final int NT = 36;

    private static SimulationSetup setup(Locations receivers) {
        NdArray v = NdArray.filled(2000, ROWS, COLUMNS);
        NdArray scatter = Setups.random(new Random(5), 50, ROWS, COLUMNS);
        NdArray amplitudes = NdArray.zeros(2, 1, NT);
        double[] w = Wavelets.ricker(60, NT, 0.0008, 0.012);
        for (int s = 0; s < 2; s++) {
            System.arraycopy(w, 0, amplitudes.data(), s * NT, NT);
        }
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {6}, 25, Double.NaN, 1,
                Map.of(BornPropagator.BACKGROUND_DATA, "true"));
        return Setups.setup(Map.of("v", v, "scatter", scatter), new double[] {5, 5}, settings, 0.0008, amplitudes,
                new Locations(2, 1, 2, new int[] {2, 4, 3, 15}), receivers, Precision.FLOAT64);
    }

    @Test
    void framesAreTheBackgroundAndScatteredFieldsAReceiverInEveryCellRecords() {
        int n = ROWS * COLUMNS;
        int[] cells = new int[2 * n * 2];
        for (int s = 0; s < 2; s++) {
            for (int c = 0; c < n; c++) {
                cells[(s * n + c) * 2] = c / COLUMNS;
                cells[(s * n + c) * 2 + 1] = c % COLUMNS;
            }
        }
        Map<String, NdArray> frames = new ConcurrentHashMap<>();
        Snapshots request = new Snapshots(8, Set.of("wavefield", "scattered"), new int[] {1}, false,
                (shot, step, field, adjoint, values) -> frames.put(shot + field + step, values));
        try (Simulation sim = BornSetups.BORN.prepare(setup(new Locations(2, n, 2, cells)).withSnapshots(request));
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of())) {
            assertEquals(1, sim.stepRatio());
            NdArray scattered = run.receiverData().get(0);
            NdArray background = run.extraData().get("receiver_data_background");
            assertEquals(2 * (NT / 8), frames.size(), frames.keySet().toString());
            for (int step = 8; step < NT; step += 8) {
                double[] u = new double[n];
                double[] u1 = new double[n];
                for (int c = 0; c < n; c++) {
                    u[c] = background.data()[(n + c) * NT + step];
                    u1[c] = scattered.data()[(n + c) * NT + step];
                }
                assertArrayEquals(u, frames.get("1wavefield" + step).data(), "background at step " + step);
                assertArrayEquals(u1, frames.get("1scattered" + step).data(), "scattered at step " + step);
            }
            assertTrue(Math.abs(frames.get("1scattered32").data()[5 * COLUMNS + 15]) > 0, "the scattered field is there");
        }
    }

    @Test
    void gradientsAreBitEqualWithAdjointSnapshots() {
        Locations receivers = new Locations(2, 2, 2, new int[] {1, 2, 1, 18, 1, 5, 1, 12});
        NdArray observed = Setups.random(new Random(9), 1e-4, 2, 2, NT);
        Map<String, NdArray> plain = gradient(setup(receivers), observed);
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        Snapshots request = new Snapshots(9, Set.of("wavefield", "scattered"), new int[0], true,
                (shot, step, field, adjoint, values) -> heard.add(shot + field + (adjoint ? "a" : "f") + step));
        Map<String, NdArray> snapped = gradient(setup(receivers).withSnapshots(request), observed);
        for (String name : List.of("v", "scatter")) {
            assertArrayEquals(plain.get(name).data(), snapped.get(name).data(), name);
        }
        // 4 frames (steps 9 .. 36) of 2 fields, forward and adjoint, of 2 shots
        assertEquals(2 * 2 * 2 * 4, heard.size(), heard.toString());
        assertEquals(List.of("0scattereda36", "0scattereda27", "0scattereda18", "0scattereda9"),
                heard.stream().filter(h -> h.startsWith("0scattereda")).toList());
    }

    private static Map<String, NdArray> gradient(SimulationSetup setup, NdArray observed) {
        try (Simulation sim = BornSetups.BORN.prepare(setup);
             ForwardRun run = sim.forward(new int[] {0, 1}, Set.of("v", "scatter"))) {
            NdArray d = run.receiverData().get(0);
            double[] residual = new double[d.size()];
            for (int i = 0; i < residual.length; i++) {
                residual[i] = d.data()[i] - observed.data()[i];
            }
            return run.adjoint(List.of(new NdArray(d.shape(), residual)));
        }
    }
}
