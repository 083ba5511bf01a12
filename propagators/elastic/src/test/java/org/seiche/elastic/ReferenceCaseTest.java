package org.seiche.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.elastic.cpu.CpuElasticKernel;
import org.seiche.elastic.internal.ElasticPropagator;
import org.seiche.io.Npy;
import org.seiche.testing.TestDevice;

/**
 * The shared reference case elastic_small (computed with Deepwave; see its README.md and
 * pipeline.yaml in the test resources): a y force, v_y receivers, gradients with respect to
 * vp, vs, rho of the mean squared error. Tolerances are the case's own.
 */
class ReferenceCaseTest {
    private static final String CASE = "/reference/elastic_small/";

    @Test
    void matchesDeepwave() throws Exception {
        NdArray vp = Npy.read(file("vp.npy"));
        Map<String, NdArray> parameters = new LinkedHashMap<>();
        parameters.put("vp", vp);
        parameters.put("vs", Npy.read(file("vs.npy")));
        parameters.put("rho", Npy.read(file("rho.npy")));
        Model model = new Model(new double[] {4, 4}, parameters);
        Survey survey = new Survey(0.0008, 400,
                List.of(new SourceGroup("y", Npy.readLocations(file("source_locations.npy"), 2), Npy.read(file("source_amplitudes.npy")))),
                List.of(new ReceiverGroup("y", Npy.readLocations(file("receiver_locations.npy"), 2))));
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {20}, 20.0, Double.NaN, 1, Map.of());
        NdArray observed = Npy.read(file("observed.npy"));

        try (Simulation sim = new ElasticPropagator(new CpuElasticKernel()).prepare(
                new SimulationSetup(model, survey, settings, TestDevice.ofAllCores(), Precision.FLOAT32));
             ForwardRun run = sim.forward(new int[] {0}, Set.of("vp", "vs", "rho"))) {
            assertEquals(1, sim.stepRatio());
            NdArray data = run.receiverData().get(0);
            double[] d = data.data();
            double[] o = observed.data();
            double loss = 0;
            double[] adjoint = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                loss += (d[i] - o[i]) * (d[i] - o[i]) / d.length;
                adjoint[i] = 2 * (d[i] - o[i]) / d.length;
            }
            Map<String, NdArray> g = run.adjoint(List.of(new NdArray(data.shape(), adjoint)));

            double expectedLoss = 4.991777586837998e-07;
            double lossError = Math.abs(loss - expectedLoss) / expectedLoss;
            Map<String, Double> errors = new LinkedHashMap<>();
            errors.put("receiver_data", relL2(d, Npy.read(file("expected/receiver_data.npy")).data()));
            for (String p : List.of("vp", "vs", "rho")) {
                errors.put("gradient_" + p, relL2(g.get(p).data(), Npy.read(file("expected/gradient_" + p + ".npy")).data()));
            }
            System.out.printf("elastic_small: loss %.6e (rel %.2e), rel-L2 %s%n", loss, lossError, errors);
            assertTrue(errors.get("receiver_data") <= 1e-3, "receiver data " + errors);
            for (String p : List.of("vp", "vs", "rho")) {
                assertTrue(errors.get("gradient_" + p) <= 1e-2, "gradients " + errors);
            }
            assertTrue(lossError <= 1e-3, "loss " + loss);
        }
    }

    static double relL2(double[] actual, double[] expected) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < actual.length; i++) {
            num += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            den += expected[i] * expected[i];
        }
        return Math.sqrt(num / den);
    }

    private static Path file(String name) throws URISyntaxException {
        return Path.of(ReferenceCaseTest.class.getResource(CASE + name).toURI());
    }
}
