package org.seiche.pipeline;

import java.io.PrintStream;

/**
 * A progress line on stderr for runs longer than a couple of seconds: silent when stderr
 * is not a terminal or the run is quiet.
 */
final class Progress {
    private static final long DELAY_NANOS = 2_000_000_000L;
    private final PrintStream out;
    private final boolean enabled;
    private String label;
    private int total;
    private int done;
    private long started;
    private boolean shown;

    Progress(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    static Progress silent() {
        return new Progress(System.err, false);
    }

    static Progress forStderr(boolean quiet) {
        // the launcher script says whether its stderr is a terminal (it filters the JVM's stderr)
        String tty = System.getProperty("seiche.stderr.tty");
        return new Progress(System.err, !quiet && (tty != null ? Boolean.parseBoolean(tty) : System.console() != null));
    }

    void start(String what, int steps) {
        label = what;
        total = steps;
        done = 0;
        started = System.nanoTime();
        shown = false;
    }

    void advance() {
        done++;
        long elapsed = System.nanoTime() - started;
        if (!enabled || elapsed < DELAY_NANOS) {
            return;
        }
        shown = true;
        int width = 30;
        int filled = total == 0 ? width : width * done / total;
        double eta = done == 0 ? 0 : elapsed / 1e9 * (total - done) / done;
        out.printf("\r%s [%s%s] %d/%d  %.0f s left ", label, "#".repeat(filled), " ".repeat(width - filled), done, total, eta);
        out.flush();
    }

    void finish() {
        if (shown) {
            out.println();
        }
    }
}
