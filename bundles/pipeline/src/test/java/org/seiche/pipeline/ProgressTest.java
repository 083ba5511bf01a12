package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The progress bar counts shot time steps, redraws itself at most every 0.2 s, and says nothing when off. */
class ProgressTest {
    @Test
    void barFollowsTheStepsAndEndsFull() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 0);
        p.start("gradient scalar", 200);
        p.advance(50);
        p.advance(50);
        String first = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(first.contains(" 25%"), first);
        assertTrue(!first.contains(" 50%"), "redrawn within 0.2 s: " + first);
        p.finish();
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(all.endsWith("\n") && all.contains("100%"), all);
    }

    @Test
    void silentWhenOff() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0);
        p.start("forward scalar", 10);
        p.advance(10);
        p.finish();
        assertEquals(0, bytes.size());
    }
}
