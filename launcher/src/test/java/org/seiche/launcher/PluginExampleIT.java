package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runtime discovery: the third-party example, a separate Maven project depending only on the
 * api artifact, is built, its jar dropped into a fresh plugins folder, and a pipeline names
 * its loss, with nothing of Seiche rebuilt.
 */
class PluginExampleIT {
    @TempDir
    Path tmp;

    @Test
    void aDroppedInLossIsListedAndUsable() throws IOException, InterruptedException {
        Path project = Fwi.HOME.resolve("examples/plugin-example");
        Path log = tmp.resolve("build.log");
        Process mvn = new ProcessBuilder("mvn", "-q", "-B", "package", "-Dmaven.repo.local=" + localRepository())
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(mvn.waitFor(600, TimeUnit.SECONDS), "the plugin example built in time");
        assertEquals(0, mvn.exitValue(), Files.readString(log));
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(project.resolve("target/huber-loss-1.0.0.jar"), plugins.resolve("huber-loss.jar"),
                StandardCopyOption.REPLACE_EXISTING);

        Fwi.Outcome listed = Fwi.run("plugins", "--plugins", plugins.toString());
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().matches("(?s).*loss\\s+huber\\s+com.example.seiche.huber.*"), listed.out());

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

    /** The local repository this build uses, where the api artifact was just installed. */
    private static String localRepository() {
        String repo = System.getProperty("maven.repo.local");
        return repo != null ? repo : Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
    }
}
