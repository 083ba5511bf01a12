package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's memory is planned before it starts: the estimate against what the heap held, and a run that cannot fit refused. */
class MemoryIT {
    @TempDir
    Path tmp;

    /** A gradient whose stored forward wavefield (240 x 240 padded cells x 1000 steps, float32: 230 MB) dominates its memory. */
    private static final String GRADIENT = new ScalarGradient(new int[] {200, 200}, "pml_width: 20", 0.001, 1000,
            new int[] {2, 100}, 50, new int[] {2, 20}, new int[] {0, 3}).yaml();

    /**
     * The estimate in summary.json lies within 0.7-1.5 of the heap the run held at its peak,
     * measured by the JVM itself: the most the heap held after any collection (a small young
     * generation makes them frequent), which is live data only.
     */
    @Test
    void theEstimateIsNearTheHeapTheRunHeld() throws IOException {
        Path p = tmp.resolve("gradient.yaml");
        Files.writeString(p, GRADIENT);
        Path gc = tmp.resolve("gc.log");
        Fwi.Outcome o = Fwi.runWith(tmp, Map.of("SEICHE_JAVA_OPTS", "-Xmn16m -Xlog:gc:file=" + gc), "run", p.toString(),
                "--out", tmp.resolve("out").toString(), "--quiet");
        assertEquals(0, o.exit(), o.err());
        String summary = Files.readString(tmp.resolve("out/summary.json"));
        long estimate = number(summary, "memory_estimate_bytes");
        assertTrue(number(summary, "process_peak_rss_bytes") > estimate, "the process holds the heap and the JVM: " + summary);
        long held = 0;
        Matcher m = Pattern.compile("->(\\d+)M\\(").matcher(Files.readString(gc));
        while (m.find()) {
            held = Math.max(held, Long.parseLong(m.group(1)) << 20);
        }
        double ratio = (double) held / estimate;
        assertTrue(ratio >= 0.7 && ratio <= 1.5, "heap held at most " + held + " B after a collection, estimate " + estimate
                + " B: ratio " + ratio);
    }

    /** A 3-D gradient whose stored steps (84^3 padded cells x 400 steps, float32: 904 MiB) dominate its memory. */
    private static final String GRADIENT_3D = new ScalarGradient(new int[] {60, 60, 60}, "pml_width: 10", 0.001, 400,
            new int[] {2, 30, 30}, 20, new int[] {2, 30, 10}, new int[] {0, 0, 2}).yaml();

    /**
     * What the machine pays, with ./fwi's own JVM settings: the process's peak RSS exceeds the
     * plan by at most 400 MiB, the JVM's own (about 220 MiB: code, classes, the card table, a
     * young generation of at most 32 MB) and the run's small arrays. A heap that grows as the
     * steps are stored, a young generation sized from the heap or vectors boxed in a kernel
     * each add hundreds of MB (this run: 1193 MiB against an estimate of 975 MiB; with the JVM's
     * default heap sizing, 1796 MiB).
     */
    @Test
    void theProcessHoldsLittleBeyondThePlan() throws IOException {
        Path p = tmp.resolve("gradient3d.yaml");
        Files.writeString(p, GRADIENT_3D);
        // a fresh JVM: a daemon that served earlier runs holds their pools in its resident memory
        Fwi.Outcome o = Fwi.runWith(tmp, Map.of("SEICHE_DAEMON", "off"), "run", p.toString(), "--out",
                tmp.resolve("out").toString(), "--quiet");
        assertEquals(0, o.exit(), o.err());
        String summary = Files.readString(tmp.resolve("out/summary.json"));
        long estimate = number(summary, "memory_estimate_bytes");
        long rss = number(summary, "process_peak_rss_bytes");
        assertTrue(rss <= estimate + (400L << 20), "process peak " + rss + " B, estimate " + estimate + " B: "
                + (rss - estimate >> 20) + " MiB beyond the plan");
    }

    /** With a heap too small for the plan, one line with the figures and the keys that reduce it, before any step. */
    @Test
    void aRunThatCannotFitIsRefusedBeforeCompute() throws IOException {
        Path p = tmp.resolve("gradient.yaml");
        Files.writeString(p, GRADIENT);
        Fwi.Outcome o = Fwi.runWith(tmp, Map.of("SEICHE_JAVA_OPTS", "-Xmx100m"), "run", p.toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(1, o.exit(), o.err());
        String err = o.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("OutOfMemoryError"), err);
        for (String s : new String[] {"memory: the run needs about 0.2", "the Java heap holds at most 0.1", "shots_per_batch",
            "gradient_sampling_interval"}) {
            assertTrue(err.contains(s), s + " in " + err);
        }
        assertFalse(Files.exists(tmp.resolve("out/summary.json")), "nothing written");
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\" : (\\d+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Long.parseLong(m.group(1));
    }
}
