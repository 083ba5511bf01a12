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
import org.seiche.api.PropagatorSettings;
import org.seiche.api.SourceGroup;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;

/**
 * The adjoint of the map source amplitudes -> receiver data is its exact transpose:
 * <A f, r> = <f, A^T r> in float64, to rounding, for every source and receiver component,
 * with PML, zero-width (reflecting) sides, a vacuum zone (the improved vacuum method's free
 * surface), every accuracy, several groups per survey and sub-stepping.
 */
class DotProductTest {
    private static final int NY = 22;
    private static final int NX = 26;

    static Stream<Arguments> cases() {
        int[] pml = {5};
        int[] zeroTop = {0, 5, 5, 5};
        int[] zeroAll = {0, 0, 0, 0};
        double dt = 0.0005;
        return Stream.of(
                Arguments.of("y -> y, PML", List.of("y"), List.of("y"), pml, 4, dt, 0),
                Arguments.of("x -> x, zero-width top", List.of("x"), List.of("x"), zeroTop, 4, dt, 0),
                Arguments.of("p -> p, zero-width sides", List.of("p"), List.of("p"), zeroAll, 4, dt, 0),
                Arguments.of("y -> p, accuracy 2", List.of("y"), List.of("p"), pml, 2, dt, 0),
                Arguments.of("x -> y, accuracy 6, zero-width top", List.of("x"), List.of("y"), zeroTop, 6, dt, 0),
                Arguments.of("p -> x, accuracy 8", List.of("p"), List.of("x"), pml, 8, dt, 0),
                Arguments.of("y, x, p -> y, x, p, zero-width top", List.of("y", "x", "p"), List.of("y", "x", "p"), zeroTop, 4, dt, 0),
                Arguments.of("y, x, p -> y, x, p, under vacuum rows", List.of("y", "x", "p"), List.of("y", "x", "p"), pml, 4, dt, 3),
                Arguments.of("sub-stepped y, p -> x, p", List.of("y", "p"), List.of("x", "p"), zeroTop, 4, 0.0021, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void adjointIsTheTranspose(String name, List<String> sourceComponents, List<String> receiverComponents, int[] widths,
                               int accuracy, double dt, int vacuumRows) {
        int top = vacuumRows;
        Random r = new Random(name.hashCode());
        int shots = 2;
        List<Locations> sources = new ArrayList<>();
        for (int g = 0; g < sourceComponents.size(); g++) {
            // near the top, near edges and inside, so that the boundaries and the PML take part
            sources.add(Cases.locations(shots, 3, new int[] {top + g, 4 + 2 * g}, new int[] {NY - 3, NX - 6 - g},
                    new int[] {NY / 2, NX / 2 + g}));
        }
        List<Locations> receivers = new ArrayList<>();
        for (int g = 0; g < receiverComponents.size(); g++) {
            receivers.add(Cases.locations(shots, 0, new int[] {top, 2 + g}, new int[] {top + 2 + g, NX - 2},
                    new int[] {NY - 2, 3}, new int[] {NY / 3, NX / 3 + g}, new int[] {-1, -1}));
        }
        Survey survey = Cases.survey(dt, 90, sourceComponents, sources, receiverComponents, receivers);
        PropagatorSettings settings = Cases.settings(accuracy, widths);
        try (Simulation sim = Cases.prepare(Cases.withVacuumRows(Cases.velocityModel(NY, NX, 7), vacuumRows), 5.0, withRandomAmplitudes(survey, r), settings,
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
            Survey s = withRandomAmplitudes(survey, new Random(name.hashCode()));
            for (int k = 0; k < s.sources().size(); k++) {
                String key = k == 0 ? Simulation.SOURCE_AMPLITUDES : Simulation.SOURCE_AMPLITUDES + "_" + k;
                rhs += Cases.dot(s.sources().get(k).amplitudes().data(), g.get(key).data());
            }
            double mismatch = Math.abs(lhs - rhs) / Math.max(Math.abs(lhs), Math.abs(rhs));
            System.out.printf("dot product %-40s <Af,r> = %+.15e  <f,A'r> = %+.15e  rel %.1e%n", name, lhs, rhs, mismatch);
            assertTrue(Math.abs(lhs) > 0, "the receivers must see the sources");
            assertTrue(mismatch < 1e-10, name + ": relative mismatch " + mismatch);
        }
    }

    /** Replaces every source group's amplitudes by random ones (the same for the same generator state). */
    private static Survey withRandomAmplitudes(Survey survey, Random r) {
        List<SourceGroup> groups = new ArrayList<>();
        for (SourceGroup g : survey.sources()) {
            groups.add(new SourceGroup(g.component(), g.locations(), Cases.random(g.amplitudes().shape(), r)));
        }
        return new Survey(survey.dt(), survey.nt(), groups, survey.receivers());
    }
}
