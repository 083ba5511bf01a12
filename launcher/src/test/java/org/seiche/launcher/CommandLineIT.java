package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fwi commands of CONTRACT.md, and bad input refused with one clear line. */
class CommandLineIT {
    @TempDir
    Path tmp;

    @Test
    void helpListsTheCommands() {
        Fwi.Outcome o = Fwi.run("--help");
        assertEquals(0, o.exit());
        assertTrue(o.out().contains("run"), o.out());
        assertTrue(o.out().contains("plugins"), o.out());
    }

    /** `segy info` summarises a file and refuses a truncated one in one line, exit 1. */
    @Test
    void segyInfoSummarisesAFileAndRefusesATruncatedOne() throws IOException {
        Path file = tmp.resolve("two.sgy");
        double[] receivers = {0, 0, 10, 0, 0, 20, 0, 0, 30, 0, 0, 40};
        org.seiche.segy.SegyWriter.write(file, org.seiche.api.NdArray.filled(1.5, 2, 2, 5), 0.001,
                new org.seiche.segy.Geometry(new int[] {3, 4}, new double[] {5, 0, 10, 5, 0, 30}, 2, receivers, null));
        Fwi.Outcome o = Fwi.run("segy", "info", file.toString());
        assertEquals(0, o.exit(), o.err());
        for (String line : new String[] {"traces:           4", "samples:          5", "sample interval:  1000 us",
            "receiver x:       10 to 40", "shots:            2 by field record, 2 by source position"}) {
            assertTrue(o.out().contains(line), line + " in " + o.out());
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        Fwi.Outcome bad = Fwi.run("segy", "info", file.toString());
        assertEquals(1, bad.exit());
        assertEquals("error: " + file + ": is " + (bytes.length - 7) + " bytes: trace 4 at byte " + (3600 + 3 * 260)
                + " is cut short (253 of 260 bytes = 240 + 5 samples of 4 bytes); the file is truncated or its sample count or"
                + " format is wrong", bad.err().strip());
    }

    /** The benchmark's command on a tiny case: a row per run, the yardstick beside it, Deepwave's figure scaled. */
    @Test
    void benchTimesARunBesideTheYardstick() {
        Fwi.Outcome o = Fwi.run("bench", "--propagator", "scalar", "--size", "30", "--steps", "20", "--shots", "1",
                "--repeats", "1", "--no-hessian", "--quiet");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().matches("(?s).*scalar\\s+1\\s+forward\\s+30\\^2\\s.*"), o.out());
        assertTrue(o.out().matches("(?s).*scalar\\s+1\\s+forward\\+gradient\\s+30\\^2\\s.*"), o.out());
        // the yardstick needs gcc with OpenMP; without them the bench says so and goes on
        assertTrue(o.out().contains("'dw now' = Deepwave x stencil now / stencil then") || o.out().contains("no yardstick: "), o.out());
        assertTrue(o.out().contains("recorded on this machine kind, not measured in this run"), o.out());
        Fwi.Outcome bare = Fwi.run("bench", "--propagator", "scalar", "--size", "30", "--steps", "20", "--shots", "1",
                "--repeats", "1", "--no-hessian", "--no-yardstick", "--quiet");
        assertEquals(0, bare.exit(), bare.err());
        assertTrue(bare.out().contains("Deepwave's figures are shown as recorded"), bare.out());
        assertTrue(bare.out().matches("(?s).*forward\\s+30\\^2(\\s+\\S+){3}\\s+-\\s.*"), bare.out());
    }

    /**
     * The cold bench on a perf folder of one tiny case: fresh ./fwi run processes, a row with
     * Seiche's median seconds and wall beside Deepwave's figure from the file; a missing
     * figures file or case is one line.
     */
    @Test
    void coldBenchRunsFreshProcessesOfTheCasesBesideTheFiguresFile() throws IOException {
        Path perf = tmp.resolve("perf");
        Files.createDirectories(perf.resolve("cases/tiny"));
        Files.writeString(perf.resolve("cases/tiny/pipeline.yaml"), GOOD);
        Files.writeString(perf.resolve("deepwave-figures.json"), """
                {"deepwave": "test", "measured": "never", "cases": {"tiny": {"seconds": 2.0, "process_wall_median": 4.0,
                 "mcell_updates": 0.045, "yardstick_cells": 60, "yardstick_threads": 1, "yardstick_mcells": 1000.0}}}
                """);
        Fwi.Outcome o = Fwi.run("bench", "--cold", "--figures", perf.resolve("deepwave-figures.json").toString(), "--cases", "tiny",
                "--repeats", "2", "--no-yardstick");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("recorded on this machine kind, not measured in this run"), o.out());
        // seiche s, dw s 2.000 as recorded (no yardstick), ratio, wall, dw wall 4.00, ratio, no stencil
        assertTrue(o.out().matches("(?s).*\\ntiny\\s+\\d+\\.\\d{3}\\s+2\\.000\\s+2\\.000\\s+\\d+\\.\\d\\d \\|\\s+\\d+\\.\\d\\d\\s+4\\.00"
                + "\\s+4\\.00\\s+\\d+\\.\\d\\d \\|\\s+-\\s.*"), o.out());
        assertOneLineError(Fwi.run("bench", "--cold", "--figures", perf.resolve("deepwave-figures.json").toString(), "--cases", "none"),
                "--cases", "no perf case 'none'");
        assertOneLineError(Fwi.run("bench", "--figures", tmp.resolve("absent.json").toString()), "--figures", "absent.json",
                "does not exist");
    }

    @Test
    void pluginsListsTheBuiltInServicesWithTheirBundles() {
        Fwi.Outcome o = Fwi.run("plugins");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().matches("(?s).*device\\s+cpu\\s+seiche-device-cpu.*"), o.out());
        assertTrue(o.out().matches("(?s).*loss\\s+mse\\s+seiche-losses.*"), o.out());
        assertTrue(o.out().matches("(?s).*executor\\s+local\\s+seiche-pipeline.*"), o.out());
        String[][] builtIn = {
            {"propagator", "scalar", "seiche-propagator-scalar"}, {"propagator", "born", "seiche-propagator-scalar"},
            {"propagator", "elastic", "seiche-propagator-elastic"}, {"device", "cuda", "seiche-device-cuda"},
            {"propagator", "acoustic", "seiche-propagator-acoustic"},
            {"loss", "l1", "seiche-losses"}, {"loss", "ncc", "seiche-losses"}, {"loss", "envelope", "seiche-losses"},
            {"loss", "traveltime", "seiche-losses"},
            {"mapping", "absolute", "seiche-mappings-basic"}, {"mapping", "relative", "seiche-mappings-basic"},
            {"mapping", "region-of-interest", "seiche-mappings-basic"}, {"mapping", "clip", "seiche-mappings-basic"},
            {"mapping", "bounds", "seiche-mappings-basic"}, {"mapping", "source-cutout", "seiche-mappings-cutout"},
            {"mapping", "receiver-cutout", "seiche-mappings-cutout"}, {"mapping", "smooth", "seiche-mappings-smoothing"},
            {"mapping", "smooth-model", "seiche-mappings-smoothing"},
            {"optimiser", "sgd", "seiche-optimisers-first-order"}, {"optimiser", "adam", "seiche-optimisers-first-order"},
            {"optimiser", "lbfgs", "seiche-optimisers-lbfgs"}, {"optimiser", "newton", "seiche-optimisers-newton"},
            {"optimiser", "truncated-newton", "seiche-optimisers-newton"},
            {"kernel", "scalar/cpu", "seiche-propagator-scalar"}, {"kernel", "born/cpu", "seiche-propagator-scalar"},
            {"kernel", "elastic/cpu", "seiche-propagator-elastic"}, {"kernel", "acoustic/cpu", "seiche-propagator-acoustic"},
            {"kernel", "scalar/cuda", "seiche-propagator-scalar-cuda"}, {"kernel", "born/cuda", "seiche-propagator-scalar-cuda"},
            {"kernel", "elastic/cuda", "seiche-propagator-elastic-cuda"}, {"kernel", "acoustic/cuda", "seiche-propagator-acoustic-cuda"},
        };
        for (String[] s : builtIn) {
            assertTrue(o.out().matches("(?s).*\\n" + s[0] + "\\s+" + s[1] + "\\s+" + s[2] + " .*"), s[1] + " in " + o.out());
        }
        assertTrue(o.out().matches("(?s).*\\npropagator\\s+elastic\\s+seiche-propagator-elastic \\S+\\s+kernels for: cpu, cuda\\n.*"),
                o.out());
        assertFalse(o.out().contains("FAILED"), o.out());
        assertTrue(o.err().isBlank(), "nothing on stderr: " + o.err());
    }

    @Test
    void aBundleThatCannotResolveIsReportedAndTheRestKeepsWorking() throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = plugins.resolve("broken.jar");
        java.util.jar.Manifest mf = new java.util.jar.Manifest();
        mf.getMainAttributes().putValue("Manifest-Version", "1.0");
        mf.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", "broken.plugin");
        mf.getMainAttributes().putValue("Import-Package", "org.nowhere.missing");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), mf)) {
            out.flush();
        }
        Fwi.Outcome o = Fwi.run("plugins", "--plugins", plugins.toString());
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().contains("FAILED") && o.out().contains("broken.plugin") && o.out().contains("org.nowhere.missing"),
                o.out());
        assertTrue(o.out().contains("mse"), o.out());
    }

    private Path pipeline(String yaml) throws IOException {
        return Fwi.write(tmp.resolve("pipeline.yaml"), yaml);
    }

    private static void assertOneLineError(Fwi.Outcome o, String... fragments) {
        assertTrue(o.exit() != 0, "exit code");
        Fwi.assertOneLineError(o, fragments);
    }

    static final String GOOD = """
            task: forward
            model:
              spacing: 5.0
              parameters:
                v: {constant: 1500.0, shape: [20, 20]}
            """ + Fwi.ONE_SHOT;

    @Test
    void unknownServiceNameListsTheAvailableOnes() throws IOException {
        Path p = pipeline(GOOD.replace("name: scalar", "name: nosuch"));
        assertOneLineError(Fwi.run("run", p.toString(), "--quiet"), "propagator", "nosuch", "available");
        Path d = pipeline(GOOD.replace("task: forward", "task: forward\ndevice: quantum"));
        assertOneLineError(Fwi.run("run", d.toString(), "--quiet"), "device", "quantum", "cpu");
    }

    @Test
    void malformedYamlGivesLineAndColumn() throws IOException {
        Path p = pipeline("task: forward\nmodel: {spacing: 4\n  parameters: [\n");
        assertOneLineError(Fwi.run("run", p.toString(), "--quiet"), "pipeline.yaml", "line", "column");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path p = pipeline(GOOD.replace("{constant: 1500.0, shape: [20, 20]}", "{file: nowhere/v.npy}"));
        assertOneLineError(Fwi.run("run", p.toString(), "--quiet"), "nowhere/v.npy");
        assertOneLineError(Fwi.run("run", tmp.resolve("absent.yaml").toString(), "--quiet"), "absent.yaml");
    }

    @Test
    void aWrongShapeSaysExpectedAndGot() throws IOException {
        Path q = pipeline(GOOD.replace("task: forward", "task: gradient")
                + "observed: {constant: 0.0, shape: [1, 2, 49]}\ngradient_wrt: [v]\n");
        assertOneLineError(Fwi.run("run", q.toString(), "--quiet"), "observed", "[1, 2, 49]", "[1, 2, 50]");
    }

    /** A misspelt key would run as the default (a 20-cell PML for pml_widht: 0): refused before any computation. */
    @Test
    void aMisspeltKeyIsRefusedWithWhereItStandsAndTheKeysKnownThere() throws IOException {
        Path p = pipeline(GOOD.replace("pml_width: 5", "pml_widht: 0") + "output: typo_out\n");
        Fwi.Outcome o = Fwi.run("run", p.toString(), "--quiet");
        assertEquals(1, o.exit(), o.err());
        assertEquals("error: propagator.pml_widht: unknown key, did you mean pml_width? (known for propagator scalar: "
                + "accuracy, gradient_sampling_interval, max_vel, name, pml_freq, pml_width, storage)", o.err().strip());
        assertFalse(Files.exists(p.resolveSibling("typo_out")), "nothing written");
        Path q = pipeline(GOOD.replace("dt: 0.001", "dtt: 0.001"));
        assertOneLineError(Fwi.run("run", q.toString(), "--quiet"), "survey.dtt: unknown key, did you mean dt?",
                "(known here: dt, from_segy, nt, origin, receivers, shots_by, sources, spacing)");
    }

    @Test
    void aBadFieldIsNamed() throws IOException {
        Path p = pipeline(GOOD.replace("accuracy: 4", "accuracy: 5"));
        assertOneLineError(Fwi.run("run", p.toString(), "--quiet"), "propagator.accuracy", "5");
        Path q = pipeline(GOOD.replace("dt: 0.001", "dt: fast"));
        assertOneLineError(Fwi.run("run", q.toString(), "--quiet"), "survey.dt", "fast");
    }

    @Test
    void anInversionThatCannotLowerTheLossExitsOneWithItsReasonAndKeepsTheBestModel() throws IOException {
        // a learning rate no halving brings down to a step that lowers the loss
        Path p = pipeline(GOOD.replace("task: forward", "task: invert") + """
                observed: {constant: 0.0, shape: [1, 2, 50]}
                inversion:
                  parameters: [v]
                  iterations: 3
                  optimiser: {name: sgd, lr: 1.0e+30}
                """);
        Path out = tmp.resolve("stopped");
        Fwi.Outcome o = Fwi.run("run", p.toString(), "--quiet", "--out", out.toString());
        assertOneLineError(o, "inversion stopped at iteration 1", "sgd found no step that lowers the loss", "not converged");
        assertTrue(o.exit() == 1, "exit " + o.exit());
        String history = Files.readString(out.resolve("history.json"));
        assertTrue(history.contains("\"stopped\"") && history.contains("\"converged\" : false"), history);
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"stopped\""));
        assertTrue(Files.exists(out.resolve("model_v.npy")), "the best model (the start) is written");
    }
}
