package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.io.Npy;

/**
 * Shots on a Hazelcast cluster of ./fwi member processes on loopback: the gradient equals
 * the one-process gradient to the bit, also when a member is killed mid-gradient; a member
 * with another secret refuses the work and says so; a member with other bundles is refused
 * at join, the difference named; an inversion over members survives its coordinator killed
 * and resumed. Ports are chosen free here; every process is stopped here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final String SECRET = "loopback-test-secret";
    private static final String CLUSTER = "it-cluster";

    @TempDir
    static Path tmp;

    private static final List<Process> started = new ArrayList<>();
    /** The three members every test but the refusal ones works with, by port. */
    private static final List<Integer> ports = new ArrayList<>();
    private static final List<Process> members = new ArrayList<>();

    private static final String BASE = """
            precision: float64
            device: cpu
            model:
              spacing: 5.0
              parameters:
                v: {synthetic: {shape: [80, 120], layers: [{top: 0, value: 1500}, {top: 200, value: 1800}]}}
            propagator: {name: scalar, accuracy: 4, pml_width: 8}
            survey:
              dt: 0.001
              nt: 400
              sources:
                locations: {regular: {shots: 12, first: [2, 4], shot_step: [0, 10]}}
                wavelet: {type: ricker, freq: 25.0}
              receivers:
                locations: {regular: {shots: 12, per_shot: 40, first: [2, 0], step: [0, 3]}}
            """;

    private static final String GRADIENT = """
            extends: base.yaml
            task: gradient
            model:
              parameters:
                v: {smooth: 30}
            observed: {file: truth/receiver_data.npy}
            gradient_wrt: [v]
            shots_per_batch: 1
            """;

    @BeforeAll
    static void dataAndThreeMembers() throws IOException, InterruptedException {
        Files.writeString(tmp.resolve("base.yaml"), BASE);
        Files.writeString(tmp.resolve("truth.yaml"), "extends: base.yaml\ntask: forward\noutput: truth\n");
        Files.writeString(tmp.resolve("gradient.yaml"), GRADIENT);
        for (int i = 0; i < 3; i++) {
            ports.add(freePort());
        }
        for (int i = 0; i < 3; i++) {
            members.add(member("m" + i, CLUSTER, SECRET, ports.get(i), ports, null));
        }
        Fwi.Outcome truth = Fwi.runIn(tmp, "run", "truth.yaml", "--quiet");
        assertEquals(0, truth.exit(), truth.err());
        Fwi.Outcome local = Fwi.runIn(tmp, "run", "gradient.yaml", "--out", "local", "--quiet");
        assertEquals(0, local.exit(), local.err());
        for (int i = 0; i < 3; i++) {
            awaitLine(tmp.resolve("m" + i + ".log"), "ready", members.get(i));
        }
    }

    @AfterAll
    static void stopEveryProcess() {
        for (Process p : started) {
            stop(p);
        }
    }

    private static void stop(Process p) {
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        tree.forEach(h -> h.onExit().join());
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String joinList(List<Integer> list) {
        return String.join(",", list.stream().map(p -> "127.0.0.1:" + p).toList());
    }

    /** Starts ./fwi member (one thread) with this secret; plugins: a folder of extra bundles, or null. */
    private static Process member(String name, String cluster, String secret, int port, List<Integer> join, Path plugins)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Fwi.HOME.resolve("fwi").toString(), "member", "--cluster", cluster,
                "--bind", "127.0.0.1:" + port, "--join", joinList(join), "--threads", "1"));
        if (plugins != null) {
            cmd.addAll(List.of("--plugins", plugins.toString()));
        }
        return start(cmd, Map.of("SEICHE_CLUSTER_SECRET", secret), tmp.resolve(name + ".log"));
    }

    private static Process start(List<String> cmd, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Fwi.environment(pb.environment());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static void awaitLine(Path log, String text, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                fail(log.getFileName() + " ended before saying '" + text + "': " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        fail(log.getFileName() + " did not say '" + text + "' within 90 s: " + Files.readString(log));
    }

    private static Fwi.Outcome coordinator(String pipeline, String out, String secret, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", pipeline, "--out", out, "--quiet"));
        args.addAll(List.of(extra));
        return Fwi.runWith(tmp, Map.of("SEICHE_CLUSTER_SECRET", secret), args.toArray(String[]::new));
    }

    private static void writeExecutor(String file, String base, String cluster, List<Integer> join, boolean local, String more)
            throws IOException {
        Files.writeString(tmp.resolve(file), base + "executor: {name: hazelcast, cluster: " + cluster + ", join: ["
                + String.join(", ", join.stream().map(p -> "\"127.0.0.1:" + p + "\"").toList()) + "], local: " + local + more + "}\n");
    }

    private static double[] array(String dir, String name) {
        return Npy.read(tmp.resolve(dir).resolve(name + ".npy")).data();
    }

    @Test
    @Order(1)
    void aGradientOnThreeMembersIsTheOneProcessGradientToTheBit() throws IOException {
        writeExecutor("three.yaml", GRADIENT, CLUSTER, ports, true, "");
        Fwi.Outcome o = coordinator("three.yaml", "three", SECRET);
        assertEquals(0, o.exit(), o.err());
        assertArrayEquals(array("local", "gradient_v"), array("three", "gradient_v"), "gradient");
        assertArrayEquals(array("local", "receiver_data"), array("three", "receiver_data"), "receiver data");
        String summary = Files.readString(tmp.resolve("three/summary.json"));
        assertTrue(summary.contains("\"executor\" : \"hazelcast\""), summary);
        assertEquals(Files.readString(tmp.resolve("local/summary.json")).replaceAll("(?s).*\"loss\" : ([^,]*),.*", "$1"),
                summary.replaceAll("(?s).*\"loss\" : ([^,]*),.*", "$1"), "the loss to the last digit");
        // every shot was run by someone, and members did run shots
        int shots = 0;
        int onMembers = 0;
        var m = java.util.regex.Pattern.compile("\"(127\\.0\\.0\\.1:\\d+|local)\" : \\{[^}]*\"shots\" : (\\d+)").matcher(summary);
        while (m.find()) {
            shots += Integer.parseInt(m.group(2));
            onMembers += m.group(1).equals("local") ? 0 : Integer.parseInt(m.group(2));
        }
        assertEquals(12, shots, summary);
        assertTrue(onMembers > 0, "members ran shots: " + summary);
    }

    @Test
    @Order(2)
    void aMemberWithAnotherSecretRefusesTheWorkAndSaysSo() throws IOException, InterruptedException {
        int port = freePort();
        Process wrong = member("wrong", "it-wrong-secret", "not-the-secret", port, List.of(port), null);
        awaitLine(tmp.resolve("wrong.log"), "ready", wrong);
        writeExecutor("wrong.yaml", GRADIENT, "it-wrong-secret", List.of(port), false, "");
        Fwi.Outcome o = coordinator("wrong.yaml", "wrong-out", SECRET);
        assertNotEquals(0, o.exit());
        Fwi.assertOneLineError(o, "no member of cluster it-wrong-secret accepts the work", "holds another cluster secret");
        assertTrue(Files.readString(tmp.resolve("wrong.log")).contains("refused a task from"),
                "the member logs the refusal: " + Files.readString(tmp.resolve("wrong.log")));
        assertFalse(Files.exists(tmp.resolve("wrong-out/gradient_v.npy")), "no shot ran anywhere else");
        stop(wrong);
    }

    @Test
    @Order(3)
    void aMemberWithOtherBundlesIsRefusedAtJoinTheDifferenceNamed() throws IOException, InterruptedException {
        Path plugins = Files.createDirectories(tmp.resolve("extra-plugins"));
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", "seiche.test.extra");
        mf.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        try (OutputStream out = Files.newOutputStream(plugins.resolve("extra.jar")); JarOutputStream jar = new JarOutputStream(out, mf)) {
            jar.flush();
        }
        int odd = freePort();
        int plain = freePort();
        Process other = member("other", "it-mismatch", SECRET, odd, List.of(odd), plugins);
        awaitLine(tmp.resolve("other.log"), "ready", other);
        // the coordinator does not use it
        writeExecutor("mismatch.yaml", GRADIENT, "it-mismatch", List.of(odd), false, "");
        Fwi.Outcome o = coordinator("mismatch.yaml", "mismatch-out", SECRET);
        assertNotEquals(0, o.exit());
        Fwi.assertOneLineError(o, "member 127.0.0.1:" + odd + " runs other bundles: bundle seiche.test.extra 1.0.0 is on member"
                + " 127.0.0.1:" + odd + " but not on coordinator");
        // a member with the usual bundles refuses to join it
        Process usual = member("usual", "it-mismatch", SECRET, plain, List.of(odd), null);
        assertTrue(usual.waitFor(90, TimeUnit.SECONDS), "the refused member ends");
        assertEquals(1, usual.exitValue());
        String log = Files.readString(tmp.resolve("usual.log"));
        assertTrue(log.contains("error: member 127.0.0.1:" + plain + " refused to join cluster it-mismatch: member 127.0.0.1:" + odd
                + " runs other bundles: bundle seiche.test.extra 1.0.0 is on member 127.0.0.1:" + odd + " but not on member 127.0.0.1:"
                + plain), log);
        stop(other);
    }

    @Test
    @Order(4)
    void aMemberKilledMidGradientLeavesTheGradientBitIdentical() throws IOException, InterruptedException {
        // members only, and a short reissue time: the killed member's batch runs elsewhere, by either path
        writeExecutor("kill.yaml", GRADIENT, CLUSTER, ports, false, ", reissue_after: 4 s");
        Path log = tmp.resolve("kill-coordinator.log");
        Process run = start(List.of(Fwi.HOME.resolve("fwi").toString(), "run", "kill.yaml", "--out", "kill", "--quiet"),
                Map.of("SEICHE_CLUSTER_SECRET", SECRET), log);
        // the first member to take this run's work is killed as soon as it has it (kill -9 of its JVM, a machine gone)
        List<Integer> before = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            before.add(workCount(i));
        }
        int victim = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (victim < 0 && run.isAlive() && System.nanoTime() < deadline) {
            for (int i = 0; i < members.size() && victim < 0; i++) {
                victim = workCount(i) > before.get(i) ? i : -1;
            }
            Thread.sleep(10);
        }
        assertTrue(victim >= 0 && run.isAlive(), "a member took work while the gradient ran: " + Files.readString(log));
        Process killed = members.get(victim);
        killed.descendants().forEach(ProcessHandle::destroyForcibly);
        killed.destroyForcibly();
        assertTrue(run.waitFor(180, TimeUnit.SECONDS), "the gradient ends");
        assertEquals(0, run.exitValue(), Files.readString(log));
        assertArrayEquals(array("local", "gradient_v"), array("kill", "gradient_v"), "gradient");
        String summary = Files.readString(tmp.resolve("kill/summary.json"));
        assertTrue(summary.contains("lost batch") || summary.contains("ran it too"), "the killed member's batch ran elsewhere: "
                + summary);
        ports.remove(victim);
        members.remove(victim);
    }

    /** How many pieces of work member i has taken so far, by its log. */
    private static int workCount(int i) throws IOException {
        return Files.readString(tmp.resolve("m" + i + ".log")).split("work from", -1).length - 1;
    }

    @Test
    @Order(5)
    void anInversionOverMembersResumesAfterItsCoordinatorIsKilled() throws IOException, InterruptedException {
        String inversion = """
                extends: base.yaml
                task: invert
                model:
                  parameters:
                    v: {smooth: 30}
                observed: {file: truth/receiver_data.npy}
                shots_per_batch: 2
                inversion:
                  parameters: [v]
                  iterations: 2
                  optimiser: {name: lbfgs}
                checkpoint: every 1
                """;
        Files.writeString(tmp.resolve("invert-local.yaml"), inversion);
        writeExecutor("invert.yaml", inversion, CLUSTER, ports, false, "");
        Fwi.Outcome whole = Fwi.runIn(tmp, "run", "invert-local.yaml", "--out", "whole", "--quiet");
        assertEquals(0, whole.exit(), whole.err());
        Path log = tmp.resolve("cut.log");
        Process run = start(List.of(Fwi.HOME.resolve("fwi").toString(), "run", "invert.yaml", "--out", "cut", "--quiet"),
                Map.of("SEICHE_CLUSTER_SECRET", SECRET), log);
        Path state = tmp.resolve("cut/checkpoint/state.bin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(state) && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(Files.exists(state), "a checkpoint: " + Files.readString(log));
        stop(run);
        assertFalse(Files.exists(tmp.resolve("cut/model_v.npy")), "killed before the end");
        Fwi.Outcome resumed = coordinator("invert.yaml", "cut", SECRET, "--resume");
        assertEquals(0, resumed.exit(), resumed.err());
        assertArrayEquals(array("whole", "model_v"), array("cut", "model_v"), "the model of the uninterrupted local run");
    }
}
