package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real ./fwi launcher of this checkout as a user would, and captures what it says. */
final class Fwi {
    static final Path HOME = Path.of(System.getProperty("seiche.home", "..")).toAbsolutePath().normalize();
    /**
     * The daemon folder of this test JVM's runs: runs here are served by a daemon as a user's
     * are, by one of their own (a test JVM of another checkout or build has another), stopped
     * when the tests end; the short idle time is the backstop for a test JVM killed.
     */
    static final Path DAEMON_DIR = daemonDir();

    record Outcome(int exit, String out, String err) {
    }

    /** A scalar propagator and one shot with two receivers over a 20 x 20 model at 5 m: a pipeline after its model block. */
    static final String ONE_SHOT = """
            propagator: {name: scalar, accuracy: 4, pml_width: 5}
            survey:
              dt: 0.001
              nt: 50
              sources:
                locations: [[[2, 10]]]
                wavelet: {type: ricker, freq: 25.0}
              receivers:
                locations: [[[2, 5], [2, 15]]]
            """;

    private Fwi() {
    }

    private static Path daemonDir() {
        try {
            Path dir = Files.createTempDirectory("seiche-daemon-it"); // rwx------
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                DaemonClient.command(dir, "stop");
                try (var files = Files.list(dir)) {
                    files.forEach(f -> f.toFile().delete());
                    Files.delete(dir);
                } catch (IOException e) {
                    // a leftover folder in the temporary folder is harmless
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The environment of every ./fwi the tests start: this test JVM's daemon (unless env names another). */
    static void environment(Map<String, String> env) {
        env.putIfAbsent("SEICHE_DAEMON_DIR", DAEMON_DIR.toString());
        env.putIfAbsent("SEICHE_DAEMON_IDLE", "120s");
    }

    /** Writes a pipeline (or any text) to file and returns the file. */
    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }

    /** The run said what went wrong in one line on stderr holding every fragment. */
    static void assertOneLineError(Outcome o, String... fragments) {
        String err = o.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' in: " + err);
        }
    }

    static Outcome run(String... args) {
        return runIn(HOME, args);
    }

    static Outcome runIn(Path dir, String... args) {
        return runWith(dir, Map.of(), args);
    }

    /** Runs ./fwi in dir with these environment variables added (SEICHE_JAVA_OPTS, say). */
    static Outcome runWith(Path dir, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("fwi").toString());
        cmd.addAll(List.of(args));
        return execute(dir, cmd, env);
    }

    /** Runs a script of an example (in a copy of its folder) as a user would, its ./fwi being this checkout's. */
    static Outcome script(Path dir, String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", script));
        cmd.addAll(List.of(args));
        return execute(dir, cmd, Map.of());
    }

    /** Starts ./fwi without waiting for it (to kill it). */
    static Process start(Path dir, Path log, String... args) throws IOException {
        return start(dir, log, Map.of(), args);
    }

    /** Starts ./fwi with these environment variables added, without waiting for it. */
    static Process start(Path dir, Path log, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("fwi").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        environment(pb.environment());
        return pb.start();
    }

    private static Outcome execute(Path dir, List<String> cmd, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("fwi-out", ".txt");
            Path err = Files.createTempFile("fwi-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().put("FWI", HOME.resolve("fwi").toString());
            pb.environment().putAll(env);
            environment(pb.environment());
            Process p = pb.start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not finish in 600 s");
            }
            Outcome o = new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return o;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
