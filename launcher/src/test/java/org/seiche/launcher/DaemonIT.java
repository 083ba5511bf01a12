package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./fwi run after the first is served by the daemon (summary.json's served_by), with the
 * files a fresh JVM writes to the bit; a run with other plugin folders, or while it is busy,
 * goes to a fresh JVM; other settings or changed bundles make it stop and a new daemon
 * serve the run; a client
 * killed mid-run stops it and leaves no outputs. Each test has a daemon folder of its own and
 * stops its daemon.
 */
class DaemonIT {
    @TempDir
    Path tmp;

    private Path daemonDir() {
        return tmp.resolve("daemon");
    }

    private Map<String, String> env() {
        return Map.of("SEICHE_DAEMON_DIR", daemonDir().toString());
    }

    @AfterEach
    void stopTheDaemon() throws InterruptedException {
        DaemonClient.command(daemonDir(), "stop");
        awaitNoDaemon();
    }

    private static final String GRADIENT = """
            task: gradient
            precision: float32
            model:
              spacing: 10.0
              parameters:
                v: {synthetic: {shape: [50, 60], layers: [{top: 0, value: 1800}, {top: 250, value: 2400}]}}
            propagator: {name: scalar, accuracy: 4, pml_width: [0, 20, 20, 20], pml_freq: 10.0, max_vel: 3000.0%s}
            survey:
              dt: 0.001
              nt: 300
              sources:
                locations: [[[1, 20]], [[1, 40]]]
                wavelet: {type: ricker, freq: 10.0, peak_time: 0.1}
              receivers:
                locations: [[[1, 10], [1, 30], [1, 50]], [[1, 10], [1, 30], [1, 50]]]
            observed: {constant: 0.0, shape: [2, 3, 300]}
            loss: mse
            gradient_wrt: [v]
            """;

    /** Long enough to be caught mid-run: its stored steps go to a file in steps/ (relative to the pipeline file). */
    private static final String LONG = ScalarGradient.longOnDisk("steps").yaml();

    /**
     * The first run starts the daemon and is served by it, the second too (the daemon's second
     * run), from another folder with relative paths (the pipeline file, --out, the storage
     * folder) that land where a fresh JVM puts them; every result file equals a fresh JVM's to
     * the bit. Its folder is rwx------; other plugin folders go to a fresh JVM, other JVM
     * options to a new daemon that replaces it.
     */
    @Test
    void laterRunsAreServedByTheDaemonWithAFreshJvmsResults() throws IOException {
        Path work = tmp.resolve("work");
        Files.createDirectories(work.resolve("case"));
        Fwi.write(work.resolve("case/pipeline.yaml"), GRADIENT.formatted(", storage: {mode: disk, directory: steps}"));
        Fwi.Outcome first = Fwi.runWith(work, env(), "run", "case/pipeline.yaml", "--out", "first", "--quiet");
        assertEquals(0, first.exit(), first.err());
        assertServed(work.resolve("first"), "daemon", 1);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(daemonDir())));
        assertTrue(Files.exists(daemonDir().resolve("daemon.sock")), "the daemon listens");

        Path elsewhere = tmp.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Fwi.Outcome second = Fwi.runWith(elsewhere, env(), "run", "../work/case/pipeline.yaml", "--out", "second", "--quiet");
        assertEquals(0, second.exit(), second.err());
        assertServed(elsewhere.resolve("second"), "daemon", 2);
        assertTrue(Files.isDirectory(work.resolve("case/steps")), "the storage folder is relative to the pipeline file");

        Map<String, String> off = Map.of("SEICHE_DAEMON_DIR", daemonDir().toString(), "SEICHE_DAEMON", "off");
        Fwi.Outcome fresh = Fwi.runWith(work, off, "run", "case/pipeline.yaml", "--out", "fresh", "--quiet");
        assertEquals(0, fresh.exit(), fresh.err());
        assertServed(work.resolve("fresh"), "fresh", 0);
        for (String f : List.of("receiver_data.npy", "gradient_v.npy", "gradient_v.png", "receiver_data.png")) {
            byte[] expected = Files.readAllBytes(work.resolve("fresh").resolve(f));
            assertArrayEquals(expected, Files.readAllBytes(work.resolve("first").resolve(f)), f + ", the daemon's first run");
            assertArrayEquals(expected, Files.readAllBytes(elsewhere.resolve("second").resolve(f)), f + ", its second");
        }

        Fwi.Outcome status = Fwi.runWith(work, env(), "daemon", "status");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("2 runs served"), status.out());
        Fwi.Outcome plugins = Fwi.runWith(work, env(), "run", "case/pipeline.yaml", "--out", "plugins", "--plugins", "case",
                "--quiet");
        assertEquals(0, plugins.exit(), plugins.err());
        assertServed(work.resolve("plugins"), "fresh", 0);

        // other JVM options: never served by a daemon started without them; one started with them takes its place
        ProcessHandle daemon = daemons().get(0);
        Fwi.Outcome other = Fwi.runWith(work, Map.of("SEICHE_DAEMON_DIR", daemonDir().toString(), "SEICHE_JAVA_OPTS",
                "-Dseiche.warmup=false"), "run", "case/pipeline.yaml", "--out", "other", "--quiet");
        assertEquals(0, other.exit(), other.err());
        assertServed(work.resolve("other"), "daemon", 1);
        daemon.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
        assertFalse(daemon.isAlive(), "the daemon of other settings stopped");
        assertTrue(daemons().get(0).info().commandLine().orElseThrow().contains("-Dseiche.warmup=false"), "the new one has them");
        assertArrayEquals(Files.readAllBytes(work.resolve("fresh/gradient_v.npy")),
                Files.readAllBytes(work.resolve("other/gradient_v.npy")), "without the warm-up");
    }

    /**
     * Between runs the daemon keeps the memory its runs grew (the next run's stored steps land
     * on pages already faulted in), up to SEICHE_DAEMON_KEEP percent of the machine: at 0 it
     * gives it back after each run, and a value outside 0-100 is refused in one line. A
     * gradient storing about 0.8 GB is served under both, with the same result.
     */
    @Test
    void theHeapARunGrewIsKeptForTheNextRunUpToAShareOfTheMachine() throws IOException, InterruptedException {
        Path work = tmp.resolve("keep");
        Files.createDirectories(work);
        Fwi.write(work.resolve("pipeline.yaml"), new ScalarGradient(new int[] {400, 400}, "pml_width: 20", 0.001, 1000,
                new int[] {200, 200}, 1, new int[] {10, 200}, new int[] {0, 1}).yaml());
        Fwi.Outcome kept = Fwi.runWith(work, env(), "run", "pipeline.yaml", "--out", "kept", "--quiet");
        assertEquals(0, kept.exit(), kept.err());
        assertServed(work.resolve("kept"), "daemon", 1);
        assertTrue(residentMb(work, env()) > 800, "the stored steps' heap is kept");
        stopTheDaemon();

        Map<String, String> none = Map.of("SEICHE_DAEMON_DIR", daemonDir().toString(), "SEICHE_DAEMON_KEEP", "0");
        Fwi.Outcome given = Fwi.runWith(work, none, "run", "pipeline.yaml", "--out", "given", "--quiet");
        assertEquals(0, given.exit(), given.err());
        assertServed(work.resolve("given"), "daemon", 1);
        // G1 gives the heap back to the system in the background: wait for it
        long resident = Long.MAX_VALUE;
        for (int i = 0; i < 100 && resident > 600; i++) {
            Thread.sleep(100);
            resident = residentMb(work, none);
        }
        assertTrue(resident <= 600, "given back: " + resident + " MB resident");
        assertArrayEquals(Files.readAllBytes(work.resolve("kept/gradient_v.npy")),
                Files.readAllBytes(work.resolve("given/gradient_v.npy")), "the same gradient");

        Fwi.Outcome wrong = Fwi.runWith(work, Map.of("SEICHE_DAEMON_DIR", daemonDir().toString(), "SEICHE_DAEMON_KEEP",
                "150"), "run", "pipeline.yaml", "--out", "wrong", "--quiet");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("SEICHE_DAEMON_KEEP"), wrong.err());
    }

    /** The daemon's resident memory in MB, as ./fwi daemon status says it. */
    private static long residentMb(Path work, Map<String, String> env) {
        Fwi.Outcome status = Fwi.runWith(work, env, "daemon", "status");
        assertEquals(0, status.exit(), status.err());
        Matcher m = Pattern.compile("resident (\\d+) MB").matcher(status.out());
        assertTrue(m.find(), status.out());
        return Long.parseLong(m.group(1));
    }

    /** Errors are the fresh JVM's: one line on the client's stderr, its exit status, nothing on stdout. */
    @Test
    void aServedRunsErrorReachesItsClient() throws IOException {
        Fwi.write(tmp.resolve("pipeline.yaml"), GRADIENT.formatted(""));
        Fwi.Outcome start = Fwi.runWith(tmp, env(), "run", "pipeline.yaml", "--out", "out", "--quiet");
        assertEquals(0, start.exit(), start.err());
        Fwi.Outcome missing = Fwi.runWith(tmp, env(), "run", "nowhere.yaml");
        assertEquals(1, missing.exit());
        Fwi.assertOneLineError(missing, "error: " + tmp.resolve("nowhere.yaml") + ": no such pipeline file");
        assertEquals("", missing.out());
        Fwi.Outcome fresh = Fwi.runWith(tmp, Map.of("SEICHE_DAEMON", "off"), "run", "nowhere.yaml");
        assertEquals(missing.err(), fresh.err());
        assertEquals(1, fresh.exit());
    }

    /** A bundle changed since the daemon started: it does not serve, it stops, and a new daemon serves the run. */
    @Test
    void aDaemonWhoseBundlesChangedDoesNotServe() throws IOException, InterruptedException {
        Fwi.write(tmp.resolve("pipeline.yaml"), GRADIENT.formatted(""));
        Fwi.Outcome first = Fwi.runWith(tmp, env(), "run", "pipeline.yaml", "--out", "first", "--quiet");
        assertEquals(0, first.exit(), first.err());
        List<ProcessHandle> before = daemons();
        assertEquals(1, before.size(), "one daemon");
        Path bundle;
        try (Stream<Path> s = Files.list(Main.bundles(Fwi.HOME))) {
            bundle = s.filter(p -> p.toString().endsWith(".jar")).sorted().findFirst().orElseThrow();
        }
        FileTime was = Files.getLastModifiedTime(bundle);
        try {
            Files.setLastModifiedTime(bundle, FileTime.fromMillis(System.currentTimeMillis()));
            Fwi.Outcome next = Fwi.runWith(tmp, env(), "run", "pipeline.yaml", "--out", "next", "--quiet");
            assertEquals(0, next.exit(), next.err());
            assertServed(tmp.resolve("next"), "daemon", 1);
            before.get(0).onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
            assertFalse(before.get(0).isAlive(), "the old daemon stopped");
        } finally {
            Files.setLastModifiedTime(bundle, was);
        }
    }

    /**
     * While the daemon runs one pipeline, another goes to a fresh JVM; a client killed mid-run
     * stops the daemon at once (no output of that run appears, the next run is served by a new
     * daemon).
     */
    @Test
    void aBusyDaemonSendsRunsToAFreshJvmAndAKilledClientStopsIt() throws IOException, InterruptedException {
        Fwi.write(tmp.resolve("pipeline.yaml"), GRADIENT.formatted(""));
        Fwi.write(tmp.resolve("long.yaml"), LONG);
        Fwi.Outcome start = Fwi.runWith(tmp, env(), "run", "pipeline.yaml", "--out", "start", "--quiet");
        assertEquals(0, start.exit(), start.err());
        ProcessHandle daemon = daemons().get(0);

        Process p = Fwi.start(tmp, tmp.resolve("long.log"), env(), "run", "long.yaml", "--out", "long", "--quiet");
        awaitStoredSteps(p);
        Fwi.Outcome busy = Fwi.runWith(tmp, env(), "run", "pipeline.yaml", "--out", "busy", "--quiet");
        assertEquals(0, busy.exit(), busy.err());
        assertServed(tmp.resolve("busy"), "fresh", 0);
        assertEquals(0, p.waitFor(), Files.readString(tmp.resolve("long.log")));
        assertServed(tmp.resolve("long"), "daemon", 2);

        p = Fwi.start(tmp, tmp.resolve("killed.log"), env(), "run", "long.yaml", "--out", "killed", "--quiet");
        awaitStoredSteps(p);
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
        daemon.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
        assertFalse(daemon.isAlive(), "the daemon stopped with its client");
        assertFalse(Files.exists(tmp.resolve("killed")), "no output of the killed run");
        assertFalse(Files.exists(daemonDir().resolve("daemon.sock")), "nothing listens");

        Fwi.write(tmp.resolve("disk.yaml"), GRADIENT.formatted(", storage: {mode: disk, directory: steps}"));
        Fwi.Outcome next = Fwi.runWith(tmp, env(), "run", "disk.yaml", "--out", "next", "--quiet");
        assertEquals(0, next.exit(), next.err());
        assertServed(tmp.resolve("next"), "daemon", 1);
        try (Stream<Path> left = Files.list(tmp.resolve("steps"))) {
            assertEquals(List.of(), left.toList(), "the next disk run removed the killed run's stored steps");
        }
    }

    /** Waits until the run has begun storing its forward steps (it is mid-run). */
    private void awaitStoredSteps(Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        Path steps = tmp.resolve("steps");
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.isDirectory(steps)) {
                try (Stream<Path> s = Files.list(steps)) {
                    if (s.findAny().isPresent()) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the long run stored no steps");
    }

    private static void assertServed(Path out, String by, int run) throws IOException {
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"served_by\" : \"" + by + "\""), by + " in " + summary);
        Matcher m = Pattern.compile("\"daemon_runs\" : (\\d+)").matcher(summary);
        assertEquals(run, m.find() ? Integer.parseInt(m.group(1)) : 0, summary);
    }

    /** The daemons of this test's folder. */
    private List<ProcessHandle> daemons() {
        String dir = daemonDir().toString();
        return ProcessHandle.allProcesses().filter(h -> h.info().commandLine()
                .map(c -> c.contains("org.seiche.launcher.Daemon ") && c.endsWith(dir)).orElse(false)).toList();
    }

    private void awaitNoDaemon() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!daemons().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), daemons(), "no daemon left running");
    }
}
