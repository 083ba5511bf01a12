package org.seiche.acoustic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;

/**
 * The adjoint of the map source amplitudes -> receiver data is its exact transpose:
 * <A f, r> = <f, A^T r> in float64, to rounding, in 1, 2 and 3 dimensions, for pressure and
 * velocity sources and receivers, with PML, free surfaces (width 0), every accuracy,
 * several groups per survey and sub-stepping.
 */
class DotProductTest {
    static Stream<Arguments> cases() {
        double dt = 0.0005;
        return Stream.of(
                Arguments.of("1-D p -> p", new int[] {60}, List.of("p"), List.of("p"), new int[] {6}, 4, dt),
                Arguments.of("1-D x -> p, x, accuracy 6, free start", new int[] {60}, List.of("x"), List.of("p", "x"),
                        new int[] {0, 6}, 6, dt),
                Arguments.of("2-D p -> p", new int[] {20, 24}, List.of("p"), List.of("p"), new int[] {5}, 4, dt),
                Arguments.of("2-D y -> x, accuracy 2", new int[] {20, 24}, List.of("y"), List.of("x"), new int[] {5}, 2, dt),
                Arguments.of("2-D x, p -> y, p, free top, accuracy 8", new int[] {20, 24}, List.of("x", "p"), List.of("y", "p"),
                        new int[] {0, 5, 5, 5}, 8, dt),
                Arguments.of("2-D p -> p, every side free", new int[] {20, 24}, List.of("p"), List.of("p"),
                        new int[] {0, 0, 0, 0}, 4, dt),
                Arguments.of("2-D sub-stepped y, p -> x, p", new int[] {20, 24}, List.of("y", "p"), List.of("x", "p"),
                        new int[] {0, 5, 5, 5}, 4, 0.0021),
                Arguments.of("3-D p, z -> p, y, x", new int[] {12, 13, 14}, List.of("p", "z"), List.of("p", "y", "x"),
                        new int[] {4}, 4, dt),
                Arguments.of("3-D p -> z, free top, accuracy 6", new int[] {12, 13, 14}, List.of("p"), List.of("z"),
                        new int[] {0, 4, 4, 4, 4, 4}, 6, dt));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void adjointIsTheTranspose(String name, int[] shape, List<String> sourceComponents, List<String> receiverComponents,
                               int[] widths, int accuracy, double dt) {
        Random r = new Random(name.hashCode());
        int shots = 2;
        List<Locations> sources = new ArrayList<>();
        for (int g = 0; g < sourceComponents.size(); g++) {
            // at the first cell, near the end and inside, so that the boundaries and the PML take part
            sources.add(Cases.locations(shots, cell(shape, 0, g), cell(shape, -3, g), cell(shape, shape[0] / 2, g + 1)));
        }
        List<Locations> receivers = new ArrayList<>();
        for (int g = 0; g < receiverComponents.size(); g++) {
            receivers.add(Cases.locations(shots, cell(shape, 1, 2 * g), cell(shape, -2, g), cell(shape, shape[0] / 3, g),
                    unused(shape.length)));
        }
        Survey survey = Cases.survey(dt, 80, sourceComponents, sources, receiverComponents, receivers, r);
        try (Simulation sim = Cases.prepare(Cases.velocityModel(shape, 7), 5.0, survey, Cases.settings(accuracy, widths),
                Precision.FLOAT64);
             ForwardRun run = sim.forward(Cases.allShots(sim), Set.of(Simulation.SOURCE_AMPLITUDES))) {
            if (dt > 0.001) {
                assertTrue(sim.stepRatio() > 1, "the case must sub-step");
            }
            List<NdArray> residual = new ArrayList<>();
            for (NdArray d : run.receiverData()) {
                residual.add(Cases.random(d.shape(), r));
            }
            Map<String, NdArray> g = run.adjoint(residual);
            double lhs = Cases.dot(run.receiverData(), residual);
            double rhs = 0;
            for (int k = 0; k < survey.sources().size(); k++) {
                String key = k == 0 ? Simulation.SOURCE_AMPLITUDES : Simulation.SOURCE_AMPLITUDES + "_" + k;
                rhs += Cases.dot(survey.sources().get(k).amplitudes().data(), g.get(key).data());
            }
            double mismatch = Math.abs(lhs - rhs) / Math.max(Math.abs(lhs), Math.abs(rhs));
            System.out.printf("dot product %-40s <Af,r> = %+.15e  <f,A'r> = %+.15e  rel %.1e%n", name, lhs, rhs, mismatch);
            assertTrue(Math.abs(lhs) > 0, "the receivers must see the sources");
            assertTrue(mismatch < 1e-10, name + ": relative mismatch " + mismatch);
        }
    }

    /** A cell at depth index `first` (negative: from the end), the other coordinates spread by k. */
    static int[] cell(int[] shape, int first, int k) {
        int[] c = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            c[d] = 2 + (3 * k + 2 * d) % (shape[d] - 6);
        }
        c[0] = first < 0 ? shape[0] + first : first;
        return c;
    }

    static int[] unused(int ndim) {
        int[] c = new int[ndim];
        java.util.Arrays.fill(c, -1);
        return c;
    }
}
