package org.seiche.launcher;

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

    record Outcome(int exit, String out, String err) {
    }

    private Fwi() {
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
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("fwi").toString());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Outcome execute(Path dir, List<String> cmd, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("fwi-out", ".txt");
            Path err = Files.createTempFile("fwi-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().put("FWI", HOME.resolve("fwi").toString());
            pb.environment().putAll(env);
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
