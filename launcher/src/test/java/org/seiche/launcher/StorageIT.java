package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.io.Npy;

/**
 * propagator.storage through ./fwi on the scalar_quick (and born_small, elastic_small, elastic_1d, elastic_3d_small, acoustic_*) reference cases: disk and
 * checkpointing give memory mode's gradient to the bit, compression within Deepwave's own
 * error at a half (bf16) or about a quarter (int8) of the memory, and a disk run killed
 * mid-adjoint leaves files that the next run removes.
 */
class StorageIT {
    private static final Path CASES = Path.of("src/test/resources/reference").toAbsolutePath();

    @TempDir
    Path tmp;

    /** Runs scalar_quick with the storage given into out/name; its outcome. */
    private Fwi.Outcome run(String name, String storage) throws IOException {
        return run("scalar_quick", "propagator: {name: scalar, accuracy: 4, pml_width: 20, pml_freq: 25.0", name, storage);
    }

    /** Runs a reference case whose propagator line starts so with the storage given into out/name. */
    private Fwi.Outcome run(String reference, String propagator, String name, String storage) throws IOException {
        return runWith(Map.of(), reference, propagator, name, storage);
    }

    /** As {@link #run(String, String, String, String)} with these environment variables. */
    private Fwi.Outcome runWith(Map<String, String> env, String reference, String propagator, String name, String storage)
            throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(CASES.resolve(reference))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        String yaml = Files.readString(dir.resolve("pipeline.yaml"));
        assertTrue(yaml.contains(propagator + "}"), yaml);
        Files.writeString(dir.resolve("pipeline.yaml"), yaml.replace(propagator + "}", propagator + storage + "}"));
        return Fwi.runWith(dir, env, "run", "pipeline.yaml", "--out", "out", "--quiet");
    }

    private double[] gradient(String name) {
        return gradient(name, "v");
    }

    private double[] gradient(String name, String parameter) {
        return Npy.read(tmp.resolve(name).resolve("out/gradient_" + parameter + ".npy")).data();
    }

    /** The Born reference case's gradients (scatter and background velocity) in every mode. */
    @Test
    void bornGivesMemoryModesGradientsInEveryMode() throws IOException {
        String born = "propagator: {name: born, accuracy: 4, pml_width: 20, pml_freq: 20.0";
        assertEquals(0, run("born_small", born, "born-memory", "").exit());
        Fwi.Outcome disk = run("born_small", born, "born-disk", ", storage: {mode: disk}");
        assertEquals(0, disk.exit(), disk.err());
        Fwi.Outcome checkpoint = run("born_small", born, "born-checkpoint", ", storage: {mode: checkpoint, memory: 20 MB}");
        assertEquals(0, checkpoint.exit(), checkpoint.err());
        assertTrue(summary("born-checkpoint").contains("\"mode\" : \"checkpoint\""), summary("born-checkpoint"));
        for (String p : new String[] {"scatter", "v"}) {
            assertArrayEquals(gradient("born-memory", p), gradient("born-disk", p), "disk " + p);
            assertArrayEquals(gradient("born-memory", p), gradient("born-checkpoint", p), "checkpoint " + p);
        }
    }

    /**
     * The elastic reference case's gradients (vp, vs, rho): disk and checkpointing give memory
     * mode's to the bit, int8 compression approximates them; a budget alone that memory mode
     * exceeds picks checkpointing and says so on stderr and in summary.json; a checkpoint
     * budget that holds not one snapshot is refused in one line before compute.
     */
    @Test
    void elasticGivesMemoryModesGradientsInEveryMode() throws IOException {
        String elastic = "propagator: {name: elastic, accuracy: 4, pml_width: 20, pml_freq: 20.0";
        assertEquals(0, run("elastic_small", elastic, "elastic-memory", "").exit());
        Path steps = tmp.resolve("elastic-steps");
        Fwi.Outcome disk = run("elastic_small", elastic, "elastic-disk", ", storage: {mode: disk, directory: " + steps + "}");
        assertEquals(0, disk.exit(), disk.err());
        assertTrue(summary("elastic-disk").contains("\"mode\" : \"disk\""), summary("elastic-disk"));
        try (Stream<Path> left = Files.list(steps)) {
            assertEquals(List.of(), left.toList(), "no stored steps left on disk");
        }
        Fwi.Outcome int8 = run("elastic_small", elastic, "elastic-int8", ", storage: {mode: memory, compression: int8}");
        assertEquals(0, int8.exit(), int8.err());
        Fwi.Outcome checkpoint = run("elastic_small", elastic, "elastic-checkpoint", ", storage: {mode: checkpoint, memory: 20 MB}");
        assertEquals(0, checkpoint.exit(), checkpoint.err());
        assertTrue(summary("elastic-checkpoint").contains("\"mode\" : \"checkpoint\""), summary("elastic-checkpoint"));
        Fwi.Outcome budget = run("elastic_small", elastic, "elastic-budget", ", storage: {memory: 20 MB}");
        assertEquals(0, budget.exit(), budget.err());
        assertTrue(budget.err().contains("storage: checkpoint ("), budget.err());
        assertTrue(summary("elastic-budget").contains("\"mode\" : \"checkpoint\""), summary("elastic-budget"));
        assertTrue(number("elastic-budget", "memory_estimate_bytes") < number("elastic-memory", "memory_estimate_bytes") / 2,
                "checkpointing plans less memory");
        for (String p : new String[] {"vp", "vs", "rho"}) {
            double[] exact = gradient("elastic-memory", p);
            assertArrayEquals(exact, gradient("elastic-disk", p), "disk " + p);
            assertArrayEquals(exact, gradient("elastic-checkpoint", p), "checkpoint " + p);
            assertArrayEquals(exact, gradient("elastic-budget", p), "budget " + p);
            double e = ReferenceCasesIT.relativeL2(gradient("elastic-int8", p), exact);
            System.out.printf("elastic_small int8 %s: rel-L2 %.2e from the exact gradient%n", p, e);
            assertTrue(e > 0 && e < 0.01, "int8 " + p + ": " + e);
        }
        Fwi.Outcome tooSmall = run("elastic_small", elastic, "elastic-too-small", ", storage: {mode: checkpoint, memory: 1 MB}");
        assertEquals(1, tooSmall.exit());
        assertTrue(tooSmall.err().contains("propagator.storage.memory: checkpointing needs at least "), tooSmall.err());
        assertFalse(Files.exists(tmp.resolve("elastic-too-small/out/summary.json")), "refused before compute");
    }

    /** The 1-D and 3-D elastic reference cases: disk (1-D) and checkpointing give memory mode's gradients to the bit. */
    @Test
    void elasticOneAndThreeDimensionsGiveMemoryModesGradients() throws IOException {
        String line = "propagator: {name: elastic, accuracy: 4, pml_width: [20, 20], pml_freq: 20.0";
        assertEquals(0, run("elastic_1d", line, "line-memory", "").exit());
        Fwi.Outcome disk = run("elastic_1d", line, "line-disk", ", storage: {mode: disk}");
        assertEquals(0, disk.exit(), disk.err());
        Fwi.Outcome checkpoint = run("elastic_1d", line, "line-checkpoint", ", storage: {mode: checkpoint, memory: 100 KB}");
        assertEquals(0, checkpoint.exit(), checkpoint.err());
        for (String p : new String[] {"vp", "rho"}) {
            assertArrayEquals(gradient("line-memory", p), gradient("line-disk", p), "1-D disk " + p);
            assertArrayEquals(gradient("line-memory", p), gradient("line-checkpoint", p), "1-D checkpoint " + p);
        }
        String cube = "propagator: {name: elastic, accuracy: 4, pml_width: 10, pml_freq: 20.0";
        assertEquals(0, run("elastic_3d_small", cube, "cube-memory", "").exit());
        Fwi.Outcome cubeCheckpoint = run("elastic_3d_small", cube, "cube-checkpoint",
                ", storage: {mode: checkpoint, memory: 200 MB}");
        assertEquals(0, cubeCheckpoint.exit(), cubeCheckpoint.err());
        assertTrue(number("cube-checkpoint", "memory_estimate_bytes") < number("cube-memory", "memory_estimate_bytes") / 2,
                "checkpointing plans less memory");
        for (String p : new String[] {"vp", "vs", "rho"}) {
            assertArrayEquals(gradient("cube-memory", p), gradient("cube-checkpoint", p), "3-D checkpoint " + p);
        }
    }

    /**
     * The acoustic reference cases' gradients (v and rho) in 1-, 2- and 3-D (float64 in 1-D,
     * float32 else): disk and checkpointing give memory mode's to the bit, leaving no file; a
     * budget alone chooses checkpointing and says so; int8 compression approximates them.
     */
    @Test
    void acousticGivesMemoryModesGradientsInEveryMode() throws IOException {
        String[][] cases = {
            {"acoustic_1d", "propagator: {name: acoustic, accuracy: 6, pml_width: 20, pml_freq: 20.0", "1 MB"},
            {"acoustic_2d_small", "propagator: {name: acoustic, accuracy: 4, pml_width: 20, pml_freq: 25.0", "5 MB"},
            {"acoustic_3d_small", "propagator: {name: acoustic, accuracy: 4, pml_width: 8, pml_freq: 25.0", "60 MB"}};
        for (String[] c : cases) {
            String name = c[0];
            assertEquals(0, run(name, c[1], name + "-memory", "").exit());
            Path steps = tmp.resolve(name + "-steps");
            Fwi.Outcome disk = run(name, c[1], name + "-disk", ", storage: {mode: disk, directory: " + steps + "}");
            assertEquals(0, disk.exit(), disk.err());
            assertTrue(summary(name + "-disk").contains("\"mode\" : \"disk\""), summary(name + "-disk"));
            try (Stream<Path> left = Files.list(steps)) {
                assertEquals(List.of(), left.toList(), name + ": no stored steps left on disk");
            }
            Fwi.Outcome budget = run(name, c[1], name + "-budget", ", storage: {memory: " + c[2] + "}");
            assertEquals(0, budget.exit(), budget.err());
            assertTrue(budget.err().contains("storage: checkpoint ("), name + ": " + budget.err());
            assertTrue(summary(name + "-budget").contains("\"mode\" : \"checkpoint\""), summary(name + "-budget"));
            assertTrue(number(name + "-budget", "recomputed_steps") > 0, name);
            assertTrue(number(name + "-budget", "memory_estimate_bytes") < number(name + "-memory", "memory_estimate_bytes"),
                    name + ": checkpointing plans less memory");
            Fwi.Outcome int8 = run(name, c[1], name + "-int8", ", storage: {mode: memory, compression: int8}");
            assertEquals(0, int8.exit(), int8.err());
            for (String p : new String[] {"v", "rho"}) {
                double[] exact = gradient(name + "-memory", p);
                assertArrayEquals(exact, gradient(name + "-disk", p), name + " disk " + p);
                assertArrayEquals(exact, gradient(name + "-budget", p), name + " checkpoint " + p);
                double rel = ReferenceCasesIT.relativeL2(gradient(name + "-int8", p), exact);
                System.out.printf("%s int8 %s: rel-L2 %.2e from the exact gradient%n", name, p, rel);
                assertTrue(rel > 0 && rel < 0.02, name + " int8 " + p + ": " + rel);
            }
        }
    }

    /**
     * The acoustic memory plan: acoustic_3d_small's gradient (0.61 GB in memory mode) is
     * refused before compute on a 200 MB heap, in one line naming propagator.storage among
     * the keys; a budget alone then picks checkpointing, and the run fits that heap.
     */
    @Test
    void anAcousticRunThatCannotFitIsRefusedAndABudgetMakesItFit() throws IOException {
        String acoustic = "propagator: {name: acoustic, accuracy: 4, pml_width: 8, pml_freq: 25.0";
        Map<String, String> small = Map.of("SEICHE_JAVA_OPTS", "-Xmx200m");
        Fwi.Outcome refused = runWith(small, "acoustic_3d_small", acoustic, "acoustic-refused", "");
        assertEquals(1, refused.exit(), refused.err());
        String err = refused.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        for (String s : new String[] {"memory: the run needs about", "the Java heap holds at most", "propagator.storage",
            "shots_per_batch"}) {
            assertTrue(err.contains(s), s + " in " + err);
        }
        assertFalse(Files.exists(tmp.resolve("acoustic-refused/out/summary.json")), "nothing written");
        Fwi.Outcome fits = runWith(small, "acoustic_3d_small", acoustic, "acoustic-fits", ", storage: {memory: 60 MB}");
        assertEquals(0, fits.exit(), fits.err());
        assertTrue(fits.err().contains("storage: checkpoint ("), fits.err());
        assertTrue(number("acoustic-fits", "memory_estimate_bytes") < 100_000_000L, summary("acoustic-fits"));
        assertTrue(number("acoustic-fits", "peak_memory_bytes") < 100_000_000L, summary("acoustic-fits"));
    }

    private long number(String name, String key) throws IOException {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(Files.readString(tmp.resolve(name)
                .resolve("out/summary.json")));
        assertTrue(m.find(), key);
        return Long.parseLong(m.group(1));
    }

    private String summary(String name) throws IOException {
        return Files.readString(tmp.resolve(name).resolve("out/summary.json"));
    }

    @Test
    void everyModeRunsThroughFwiAndGivesMemoryModesGradient() throws IOException {
        assertEquals(0, run("memory", "").exit());
        assertTrue(summary("memory").contains("\"mode\" : \"memory\""), summary("memory"));
        Path steps = tmp.resolve("steps");
        Fwi.Outcome disk = run("disk", ", storage: {mode: disk, directory: " + steps + "}");
        assertEquals(0, disk.exit(), disk.err());
        assertArrayEquals(gradient("memory"), gradient("disk"), "disk");
        try (Stream<Path> left = Files.list(steps)) {
            assertEquals(List.of(), left.toList(), "no stored steps left on disk");
        }
        Fwi.Outcome budget = run("budget", ", storage: {memory: 20 MB}");
        assertEquals(0, budget.exit(), budget.err());
        assertTrue(budget.err().contains("storage: checkpoint ("), budget.err());
        assertArrayEquals(gradient("memory"), gradient("budget"), "checkpoint");
        assertTrue(summary("budget").contains("\"mode\" : \"checkpoint\""), summary("budget"));
        assertTrue(number("budget", "memory_estimate_bytes") < number("memory", "memory_estimate_bytes") / 2,
                "checkpointing plans less memory");
    }

    /**
     * Deepwave's int8 compression of this case's stored wavefield: 6.9e-3 rel-L2 from the
     * exact gradient at 4.2 MiB instead of 15.8 MiB. Seiche's error is no larger, its
     * memory per shot (stored steps and fields) falls about 2x (bf16) and 3.5x (int8).
     */
    @Test
    void compressionStaysWithinDeepwavesErrorAtAFractionOfTheMemory() throws IOException {
        assertEquals(0, run("exact", "").exit());
        double[] exact = gradient("exact");
        long exactBytes = number("exact", "memory_per_shot_bytes");
        for (String c : new String[] {"bf16", "int8"}) {
            for (String mode : new String[] {"memory", "disk"}) {
                String name = c + "-" + mode;
                Fwi.Outcome o = run(name, ", storage: {mode: " + mode + ", compression: " + c + "}");
                assertEquals(0, o.exit(), o.err());
                double rel = ReferenceCasesIT.relativeL2(gradient(name), exact);
                System.out.printf("scalar_quick %s %s: rel-L2 %.2e from the exact gradient, memory per shot %d B (exact %d B)%n",
                        c, mode, rel, number(name, "memory_per_shot_bytes"), exactBytes);
                assertTrue(rel > 0 && rel <= (c.equals("bf16") ? 2e-3 : 6.9e-3), name + ": rel-L2 " + rel);
                if (mode.equals("memory")) {
                    double ratio = (double) exactBytes / number(name, "memory_per_shot_bytes");
                    assertTrue(ratio >= (c.equals("bf16") ? 1.9 : 3.4), name + ": memory falls " + ratio + "x");
                }
            }
        }
    }

    /**
     * A disk run (a 400 x 400 grid, 3000 steps, every tenth stored: seconds of adjoint) killed
     * once its forward run has written every step (in its adjoint) leaves
     * its file; the next disk run in that folder removes it and leaves nothing.
     */
    @Test
    void aDiskRunKilledMidAdjointLeavesNoFileAfterTheNextRun() throws IOException, InterruptedException {
        Path steps = tmp.resolve("steps");
        Files.createDirectories(steps);
        Path dir = tmp.resolve("killed");
        Files.createDirectories(dir);
        Fwi.write(dir.resolve("pipeline.yaml"), ScalarGradient.longOnDisk(steps.toString()).yaml());
        Process p = Fwi.start(dir, dir.resolve("log.txt"), "run", "pipeline.yaml", "--out", "out", "--quiet");
        // the forward run has written every step when the file has stopped growing; polled often and the
        // adjoint made long (6000 steps) so that a loaded machine still catches it before the run ends
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        Path file = null;
        long size = -1;
        int still = 0;
        while (p.isAlive() && System.nanoTime() < deadline && still < 5) {
            try (Stream<Path> s = Files.list(steps)) {
                file = s.findFirst().orElse(null);
            }
            long now = file != null && Files.exists(file) ? Files.size(file) : -1;
            still = now > 0 && now == size ? still + 1 : 0;
            size = now;
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the run ended before its adjoint was caught: " + Files.readString(dir.resolve("log.txt")));
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        for (ProcessHandle h : tree) {
            h.onExit().join();
        }
        p.waitFor();
        assertTrue(file != null && Files.exists(file), "a killed run leaves its stored steps");
        assertFalse(Files.exists(dir.resolve("out/summary.json")), "the run was killed before it finished");
        // a served run's process is the daemon, which halts once its client is gone: the next run
        // removes the files of processes that have ended, so wait for the writer's end
        long writer = Long.parseLong(file.getFileName().toString().split("-")[2]);
        ProcessHandle.of(writer).ifPresent(h -> h.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).join());

        Fwi.Outcome next = run("next", ", storage: {mode: disk, directory: " + steps + "}");
        assertEquals(0, next.exit(), next.err());
        try (Stream<Path> left = Files.list(steps)) {
            assertEquals(List.of(), left.toList(), "the next run removed the killed run's file and its own");
        }
    }
}
