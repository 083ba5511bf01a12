package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.testing.TestDevice;

/**
 * A large grid's shot is stepped in bands of rows across the threads, their borders moved
 * while it runs to balance the threads' times. Every cell gets the same arithmetic wherever
 * the borders are: data and gradients on 2 or 3 threads are those of 1 thread, to the bit.
 */
class BandsTest {
    @ParameterizedTest(name = "{0}, accuracy {1}, {2} shots on {3} threads")
    @CsvSource({"float64, 4, 1, 2", "float64, 8, 1, 3", "float32, 2, 3, 2"})
    void bandsGiveTheBitsOfOneThread(String precision, int accuracy, int shots, int threads) {
        Map<String, NdArray> one = run(precision, accuracy, shots, 1);
        Map<String, NdArray> many = run(precision, accuracy, shots, threads);
        for (String name : one.keySet()) {
            assertArrayEquals(one.get(name).data(), many.get(name).data(), name + " on " + threads + " threads");
        }
    }

    private static Map<String, NdArray> run(String precision, int accuracy, int shots, int threads) {
        Random random = new Random(5);
        int ny = 250;
        int nx = 270;
        NdArray v = NdArray.zeros(ny, nx);
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = 1800 + 300 * random.nextDouble();
        }
        int nt = 60;
        int[] src = new int[shots * 2 * 2];
        int[] rec = new int[shots * 20 * 2];
        for (int s = 0; s < shots; s++) {
            src[s * 4] = 1;
            src[s * 4 + 1] = 30 + 50 * s;
            src[s * 4 + 2] = ny / 2;
            src[s * 4 + 3] = 100;
            for (int r = 0; r < 20; r++) {
                rec[(s * 20 + r) * 2] = (r * 13) % ny;
                rec[(s * 20 + r) * 2 + 1] = (r * 37 + s) % nx;
            }
        }
        SimulationSetup base = Setups.setup(v, new double[] {5, 5},
                Setups.settings(accuracy, new int[] {0, 9, 11, 7}, 20, Double.NaN), 0.0008,
                Setups.random(random, 1, shots, 2, nt), Setups.locations(shots, 2, src), Setups.locations(shots, 20, rec),
                Precision.parse(precision));
        SimulationSetup setup = new SimulationSetup(base.model(), base.survey(), base.settings(), new TestDevice(threads),
                base.precision());
        int[] all = java.util.stream.IntStream.range(0, shots).toArray();
        try (Simulation sim = Setups.PROPAGATOR.prepare(setup);
             ForwardRun run = sim.forward(all, Set.of(ScalarPropagator.VELOCITY, Simulation.SOURCE_AMPLITUDES))) {
            NdArray data = run.receiverData().get(0);
            Map<String, NdArray> out = new HashMap<>(run.adjoint(List.of(data)));
            out.put("data", data);
            return out;
        }
    }
}
