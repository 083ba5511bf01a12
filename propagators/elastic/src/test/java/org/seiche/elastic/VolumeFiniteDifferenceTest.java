package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;

/**
 * In 1-D and 3-D, gradients against central finite differences in float64, as
 * {@link FiniteDifferenceTest} does in 2-D: L(m) = <d(m), r>, eps = 1e-6 relative, a random
 * direction per parameter, sources next to the PML and to zero-width sides so that the
 * extension cells count; relative error below 1e-6. In 1-D vs does not enter the update
 * (only lamb + 2 mu = rho vp^2 does), so its gradient must vanish.
 */
class VolumeFiniteDifferenceTest {
    private static final double EPS = 1e-6;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("1-D vp, vs, rho; PML", new int[] {30}, false, new int[] {4}, 4, 0.0008),
                Arguments.of("1-D lamb, mu, buoyancy; zero-width start, sub-stepped", new int[] {30}, true,
                        new int[] {0, 4}, 2, 0.0025),
                Arguments.of("3-D vp, vs, rho; zero-width top", new int[] {8, 9, 10}, false, new int[] {0, 3, 3, 3, 3, 3}, 4,
                        0.0005),
                Arguments.of("3-D lamb, mu, buoyancy; PML, accuracy 2", new int[] {8, 9, 10}, true, new int[] {3}, 2,
                        0.0005));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(String name, int[] shape, boolean lame, int[] widths, int accuracy, double dt) {
        Map<String, NdArray> velocity = VolumeCases.velocityModel(shape, 3);
        Map<String, NdArray> model = lame ? Cases.lameModel(velocity) : velocity;
        Survey survey = survey(shape, dt);
        PropagatorSettings settings = VolumeCases.fixedSettings(accuracy, widths);
        Random r = new Random(11);
        Map<String, NdArray> gradient;
        List<NdArray> residual = new ArrayList<>();
        try (Simulation sim = VolumeCases.prepare(model, 5.0, survey, settings, Precision.FLOAT64);
             ForwardRun run = sim.forward(Cases.allShots(sim), model.keySet())) {
            for (NdArray d : run.receiverData()) {
                residual.add(Cases.random(d.shape(), r));
            }
            gradient = run.adjoint(residual);
        }
        double largest = 0;
        for (String p : model.keySet()) {
            double[] delta = direction(model.get(p), r);
            double adjoint = Cases.dot(gradient.get(p).data(), delta);
            if (shape.length == 1 && p.equals("vs")) {
                System.out.printf("finite differences %-55s %-8s adjoint %+.3e (must vanish)%n", name, p, adjoint);
                assertTrue(Math.abs(adjoint) < 1e-9 * largest, name + ": vs gradient " + adjoint + " in 1-D");
                continue;
            }
            double plus = loss(perturbed(model, p, delta, EPS), survey, settings, residual);
            double minus = loss(perturbed(model, p, delta, -EPS), survey, settings, residual);
            double fd = (plus - minus) / (2 * EPS);
            double rel = Math.abs(fd - adjoint) / Math.abs(adjoint);
            largest = Math.max(largest, Math.abs(adjoint));
            System.out.printf("finite differences %-55s %-8s fd %+.12e  adjoint %+.12e  rel %.1e%n", name, p, fd, adjoint, rel);
            assertTrue(rel < 1e-6, name + ", " + p + ": relative error " + rel);
        }
    }

    /** Two shots: a force along the last dimension and a pressure source near the edges; velocity and pressure receivers. */
    static Survey survey(int[] shape, double dt) {
        String force = shape.length == 1 ? "x" : "z";
        String receiver = shape.length == 1 ? "x" : "y";
        int last = shape[0] - 2;
        return Cases.survey(dt, shape.length == 1 ? 100 : 45, List.of(force, "p"),
                List.of(VolumeCases.locations(2, 1, VolumeDotProductTest.cell(shape, 0),
                        VolumeDotProductTest.cell(shape, last)),
                        VolumeCases.locations(2, -1, VolumeDotProductTest.cell(shape, 1))),
                List.of(receiver, "p"),
                List.of(VolumeCases.locations(2, 0, VolumeDotProductTest.cell(shape, 0), VolumeDotProductTest.cell(shape, last / 2)),
                        VolumeCases.locations(2, 0, VolumeDotProductTest.cell(shape, last))));
    }

    private static double loss(Map<String, NdArray> model, Survey survey, PropagatorSettings settings, List<NdArray> residual) {
        try (Simulation sim = VolumeCases.prepare(model, 5.0, survey, settings, Precision.FLOAT64);
             ForwardRun run = sim.forward(Cases.allShots(sim), java.util.Set.of())) {
            return Cases.dot(run.receiverData(), residual);
        }
    }

    /** A random direction of the parameter's mean size. */
    private static double[] direction(NdArray parameter, Random r) {
        double scale = 0;
        for (double v : parameter.data()) {
            scale += Math.abs(v) / parameter.size();
        }
        double[] d = new double[parameter.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = scale * r.nextGaussian();
        }
        return d;
    }

    private static Map<String, NdArray> perturbed(Map<String, NdArray> model, String name, double[] delta, double eps) {
        Map<String, NdArray> m = new LinkedHashMap<>(model);
        NdArray p = model.get(name).copy();
        for (int i = 0; i < delta.length; i++) {
            p.data()[i] += eps * delta[i];
        }
        m.put(name, p);
        return m;
    }
}
