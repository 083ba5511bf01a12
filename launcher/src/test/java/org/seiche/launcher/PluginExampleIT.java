package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.io.Npy;

/**
 * Runtime discovery: the third-party example, a separate Maven project depending only on the
 * api artifact, is built once, its jar dropped into a fresh plugins folder, and pipelines
 * name its loss and its propagator, with nothing of Seiche rebuilt.
 */
class PluginExampleIT {
    private static final Path PROJECT = Fwi.HOME.resolve("examples/plugin-example");
    private static final Pattern LOSS = Pattern.compile("\"loss\"\\s*:\\s*([-0-9.eE+]+)");

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildThePlugin() throws IOException, InterruptedException {
        Path log = Files.createTempFile("plugin-example", ".log");
        Process mvn = new ProcessBuilder("mvn", "-q", "-B", "package", "-Dmaven.repo.local=" + localRepository())
                .directory(PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(mvn.waitFor(600, TimeUnit.SECONDS), "the plugin example built in time");
        assertEquals(0, mvn.exitValue(), Files.readString(log));
        Files.delete(log);
    }

    @Test
    void aDroppedInLossIsListedAndUsable() throws IOException {
        Path plugins = plugins();
        Fwi.Outcome listed = Fwi.run("plugins", "--plugins", plugins.toString());
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().matches("(?s).*loss\\s+huber\\s+com.example.seiche\\b.*"), listed.out());

        Path pipeline = Fwi.write(tmp.resolve("pipeline.yaml"), """
                task: gradient
                precision: float64
                model:
                  spacing: 5.0
                  parameters:
                    v: {constant: 1500.0, shape: [20, 20]}
                observed: {constant: 0.0, shape: [1, 2, 50]}
                loss: huber
                gradient_wrt: [v]
                """ + Fwi.ONE_SHOT);
        Fwi.Outcome run = Fwi.run("run", pipeline.toString(), "--plugins", plugins.toString(), "--quiet");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.exists(tmp.resolve("out/gradient_v.npy")));
        assertTrue(Files.readString(tmp.resolve("out/summary.json")).contains("\"loss\""));
    }

    /**
     * The example's own propagator and CPU kernel: listed, its forward and gradient pipelines
     * run, and the gradient in c along a constant direction (start_c.npy is 2000 m/s
     * everywhere) agrees with a central difference of the loss from two more runs.
     */
    @Test
    void aDroppedInPropagatorRunsItsPipelinesWithAnExactGradient() throws IOException {
        Path plugins = plugins();
        Fwi.Outcome listed = Fwi.run("plugins", "--plugins", plugins.toString());
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().matches("(?s).*propagator\\s+damped-wave\\s+com.example.seiche\\b.*"), listed.out());

        for (String f : new String[] {"forward.yaml", "gradient.yaml", "true_c.npy", "start_c.npy"}) {
            Files.copy(PROJECT.resolve(f), tmp.resolve(f));
        }
        Fwi.Outcome forward = Fwi.run("run", tmp.resolve("forward.yaml").toString(), "--plugins", plugins.toString(), "--quiet");
        assertEquals(0, forward.exit(), forward.err());
        assertTrue(maxAbs(Npy.read(tmp.resolve("observed/receiver_data.npy"))) > 0, "the shots recorded a wave");

        double loss = gradient("gradient.yaml", "out");
        NdArray g = Npy.read(tmp.resolve("out/gradient_c.npy"));
        assertEquals(40 * 60, g.size());
        assertTrue(Files.exists(tmp.resolve("out/gradient_source_amplitudes.npy")));
        double eps = 0.05;
        double plus = gradient(shifted(2000 + eps), "plus");
        double minus = gradient(shifted(2000 - eps), "minus");
        double fd = (plus - minus) / (2 * eps);
        double exact = 0;
        for (double x : g.data()) {
            exact += x;
        }
        double error = Math.abs(fd - exact) / Math.abs(exact);
        System.out.printf("damped-wave through ./fwi: loss %.6e, d/dc along ones: adjoint %.9e, central difference %.9e, relative error %.2e%n",
                loss, exact, fd, error);
        assertTrue(error < 1e-6, "relative error " + error);
    }

    /** Runs a gradient pipeline of tmp with output dir and returns the loss of its summary. */
    private double gradient(String pipeline, String out) throws IOException {
        Fwi.Outcome run = Fwi.run("run", tmp.resolve(pipeline).toString(), "--plugins", tmp.resolve("plugins").toString(),
                "--quiet");
        assertEquals(0, run.exit(), run.err());
        Matcher m = LOSS.matcher(Files.readString(tmp.resolve(out).resolve("summary.json")));
        assertTrue(m.find(), "loss in " + out + "/summary.json");
        return Double.parseDouble(m.group(1));
    }

    /** gradient.yaml from a constant velocity c, writing to plus/ or minus/. */
    private String shifted(double c) throws IOException {
        String name = c > 2000 ? "plus" : "minus";
        Npy.write(tmp.resolve(name + "_c.npy"), NdArray.filled(c, 40, 60), Precision.FLOAT64);
        Fwi.write(tmp.resolve(name + ".yaml"), """
                extends: gradient.yaml
                model:
                  parameters:
                    c: {file: %s_c.npy}
                output: %s
                """.formatted(name, name));
        return name + ".yaml";
    }

    private static double maxAbs(NdArray a) {
        double max = 0;
        for (double x : a.data()) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    private Path plugins() throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(PROJECT.resolve("target/seiche-example-plugin-1.0.0.jar"), plugins.resolve("seiche-example-plugin.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        return plugins;
    }

    /** The local repository this build uses, where the api artifact was just installed. */
    private static String localRepository() {
        String repo = System.getProperty("maven.repo.local");
        return repo != null ? repo : Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
    }
}
