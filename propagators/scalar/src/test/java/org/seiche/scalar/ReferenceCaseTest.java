package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.io.Npy;
import org.seiche.wave.Wavelets;

/**
 * The scalar cases of ../shared/reference (copied into the test resources), with the
 * tolerances of their READMEs: receiver data rel-L2 1e-3 (analytic case 1.22e-3),
 * gradients 1e-2, loss (mean squared error) 1e-3.
 */
class ReferenceCaseTest {
    /** A case's pipeline.yaml, transcribed. */
    record Case(String name, double[] spacing, PropagatorSettings settings, double dt, int nt, double constantV,
                int[] constantShape, double[] ricker, Set<String> gradientWrt, double dataTolerance) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        double[] h4 = {4, 4};
        return Stream.of(
                new Case("scalar_quick", h4, Setups.settings(4, new int[] {20}, 25, Double.NaN), 0.004, 200, 0, null,
                        new double[] {25, 0.06}, Set.of("v"), 1e-3),
                new Case("scalar_cfl_forward", new double[] {5, 5}, Setups.settings(6, new int[] {20}, 15, Double.NaN),
                        0.003, 160, 0, null, new double[] {15, 0.08}, Set.of(), 1e-3),
                new Case("scalar_accuracy8_multishot", new double[] {5, 4},
                        Setups.settings(8, new int[] {10, 12, 14, 16}, 25, 2500), 0.0007, 450, 0, null, null,
                        Set.of("v", Simulation.SOURCE_AMPLITUDES), 1e-3),
                new Case("edge_gradient_pml", h4, Setups.settings(4, new int[] {20}, 25, Double.NaN), 0.004, 200, 1600,
                        new int[] {50, 100}, null, Set.of("v"), 1e-3),
                new Case("edge_gradient_freesurface", h4, Setups.settings(4, new int[] {0, 20, 20, 20}, 25, Double.NaN),
                        0.004, 200, 1600, new int[] {50, 100}, null, Set.of("v"), 1e-3),
                new Case("analytic_direct_2d", new double[] {5, 5}, Setups.settings(8, new int[] {20}, 25, Double.NaN),
                        0.00025, 1280, 1500, new int[] {80, 80}, new double[] {25, 0.06}, Set.of(), 1.22e-3),
                new Case("hessian_tiny", h4, Setups.settings(4, new int[] {0, 20, 20, 20}, 25, 2000), 0.004, 60, 0, null,
                        new double[] {25, 0.06}, Set.of("v"), 1e-3));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesReference(Case c) throws Exception {
        Path dir = folder(c.name);
        NdArray v = c.constantShape != null ? NdArray.filled(c.constantV, c.constantShape) : Npy.read(dir.resolve("v.npy"));
        Locations sources = Npy.readLocations(dir.resolve("source_locations.npy"), 2);
        Locations receivers = Npy.readLocations(dir.resolve("receiver_locations.npy"), 2);
        NdArray amplitudes = c.ricker != null ? ricker(c, sources) : Npy.read(dir.resolve("source_amplitudes.npy"));
        try (Simulation sim = Setups.PROPAGATOR.prepare(Setups.setup(v, c.spacing, c.settings, c.dt, amplitudes, sources,
                receivers, Precision.FLOAT32));
             ForwardRun run = sim.forward(allShots(sim.shots()), c.gradientWrt)) {
            NdArray data = run.receiverData().get(0);
            Path expected = dir.resolve("expected");
            if (Files.exists(expected.resolve("receiver_data.npy"))) {
                within(c.name + " receiver data", data, Npy.read(expected.resolve("receiver_data.npy")), c.dataTolerance);
            }
            if (c.gradientWrt.isEmpty()) {
                return;
            }
            NdArray observed = Npy.read(dir.resolve("observed.npy"));
            double loss = Setups.mse(data, observed);
            double expectedLoss = expectedLoss(expected);
            double lossError = Math.abs(loss - expectedLoss) / Math.abs(expectedLoss);
            System.out.printf("%s loss %.9e expected %.9e rel %.3e%n", c.name, loss, expectedLoss, lossError);
            assertTrue(lossError <= 1e-3, c.name + " loss " + loss + " expected " + expectedLoss);
            Map<String, NdArray> gradients = run.adjoint(java.util.List.of(Setups.mseAdjoint(data, observed)));
            for (String name : c.gradientWrt) {
                within(c.name + " gradient_" + name, gradients.get(name),
                        Npy.read(expected.resolve("gradient_" + name + ".npy")), 1e-2);
            }
        }
    }

    private static void within(String what, NdArray actual, NdArray expected, double tolerance) {
        assertEquals(expected.shapeString(), actual.shapeString(), what + " shape");
        double rel = Setups.relativeL2(actual, expected);
        System.out.printf("%s rel-L2 %.3e (tolerance %.3g)%n", what, rel, tolerance);
        assertTrue(rel <= tolerance, what + " rel-L2 " + rel + " > " + tolerance);
    }

    private static NdArray ricker(Case c, Locations sources) {
        double[] w = Wavelets.ricker(c.ricker[0], c.nt, c.dt, c.ricker[1]);
        NdArray a = NdArray.zeros(sources.shots(), sources.perShot(), c.nt);
        for (int i = 0; i < sources.shots() * sources.perShot(); i++) {
            System.arraycopy(w, 0, a.data(), i * c.nt, c.nt);
        }
        return a;
    }

    static int[] allShots(int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
        }
        return s;
    }

    private static double expectedLoss(Path expected) throws IOException {
        Matcher m = Pattern.compile("\"loss\"\\s*:\\s*([-+0-9.eE]+)").matcher(Files.readString(expected.resolve("summary.json")));
        assertTrue(m.find(), "no loss in " + expected);
        return Double.parseDouble(m.group(1));
    }

    static Path folder(String name) throws URISyntaxException {
        return Path.of(ReferenceCaseTest.class.getResource("/reference/" + name + "/README.md").toURI()).getParent();
    }
}
