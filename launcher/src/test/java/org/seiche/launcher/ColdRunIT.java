package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a fresh ./fwi run does to start fast must not change what it computes. */
class ColdRunIT {
    @TempDir
    Path tmp;

    private static String gradient(String propagator) {
        String params = propagator.equals("elastic")
                ? "vp: {constant: 2000.0, shape: [60, 70]}\n    vs: {constant: 1100.0, shape: [60, 70]}\n"
                        + "    rho: {constant: 2000.0, shape: [60, 70]}"
                : "v: {synthetic: {shape: [60, 70], layers: [{top: 0, value: 1800}, {top: 300, value: 2400}]}}";
        String component = propagator.equals("elastic") ? "\n    component: y" : "";
        String wrt = propagator.equals("elastic") ? "[vp, vs, rho]" : "[v]";
        return """
                task: gradient
                precision: float32
                model:
                  spacing: 10.0
                  parameters:
                    %s
                propagator: {name: %s, accuracy: 4, pml_width: [0, 20, 20, 20], pml_freq: 10.0, max_vel: 3000.0}
                survey:
                  dt: 0.001
                  nt: 400
                  sources:
                    locations: [[[1, 20]], [[1, 50]]]
                    wavelet: {type: ricker, freq: 10.0, peak_time: 0.1}%s
                  receivers:
                    locations: [[[1, 10], [1, 30], [1, 60]], [[1, 10], [1, 30], [1, 60]]]%s
                observed: {constant: 0.0, shape: [2, 3, 400]}
                loss: mse
                gradient_wrt: %s
                """.formatted(params, propagator, component, component, wrt);
    }

    /** Every result file of a run with the kernels' warm-up is byte for byte that of a run without it. */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "born", "elastic"})
    void aWarmUpDoesNotChangeResults(String propagator) throws IOException {
        String yaml = gradient(propagator);
        if (propagator.equals("born")) {
            yaml = yaml.replace("gradient_wrt: [v]", "gradient_wrt: [scatter, v]")
                    .replace("layers: [{top: 0, value: 1800}, {top: 300, value: 2400}]}}",
                            "layers: [{top: 0, value: 1800}, {top: 300, value: 2400}]}}\n    scatter: {constant: 10.0, shape: [60, 70]}");
        }
        Path p = tmp.resolve("gradient.yaml");
        Files.writeString(p, yaml);
        for (String warm : List.of("true", "false")) {
            Fwi.Outcome o = Fwi.runWith(tmp, Map.of("SEICHE_JAVA_OPTS", "-Dseiche.warmup=" + warm), "run", p.toString(), "--out",
                    tmp.resolve("out-" + warm).toString(), "--quiet");
            assertEquals(0, o.exit(), o.err());
        }
        List<String> arrays;
        try (var files = Files.list(tmp.resolve("out-false"))) {
            arrays = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".npy")).sorted().toList();
        }
        assertTrue(arrays.contains("receiver_data.npy") && arrays.stream().anyMatch(n -> n.startsWith("gradient_")), arrays.toString());
        for (String a : arrays) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("out-false").resolve(a)), Files.readAllBytes(tmp.resolve("out-true").resolve(a)),
                    a);
        }
    }

    /** The class-data archive the launcher writes on a first run is there after a run, and runs go on without it when asked. */
    @Test
    void aRunLeavesTheClassArchiveAndRunsWithoutIt() {
        Fwi.Outcome o = Fwi.run("plugins");
        assertEquals(0, o.exit(), o.err());
        assertTrue(Files.isRegularFile(Fwi.HOME.resolve("launcher/target/seiche-classes.jsa")), "archive written");
        Fwi.Outcome off = Fwi.runWith(tmp, Map.of("SEICHE_CDS", "off"), "plugins");
        assertEquals(0, off.exit(), off.err());
        assertEquals(o.out(), off.out());
    }
}
