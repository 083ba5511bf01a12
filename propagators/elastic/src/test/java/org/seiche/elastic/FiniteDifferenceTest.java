package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
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
 * Gradients against central finite differences in float64: for L(m) = <d(m), r> with a
 * fixed random r, <dL/dm, delta> must match (L(m + eps delta) - L(m - eps delta)) / (2 eps)
 * for a random direction delta of the parameter's own scale. eps = 1e-6 (relative): the
 * truncation error (eps^2 times the third derivative, waves a few wavelengths long) and the
 * rounding error (1e-16 / eps) both stay near 1e-9. Sources sit next to the PML and the top
 * (zero-width or under vacuum rows) so that the extension cells' gradients (summed onto edge cells) count. max_vel is
 * fixed: the gradient is that of the propagation for given PML damping and time step.
 */
class FiniteDifferenceTest {
    private static final int NY = 18;
    private static final int NX = 22;
    private static final double EPS = 1e-6;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("vp, vs, rho; PML", false, new int[] {4}, 4, 0.0005, 0),
                Arguments.of("vp, vs, rho; zero-width top, accuracy 8", false, new int[] {0, 4, 4, 4}, 8, 0.0005, 0),
                Arguments.of("vp, vs, rho; under vacuum rows", false, new int[] {4}, 4, 0.0005, 2),
                Arguments.of("lamb, mu, buoyancy; zero-width top", true, new int[] {0, 4, 4, 4}, 4, 0.0005, 0),
                Arguments.of("lamb, mu, buoyancy; under vacuum rows", true, new int[] {0, 4, 4, 4}, 4, 0.0005, 2),
                Arguments.of("lamb, mu, buoyancy; sub-stepped, accuracy 2", true, new int[] {3, 4, 0, 5}, 2, 0.0018, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(String name, boolean lame, int[] widths, int accuracy, double dt, int vacuumRows) {
        Map<String, NdArray> velocity = Cases.velocityModel(NY, NX, 3);
        Map<String, NdArray> model = Cases.withVacuumRows(lame ? Cases.lameModel(velocity) : velocity, vacuumRows);
        Survey survey = survey(dt, vacuumRows);
        PropagatorSettings settings = Cases.fixedSettings(accuracy, widths);
        Random r = new Random(11);
        Map<String, NdArray> gradient;
        List<NdArray> residual = new ArrayList<>();
        try (Simulation sim = Cases.prepare(model, 5.0, survey, settings, Precision.FLOAT64);
             ForwardRun run = sim.forward(Cases.allShots(sim), model.keySet())) {
            for (NdArray d : run.receiverData()) {
                residual.add(Cases.random(d.shape(), r));
            }
            gradient = run.adjoint(residual);
        }
        for (String p : model.keySet()) {
            double[] delta = direction(model.get(p), vacuumRows, r);
            double plus = loss(perturbed(model, p, delta, EPS), survey, settings, residual);
            double minus = loss(perturbed(model, p, delta, -EPS), survey, settings, residual);
            double fd = (plus - minus) / (2 * EPS);
            double adjoint = Cases.dot(gradient.get(p).data(), delta);
            double rel = Math.abs(fd - adjoint) / Math.abs(adjoint);
            System.out.printf("finite differences %-45s %-8s fd %+.12e  adjoint %+.12e  rel %.1e%n", name, p, fd, adjoint, rel);
            assertTrue(rel < 1e-6, name + ", " + p + ": relative error " + rel);
        }
    }

    /** Gradients asked in the other parameter set than the model's are the chain rule's: equal to the other model's. */
    @Test
    void eitherSetFromEitherModel() {
        Map<String, NdArray> velocity = Cases.velocityModel(NY, NX, 5);
        Survey survey = survey(0.0005, 0);
        PropagatorSettings settings = Cases.settings(4, 0, 4, 4, 4);
        List<NdArray> residual = new ArrayList<>();
        Map<String, NdArray> fromVelocity = gradients(velocity, Set.of("lamb", "mu", "buoyancy"), survey, settings, residual);
        Map<String, NdArray> fromLame = gradients(Cases.lameModel(velocity), Set.of("lamb", "mu", "buoyancy"), survey, settings,
                residual);
        for (String p : List.of("lamb", "mu", "buoyancy")) {
            double e = ReferenceCaseTest.relL2(fromVelocity.get(p).data(), fromLame.get(p).data());
            assertTrue(e < 1e-9, p + ": " + e);
        }
    }

    private static Map<String, NdArray> gradients(Map<String, NdArray> model, Set<String> wrt, Survey survey,
                                                  PropagatorSettings settings, List<NdArray> residual) {
        try (Simulation sim = Cases.prepare(model, 5.0, survey, settings, Precision.FLOAT64);
             ForwardRun run = sim.forward(Cases.allShots(sim), wrt)) {
            if (residual.isEmpty()) {
                Random r = new Random(2);
                for (NdArray d : run.receiverData()) {
                    residual.add(Cases.random(d.shape(), r));
                }
            }
            return run.adjoint(residual);
        }
    }

    /** Two shots, y and p sources next to the edges, v_x and pressure receivers; top: the first solid row. */
    private static Survey survey(double dt, int top) {
        return Cases.survey(dt, 70, List.of("y", "p"),
                List.of(Cases.locations(2, 6, new int[] {top, 1}, new int[] {NY - 2, 8}),
                        Cases.locations(2, -5, new int[] {top + 1, NX - 1})),
                List.of("x", "p"),
                List.of(Cases.locations(2, 0, new int[] {top, 3}, new int[] {NY / 2, NX - 2}, new int[] {NY - 1, 10}),
                        Cases.locations(2, 0, new int[] {top + 2, 12}, new int[] {NY - 1, 0})));
    }

    private static double loss(Map<String, NdArray> model, Survey survey, PropagatorSettings settings, List<NdArray> residual) {
        try (Simulation sim = Cases.prepare(model, 5.0, survey, settings, Precision.FLOAT64);
             ForwardRun run = sim.forward(Cases.allShots(sim), Set.of())) {
            return Cases.dot(run.receiverData(), residual);
        }
    }

    /** A random direction of the parameter's mean size, zero on the vacuum rows (which stay vacuum). */
    private static double[] direction(NdArray parameter, int vacuumRows, Random r) {
        double scale = 0;
        for (double v : parameter.data()) {
            scale += Math.abs(v) / parameter.size();
        }
        double[] d = new double[parameter.size()];
        for (int i = vacuumRows * parameter.dim(1); i < d.length; i++) {
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
