package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Snapshots;
import org.seiche.scalar.spi.SnapshotTap;
import org.seiche.wave.Wavelets;

/**
 * Snapshots of the scalar wavefield: frame k of a shot is the field on the model's cells
 * after step k, i.e. what a receiver at every cell records as sample k, and taking them
 * changes no result.
 */
class SnapshotsTest {
    private static final int ROWS = 18;
    private static final int COLUMNS = 25;
    private static final int NT = 30;
    private static final int EVERY = 7;

    /** Three shots on a layered model, dt stable (no sub-stepping), receivers as given. */
    private static SimulationSetup setup(Precision precision, Locations receivers) {
        NdArray v = NdArray.zeros(ROWS, COLUMNS);
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = i / COLUMNS < ROWS / 2 ? 1800 : 2300;
        }
        NdArray amplitudes = NdArray.zeros(3, 1, NT);
        double[] w = Wavelets.ricker(60, NT, 0.0008, 0.012);
        for (int s = 0; s < 3; s++) {
            System.arraycopy(w, 0, amplitudes.data(), s * NT, NT);
        }
        return Setups.setup(v, new double[] {5, 5}, Setups.settings(4, new int[] {6}, 25, Double.NaN), 0.0008, amplitudes,
                Setups.locations(3, 1, 2, 3, 9, 12, 4, 20), receivers, precision);
    }

    /** A receiver in every cell of the model, in row-major order, for each of three shots. */
    private static Locations everyCell() {
        int n = ROWS * COLUMNS;
        int[] cells = new int[3 * n * 2];
        for (int s = 0; s < 3; s++) {
            for (int c = 0; c < n; c++) {
                cells[(s * n + c) * 2] = c / COLUMNS;
                cells[(s * n + c) * 2 + 1] = c % COLUMNS;
            }
        }
        return new Locations(3, n, 2, cells);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aFrameIsTheFieldAReceiverInEveryCellRecordsAtItsStep(Precision precision) {
        SimulationSetup base = setup(precision, everyCell());
        Map<String, NdArray> frames = new ConcurrentHashMap<>();
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        Snapshots request = new Snapshots(EVERY, Set.of(SnapshotTap.WAVEFIELD), new int[] {0, 2}, false,
                (shot, step, field, adjoint, values) -> {
                    frames.put(shot + "/" + step, values);
                    order.add(shot + "/" + step);
                });
        try (Simulation sim = Setups.PROPAGATOR.prepare(base.withSnapshots(request));
             ForwardRun run = sim.forward(new int[] {2, 1, 0}, Set.of())) {
            assertEquals(1, sim.stepRatio(), "dt needs no sub-stepping here");
            NdArray data = run.receiverData().get(0);
            int n = ROWS * COLUMNS;
            // frames after steps 7, 14, 21, 28 of shots 0 and 2 (batch positions 2 and 0); none of shot 1
            assertEquals(2 * (NT / EVERY), frames.size(), "frames heard: " + frames.keySet());
            for (int position : new int[] {0, 2}) {
                int shot = new int[] {2, 1, 0}[position];
                for (int step = EVERY; step < NT; step += EVERY) {
                    NdArray frame = frames.get(shot + "/" + step);
                    assertArrayEquals(new int[] {ROWS, COLUMNS}, frame.shape());
                    double[] expected = new double[n];
                    for (int c = 0; c < n; c++) {
                        expected[c] = data.data()[(position * n + c) * NT + step];
                    }
                    assertArrayEquals(expected, frame.data(), "shot " + shot + " step " + step);
                }
            }
            double peak = 0;
            for (double x : frames.get("0/" + EVERY * 3).data()) {
                peak = Math.max(peak, Math.abs(x));
            }
            assertTrue(peak > 0, "the wave has arrived by step 21");
        }
        // each shot's frames come in increasing steps (shots may interleave)
        assertEquals(List.of("2/7", "2/14", "2/21", "2/28"), order.stream().filter(o -> o.startsWith("2/")).toList());
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void gradientsAreBitEqualWithAndWithoutSnapshotsAndTheAdjointFramesComeBackwards(Precision precision) {
        Locations receivers = Setups.locations(3, 2, 1, 1, 1, 23, 1, 2, 16, 22, 1, 5, 1, 20);
        SimulationSetup base = setup(precision, receivers);
        NdArray observed = Setups.random(new Random(3), 1e-3, 3, 2, NT);
        Map<String, NdArray> plain = gradient(base, observed);
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        Snapshots request = new Snapshots(4, Set.of(SnapshotTap.WAVEFIELD), new int[0], true,
                (shot, step, field, adjoint, values) -> heard.add(shot + (adjoint ? "a" : "f") + step));
        Map<String, NdArray> snapped = gradient(base.withSnapshots(request), observed);
        for (String name : List.of("v", Simulation.SOURCE_AMPLITUDES)) {
            assertArrayEquals(plain.get(name).data(), snapped.get(name).data(), name + " gradient changed by snapshots");
        }
        // 7 forward and 7 adjoint frames (steps 4 .. 28) per shot; the adjoint ones from the last step back
        assertEquals(3 * 2 * (NT / 4), heard.size(), heard.toString());
        assertEquals(List.of("1f4", "1f8", "1f12", "1f16", "1f20", "1f24", "1f28"),
                heard.stream().filter(h -> h.startsWith("1f")).toList());
        List<String> adjointOfShot1 = heard.stream().filter(h -> h.startsWith("1a")).toList();
        assertEquals(List.of("1a28", "1a24", "1a20", "1a16", "1a12", "1a8", "1a4"), adjointOfShot1);
    }

    private static Map<String, NdArray> gradient(SimulationSetup setup, NdArray observed) {
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup);
             ForwardRun run = sim.forward(new int[] {0, 1, 2}, Set.of("v", Simulation.SOURCE_AMPLITUDES))) {
            return run.adjoint(List.of(Setups.mseAdjoint(run.receiverData().get(0), observed)));
        }
    }

    @Test
    void badRequestsAreRefusedBeforeAnyStep() {
        SimulationSetup base = setup(Precision.FLOAT64, Setups.locations(3, 1, 1, 1, 1, 2, 1, 3));
        SeicheException field = assertThrows(SeicheException.class, () -> Setups.PROPAGATOR.prepare(base.withSnapshots(
                new Snapshots(5, Set.of("vx"), new int[0], false, (a, b, c, d, e) -> { }))));
        assertEquals("snapshots.fields: 'vx' is not a field of propagator scalar (it has wavefield)", field.getMessage());
        SeicheException shot = assertThrows(SeicheException.class, () -> Setups.PROPAGATOR.prepare(base.withSnapshots(
                new Snapshots(5, Set.of(SnapshotTap.WAVEFIELD), new int[] {3}, false, (a, b, c, d, e) -> { }))));
        assertEquals("snapshots.shots: shot 3 is out of range (the survey has 3 shots, 0 .. 2)", shot.getMessage());
        SeicheException every = assertThrows(SeicheException.class,
                () -> new Snapshots(0, Set.of(SnapshotTap.WAVEFIELD), new int[0], false, (a, b, c, d, e) -> { }));
        assertEquals("snapshots.every: must be at least 1, got 0", every.getMessage());
    }
}
