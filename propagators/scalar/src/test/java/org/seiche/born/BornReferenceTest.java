package org.seiche.born;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.Simulation;
import org.seiche.io.Npy;
import org.seiche.scalar.Setups;
import org.seiche.wave.Wavelets;

/**
 * ../shared/reference/born_small (copied into the test resources): receiver data within
 * rel-L2 1e-3, gradients w.r.t. scatter and v within 1e-2, loss within 1e-3.
 */
class BornReferenceTest {
    @Test
    void matchesBornSmall() throws Exception {
        Path dir = Path.of(getClass().getResource("/reference/born_small/README.md").toURI()).getParent();
        Path expected = dir.resolve("expected");
        Locations sources = Npy.readLocations(dir.resolve("source_locations.npy"), 2);
        Locations receivers = Npy.readLocations(dir.resolve("receiver_locations.npy"), 2);
        int nt = 250;
        double dt = 0.002;
        double[] w = Wavelets.ricker(20, nt, dt, 0.06);
        NdArray amplitudes = NdArray.zeros(1, sources.perShot(), nt);
        for (int s = 0; s < sources.perShot(); s++) {
            System.arraycopy(w, 0, amplitudes.data(), s * nt, nt);
        }
        PropagatorSettings settings = new PropagatorSettings(4, new int[] {20}, 20, Double.NaN, 1, Map.of());
        var setup = Setups.setup(Map.of("v", Npy.read(dir.resolve("v.npy")), "scatter", Npy.read(dir.resolve("scatter.npy"))),
                new double[] {5, 5}, settings, dt, amplitudes, sources, receivers, Precision.FLOAT32);
        try (Simulation sim = BornSetups.BORN.prepare(setup);
             ForwardRun run = sim.forward(new int[] {0}, Set.of("scatter", "v"))) {
            NdArray data = run.receiverData().get(0);
            within("receiver data", data, Npy.read(expected.resolve("receiver_data.npy")), 1e-3);
            NdArray observed = Npy.read(dir.resolve("observed.npy"));
            double loss = Setups.mse(data, observed);
            Matcher m = Pattern.compile("\"loss\"\\s*:\\s*([-+0-9.eE]+)").matcher(Files.readString(expected.resolve("summary.json")));
            assertTrue(m.find());
            double expectedLoss = Double.parseDouble(m.group(1));
            double lossError = Math.abs(loss - expectedLoss) / expectedLoss;
            System.out.printf("born_small loss %.9e expected %.9e rel %.3e%n", loss, expectedLoss, lossError);
            assertTrue(lossError <= 1e-3, "loss off by " + lossError);
            Map<String, NdArray> gradients = run.adjoint(List.of(Setups.mseAdjoint(data, observed)));
            within("gradient_scatter", gradients.get("scatter"), Npy.read(expected.resolve("gradient_scatter.npy")), 1e-2);
            within("gradient_v", gradients.get("v"), Npy.read(expected.resolve("gradient_v.npy")), 1e-2);
        }
    }

    private static void within(String what, NdArray actual, NdArray expected, double tolerance) {
        double rel = Setups.relativeL2(actual, expected);
        System.out.printf("born_small %s rel-L2 %.3e (tolerance %.3g)%n", what, rel, tolerance);
        assertTrue(rel <= tolerance, what + " rel-L2 " + rel);
    }
}
