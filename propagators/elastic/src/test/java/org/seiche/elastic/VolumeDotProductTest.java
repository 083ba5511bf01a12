package org.seiche.elastic;

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
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;

/**
 * In 1-D and 3-D, the adjoint of source amplitudes -> receiver data is its transpose:
 * <A f, r> = <f, A^T r> in float64 to 1e-10, for every component (z, y, x, p), with PML,
 * zero-width (reflecting) sides, accuracies 2 and 4, several groups and sub-stepping.
 */
class VolumeDotProductTest {
    static Stream<Arguments> cases() {
        int[] line = {40};
        int[] box = {10, 11, 12};
        return Stream.of(
                Arguments.of("1-D x -> x, PML", line, List.of("x"), List.of("x"), new int[] {5}, 4, 0.0008),
                Arguments.of("1-D p -> x, zero-width start, accuracy 2", line, List.of("p"), List.of("x"),
                        new int[] {0, 5}, 2, 0.0008),
                Arguments.of("1-D x, p -> p, x, zero-width end, sub-stepped", line, List.of("x", "p"), List.of("p", "x"),
                        new int[] {4, 0}, 4, 0.003),
                Arguments.of("3-D z -> z, PML", box, List.of("z"), List.of("z"), new int[] {3}, 4, 0.0005),
                Arguments.of("3-D y -> x, zero-width top", box, List.of("y"), List.of("x"), new int[] {0, 3, 3, 3, 3, 3}, 4,
                        0.0005),
                Arguments.of("3-D x, p -> z, p, accuracy 2, zero-width sides", box, List.of("x", "p"), List.of("z", "p"),
                        new int[] {0, 0, 3, 0, 3, 3}, 2, 0.0005),
                Arguments.of("3-D z, y, x, p -> z, y, x, p, sub-stepped", box, List.of("z", "y", "x", "p"),
                        List.of("z", "y", "x", "p"), new int[] {0, 3, 2, 3, 3, 2}, 4, 0.0021));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void adjointIsTheTranspose(String name, int[] shape, List<String> sourceComponents, List<String> receiverComponents,
                               int[] widths, int accuracy, double dt) {
        int shots = 2;
        int steps = shape.length == 1 ? 120 : 50;
        List<Locations> sources = new ArrayList<>();
        for (int g = 0; g < sourceComponents.size(); g++) {
            // next to the start, near the end (shot 1 one cell on; never on the last cell, whose v is outside a zero-width side) and inside
            sources.add(VolumeCases.locations(shots, 1, cell(shape, g), cell(shape, shape[0] - 3 - g),
                    cell(shape, shape[0] / 2 + g)));
        }
        List<Locations> receivers = new ArrayList<>();
        for (int g = 0; g < receiverComponents.size(); g++) {
            receivers.add(VolumeCases.locations(shots, 0, cell(shape, 1 + g), cell(shape, shape[0] - 3),
                    cell(shape, shape[0] / 3 + g), unused(shape.length)));
        }
        Survey survey = Cases.survey(dt, steps, sourceComponents, sources, receiverComponents, receivers);
        Survey random = withRandomAmplitudes(survey, new Random(name.hashCode()));
        Map<String, NdArray> model = VolumeCases.velocityModel(shape, 7);
        try (Simulation sim = VolumeCases.prepare(model, 5.0, random, VolumeCases.fixedSettings(accuracy, widths),
                Precision.FLOAT64);
             ForwardRun run = sim.forward(Cases.allShots(sim), Set.of(Simulation.SOURCE_AMPLITUDES))) {
            Random r = new Random(3);
            List<NdArray> residual = new ArrayList<>();
            for (NdArray d : run.receiverData()) {
                residual.add(Cases.random(d.shape(), r));
            }
            Map<String, NdArray> g = run.adjoint(residual);
            double lhs = Cases.dot(run.receiverData(), residual);
            double rhs = 0;
            for (int k = 0; k < random.sources().size(); k++) {
                String key = k == 0 ? Simulation.SOURCE_AMPLITUDES : Simulation.SOURCE_AMPLITUDES + "_" + k;
                rhs += Cases.dot(random.sources().get(k).amplitudes().data(), g.get(key).data());
            }
            double mismatch = Math.abs(lhs - rhs) / Math.max(Math.abs(lhs), Math.abs(rhs));
            System.out.printf("dot product %-50s <Af,r> = %+.15e  <f,A'r> = %+.15e  rel %.1e%n", name, lhs, rhs, mismatch);
            assertTrue(Math.abs(lhs) > 0, "the receivers must see the sources");
            assertTrue(mismatch < 1e-10, name + ": relative mismatch " + mismatch);
        }
    }

    /** A cell whose first coordinate is {@code first}, the others spread over the model. */
    static int[] cell(int[] shape, int first) {
        int[] c = new int[shape.length];
        c[0] = first;
        for (int d = 1; d < shape.length; d++) {
            c[d] = (first * (d + 2)) % (shape[d] - 1);
        }
        return c;
    }

    private static int[] unused(int ndim) {
        int[] c = new int[ndim];
        java.util.Arrays.fill(c, -1);
        return c;
    }

    private static Survey withRandomAmplitudes(Survey survey, Random r) {
        List<SourceGroup> groups = new ArrayList<>();
        for (SourceGroup g : survey.sources()) {
            groups.add(new SourceGroup(g.component(), g.locations(), Cases.random(g.amplitudes().shape(), r)));
        }
        return new Survey(survey.dt(), survey.nt(), groups, survey.receivers());
    }
}
