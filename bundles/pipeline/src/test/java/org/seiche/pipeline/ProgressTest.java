package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.seiche.api.StepListener;

/**
 * The progress bar counts shot time steps, shows after its delay, redraws itself at most
 * every 0.2 s, and says nothing when off: on a clock the test moves, not the machine's.
 */
class ProgressTest {
    private static final long MS = 1_000_000L;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong(123 * MS);

    private Progress progress(boolean enabled, long delayNanos) {
        return new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), enabled, delayNanos, now::get);
    }

    private String shown() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void barFollowsTheStepsAndEndsFull() {
        Progress p = progress(true, 0);
        p.start("gradient scalar", 200);
        p.steps().stepped(50);
        assertTrue(shown().contains(" 25%"), shown());
        now.addAndGet(199 * MS);
        p.advance(50);
        assertFalse(shown().contains(" 50%"), "redrawn within 0.2 s: " + shown());
        now.addAndGet(MS);
        p.advance(50);
        assertTrue(shown().contains(" 75%"), "redrawn after 0.2 s: " + shown());
        now.addAndGet(1500 * MS);
        p.finish();
        assertTrue(shown().endsWith("100%  1.7 s\n"), shown());
    }

    @Test
    void showsOnlyAfterItsDelay() {
        Progress p = progress(true, 2000 * MS);
        p.start("forward scalar", 10);
        p.advance(3);
        now.addAndGet(1999 * MS);
        p.advance(3);
        p.finish();
        assertEquals("", shown(), "a run shorter than the delay shows nothing");
        p.start("forward scalar", 10);
        now.addAndGet(2000 * MS);
        p.advance(6);
        assertTrue(shown().contains(" 60%"), shown());
    }

    @Test
    void silentWhenOff() {
        Progress p = progress(false, 0);
        assertSame(StepListener.NONE, p.steps(), "the time loops tell nobody");
        p.start("forward scalar", 10);
        now.addAndGet(5000 * MS);
        p.advance(10);
        p.finish();
        p.note("device: auto chose cpu");
        assertEquals(0, bytes.size());
    }

    @Test
    void notesGoToTheTerminalOnItsOwnLine() {
        progress(true, 0).note("device: auto chose cpu (the best available with kernels for the scalar propagator)");
        assertEquals("device: auto chose cpu (the best available with kernels for the scalar propagator)\n", shown());
    }
}
