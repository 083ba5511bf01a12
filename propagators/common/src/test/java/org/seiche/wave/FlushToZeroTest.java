package org.seiche.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seiche.api.StepListener;

/** The processor's flush-to-zero modes, set and put back on the calling thread. */
class FlushToZeroTest {
    /** Read at run time, so that no compiler folds the products below. */
    private static volatile float smallestNormal = Float.MIN_NORMAL;
    private static volatile double smallestNormalDouble = Double.MIN_NORMAL;
    private static volatile float subnormal = Float.MIN_NORMAL / 2;

    @Test
    void theBuildGivesTheLibraryOnLinuxX86() {
        boolean linuxX86 = System.getProperty("os.name").startsWith("Linux") && "amd64".equals(System.getProperty("os.arch"));
        assertEquals(linuxX86, FlushToZero.AVAILABLE, "the build compiles src/main/c/flush-to-zero.c with gcc on x86-64 Linux");
    }

    @Test
    void subnormalsAreZeroWhileEnabledAndBackAfterRestore() {
        assertTrue(smallestNormal / 2 > 0 && smallestNormalDouble / 2 > 0, "IEEE subnormals before");
        int mode = FlushToZero.enable();
        try {
            if (FlushToZero.AVAILABLE) {
                assertEquals(0f, smallestNormal / 2, "a subnormal float result is flushed");
                assertEquals(0d, smallestNormalDouble / 2, "a subnormal double result is flushed");
                assertEquals(0f, subnormal * 0x1p100f, "a subnormal operand reads as zero");
            }
        } finally {
            FlushToZero.restore(mode);
        }
        assertEquals(Float.MIN_NORMAL / 2, smallestNormal / 2, "IEEE subnormals again after restore");
        assertEquals(Double.MIN_NORMAL / 2, smallestNormalDouble / 2);
        assertEquals(0x1p-27f, subnormal * 0x1p100f);
    }

    @Test
    void aListenerRunsInItsCallersModeInsideTheWindow() {
        List<Float> heard = new ArrayList<>();
        StepListener listener = FlushToZero.outside(shots -> heard.add(smallestNormal / 2));
        int mode = FlushToZero.enable();
        float after;
        try {
            listener.stepped(1);
            after = smallestNormal / 2;
        } finally {
            FlushToZero.restore(mode);
        }
        assertEquals(List.of(Float.MIN_NORMAL / 2), heard, "the listener computes IEEE subnormals");
        assertEquals(FlushToZero.AVAILABLE ? 0f : Float.MIN_NORMAL / 2, after, "the window's mode is back after it");
        assertSame(StepListener.NONE, FlushToZero.outside(StepListener.NONE), "nobody listening costs nothing");
    }

    /** What a JVM started by {@link #aLibraryThatCannotLoadIsReportedOnceOnStderr} prints. */
    public static final class Probe {
        public static void main(String[] args) {
            FlushToZero.restore(FlushToZero.enable());
            System.out.println(FlushToZero.SUBNORMALS + " " + FlushToZero.AVAILABLE);
        }
    }

    @Test
    void aLibraryThatCannotLoadIsReportedOnceOnStderr() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=/nonexistent-seiche-test", "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), err);
        assertEquals("java false", out, "the kernels flush in Java");
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("warning: subnormals flushed in Java, not by the processor"), err);
    }
}
