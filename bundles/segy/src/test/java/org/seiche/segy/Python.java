package org.seiche.segy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent writers of the tests: a python3 with Debian's segyio and h5py
 * (.ci/run installs them). Without one the tests fail saying so: they are not skipped.
 */
public final class Python {
    private static String interpreter;

    private Python() {
    }

    /** SEICHE_PYTHON, else the system's /usr/bin/python3 (where Debian's packages live), else python3 on the PATH. */
    static synchronized String interpreter() {
        if (interpreter != null) {
            return interpreter;
        }
        List<String> candidates = new ArrayList<>();
        if (System.getenv("SEICHE_PYTHON") != null) {
            candidates.add(System.getenv("SEICHE_PYTHON"));
        }
        candidates.add("/usr/bin/python3");
        candidates.add("python3");
        for (String c : candidates) {
            try {
                if (exec(List.of(c, "-c", "import segyio, h5py, numpy")) == 0) {
                    interpreter = c;
                    return c;
                }
            } catch (IOException e) {
                // not installed under this name: try the next
            }
        }
        throw new AssertionError("no python3 with segyio, h5py and numpy (tried " + candidates + "); install them with"
                + " apt-get install -y python3-segyio python3-h5py (as .ci/run does)");
    }

    /** Runs a script (a test resource) with arguments; fails the test with its output when it fails. */
    public static void run(Path script, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(interpreter(), script.toString()));
        cmd.addAll(args);
        try {
            Path log = Files.createTempFile("seiche-python", ".log");
            int rc = exec(cmd, log);
            String out = Files.readString(log);
            Files.delete(log);
            if (rc != 0) {
                throw new AssertionError(String.join(" ", cmd) + " failed (" + rc + "):\n" + out);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e.getMessage());
        }
    }

    private static int exec(List<String> cmd) throws IOException {
        return exec(cmd, null);
    }

    private static int exec(List<String> cmd, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process p = pb.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " took over 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + cmd);
        }
        return p.exitValue();
    }

    /** A test resource as a file path. */
    public static Path resource(Class<?> near, String name) {
        try {
            return Path.of(near.getResource(name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new AssertionError("missing test resource " + name);
        }
    }
}
