package org.seiche.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.Device;
import org.seiche.api.ForwardRun;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Survey;
import org.seiche.testing.TestDevice;

/**
 * The interior's SIMD loops (Vector API) agree with the portable loops (seiche.vector=false)
 * to rounding, for every accuracy, both precisions, 2-D and 3-D, in the data and the
 * gradients; and a run's results are the same to the bit on 1 and 2 threads.
 */
class SimdAgreementTest {
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int accuracy : new int[] {2, 4, 6, 8}) {
            for (Precision precision : Precision.values()) {
                out.add(Arguments.of(new int[] {30, 44}, accuracy, precision));
            }
        }
        out.add(Arguments.of(new int[] {18, 20, 26}, 4, Precision.FLOAT32));
        out.add(Arguments.of(new int[] {18, 20, 26}, 8, Precision.FLOAT64));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}-D shape, accuracy {1}, {2}")
    @MethodSource("cases")
    void simdAgreesWithPortableLoops(int[] shape, int accuracy, Precision precision) {
        double[] portable = run(shape, accuracy, precision, new TestDevice(2), "seiche.vector", false);
        double[] simd = run(shape, accuracy, precision, new TestDevice(2), "seiche.vector", true);
        double[] oneThread = run(shape, accuracy, precision, new TestDevice(1), "seiche.vector", true);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < simd.length; i++) {
            diff = Math.max(diff, Math.abs(simd[i] - portable[i]));
            norm = Math.max(norm, Math.abs(portable[i]));
        }
        double bound = precision == Precision.FLOAT64 ? 1e-12 : 1e-4;
        assertTrue(norm > 0, "the receivers must see the source");
        assertTrue(diff <= bound * norm, "SIMD and portable loops differ by " + diff / norm + " of the largest value");
        assertArrayEquals(simd, oneThread, "1 and 2 threads must give the same bits");
    }

    /**
     * In 3-D the runs the fused loops leave (lines with PML along z or y, the x strips) take
     * single-axis SIMD loops that give the portable loops' bits (seiche.vector.pml=false),
     * at every accuracy, in both precisions.
     */
    @ParameterizedTest(name = "accuracy {0}, {1}")
    @CsvSource({"2, FLOAT64", "4, FLOAT32", "4, FLOAT64", "6, FLOAT32", "8, FLOAT64"})
    void theSingleAxisRunsGiveThePortableLoopsBits(int accuracy, Precision precision) {
        int[] shape = {14, 15, 17};
        assertArrayEquals(run(shape, accuracy, precision, new TestDevice(2), "seiche.vector.pml", false),
                run(shape, accuracy, precision, new TestDevice(2), "seiche.vector.pml", true));
    }

    /** Receiver data, then the v and rho gradients, of one shot, concatenated, with a system property set so. */
    private static double[] run(int[] shape, int accuracy, Precision precision, Device device, String property,
                                boolean value) {
        String before = System.getProperty(property);
        System.setProperty(property, Boolean.toString(value));
        try {
            Random r = new Random(11);
            int[] source = new int[shape.length];
            int[] receiver = new int[shape.length];
            for (int d = 0; d < shape.length; d++) {
                source[d] = shape[d] / 2;
                receiver[d] = shape[d] / 3;
            }
            Survey survey = Cases.survey(0.0005, 60, List.of("p"), List.of(Cases.locations(1, source)), List.of("p"),
                    List.of(Cases.locations(1, receiver)), r);
            double[] h = new double[shape.length];
            java.util.Arrays.fill(h, 5.0);
            try (Simulation sim = Cases.PROPAGATOR.prepare(new SimulationSetup(new Model(h, Cases.velocityModel(shape, 3)),
                    survey, Cases.settings(accuracy, 6), device, precision));
                 ForwardRun run = sim.forward(new int[] {0}, Set.of("v", "rho"))) {
                List<NdArray> data = run.receiverData();
                Map<String, NdArray> g = run.adjoint(data);
                double[] d = data.get(0).data();
                double[] gv = g.get("v").data();
                double[] grho = g.get("rho").data();
                double[] out = new double[d.length + gv.length + grho.length];
                System.arraycopy(d, 0, out, 0, d.length);
                System.arraycopy(gv, 0, out, d.length, gv.length);
                System.arraycopy(grho, 0, out, d.length + gv.length, grho.length);
                return out;
            }
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
