package org.seiche.acoustic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Simulation;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;

/**
 * The gradients of J = <F(m, f), r> with respect to each parameter (v, rho; k, buoyancy)
 * and to the source amplitudes agree with central finite differences along a random
 * direction, in float64, in 1, 2 and 3 dimensions, with pressure and velocity sources and
 * receivers, PML and a free surface: the adjoint, the source scaling's share, the averaging
 * of the density onto the velocity points and the extension into the PML are all exact.
 */
class FiniteDifferenceTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("1-D v, rho; p -> p, accuracy 6", new int[] {50}, "v", "p", "p", new int[] {6}, 6),
                Arguments.of("1-D v, rho; x -> x", new int[] {50}, "v", "x", "x", new int[] {0, 6}, 4),
                Arguments.of("2-D v, rho; p -> p", new int[] {18, 22}, "v", "p", "p", new int[] {5}, 4),
                Arguments.of("2-D v, rho; y -> x, free top", new int[] {18, 22}, "v", "y", "x", new int[] {0, 5, 5, 5}, 4),
                Arguments.of("2-D k, buoyancy; x -> p, accuracy 8", new int[] {18, 22}, "k", "x", "p", new int[] {5}, 8),
                Arguments.of("3-D v, rho; p -> p", new int[] {10, 11, 12}, "v", "p", "p", new int[] {4}, 4),
                Arguments.of("3-D k, buoyancy; z -> y, free top", new int[] {10, 11, 12}, "k", "z", "y",
                        new int[] {0, 4, 4, 4, 4, 4}, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(String name, int[] shape, String set, String source, String receiver, int[] widths,
                                         int accuracy) {
        Random r = new Random(name.hashCode());
        Map<String, NdArray> velocity = Cases.velocityModel(shape, 3);
        Map<String, NdArray> model = set.equals("v") ? velocity : Cases.modulusModel(velocity);
        Survey survey = Cases.survey(0.0005, 70, List.of(source),
                List.of(Cases.locations(2, DotProductTest.cell(shape, 1, 0), DotProductTest.cell(shape, shape[0] / 2, 1))),
                List.of(receiver), List.of(Cases.locations(2, DotProductTest.cell(shape, 2, 2),
                        DotProductTest.cell(shape, -2, 1), DotProductTest.cell(shape, shape[0] / 2 + 1, 0))), r);
        List<NdArray> residual;
        Map<String, NdArray> gradients;
        Set<String> wrt = new java.util.LinkedHashSet<>(model.keySet());
        wrt.add(Simulation.SOURCE_AMPLITUDES);
        try (Simulation sim = Cases.prepare(model, 5.0, survey, Cases.settings(accuracy, widths), Precision.FLOAT64);
             ForwardRun run = sim.forward(Cases.allShots(sim), wrt)) {
            residual = List.of(Cases.random(run.receiverData().get(0).shape(), r));
            gradients = run.adjoint(residual);
        }
        for (String p : model.keySet()) {
            double[] m = model.get(p).data();
            double[] dm = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                dm[i] = m[i] * 1e-3 * r.nextGaussian();
            }
            double h = 1e-3;
            double plus = objective(with(model, p, m, dm, h), survey, accuracy, widths, residual);
            double minus = objective(with(model, p, m, dm, -h), survey, accuracy, widths, residual);
            check(name + " " + p, (plus - minus) / (2 * h), Cases.dot(gradients.get(p).data(), dm));
        }
        SourceGroup g = survey.sources().get(0);
        NdArray df = Cases.random(g.amplitudes().shape(), r);
        double h = 1e-2;
        double plus = objective(model, withAmplitudes(survey, g, df, h), accuracy, widths, residual);
        double minus = objective(model, withAmplitudes(survey, g, df, -h), accuracy, widths, residual);
        check(name + " source amplitudes", (plus - minus) / (2 * h),
                Cases.dot(gradients.get(Simulation.SOURCE_AMPLITUDES).data(), df.data()));
    }

    private static void check(String what, double fd, double adjoint) {
        double rel = Math.abs(fd - adjoint) / Math.abs(fd);
        System.out.printf("finite difference %-50s fd %+.10e adjoint %+.10e rel %.1e%n", what, fd, adjoint, rel);
        assertTrue(fd != 0, what + ": the direction must change the data");
        assertTrue(rel < 1e-6, what + ": relative difference " + rel);
    }

    private static Map<String, NdArray> with(Map<String, NdArray> model, String p, double[] m, double[] dm, double h) {
        double[] x = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            x[i] = m[i] + h * dm[i];
        }
        Map<String, NdArray> out = new LinkedHashMap<>(model);
        out.put(p, new NdArray(model.get(p).shape(), x));
        return out;
    }

    private static Survey withAmplitudes(Survey s, SourceGroup g, NdArray df, double h) {
        double[] a = g.amplitudes().data().clone();
        for (int i = 0; i < a.length; i++) {
            a[i] += h * df.data()[i];
        }
        List<SourceGroup> groups = List.of(new SourceGroup(g.component(), g.locations(), new NdArray(g.amplitudes().shape(), a)));
        List<ReceiverGroup> receivers = s.receivers();
        return new Survey(s.dt(), s.nt(), groups, receivers);
    }

    private static double objective(Map<String, NdArray> model, Survey survey, int accuracy, int[] widths,
                                    List<NdArray> residual) {
        try (Simulation sim = Cases.prepare(model, 5.0, survey, Cases.settings(accuracy, widths), Precision.FLOAT64);
             ForwardRun run = sim.forward(Cases.allShots(sim), Set.of())) {
            return Cases.dot(run.receiverData(), residual);
        }
    }
}
