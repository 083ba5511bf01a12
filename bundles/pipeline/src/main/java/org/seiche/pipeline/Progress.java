package org.seiche.pipeline;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.seiche.api.StepListener;

/**
 * A progress bar on stderr for runs longer than a couple of seconds, counted in time steps
 * of shots as the propagators report them (from any thread); silent when stderr is not a
 * terminal or the run is quiet. Redrawn at most a few times a second.
 */
public final class Progress {
    private static final long DELAY_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintStream out;
    private final boolean enabled;
    private final long delayNanos;
    private final LongSupplier clock;
    private final AtomicLong done = new AtomicLong();
    private volatile String label;
    private volatile long total;
    private volatile long started;
    private volatile long drawn = Long.MIN_VALUE / 2;
    private boolean shown;

    Progress(PrintStream out, boolean enabled) {
        this(out, enabled, DELAY_NANOS, System::nanoTime);
    }

    /**
     * @param delayNanos how long a run goes before the bar shows
     * @param clock      nanoseconds, as System.nanoTime gives them (tests give their own)
     */
    Progress(PrintStream out, boolean enabled, long delayNanos, LongSupplier clock) {
        this.out = out;
        this.enabled = enabled;
        this.delayNanos = delayNanos;
        this.clock = clock;
    }

    public static Progress silent() {
        return new Progress(System.err, false);
    }

    static Progress forStderr(boolean quiet) {
        // the launcher script says whether its stderr is a terminal (it filters the JVM's stderr)
        String tty = System.getProperty("seiche.stderr.tty");
        return new Progress(System.err, !quiet && (tty != null ? Boolean.parseBoolean(tty) : System.console() != null));
    }

    /** A new bar of the given total units (shot time steps). */
    void start(String what, long units) {
        label = what;
        total = Math.max(1, units);
        done.set(0);
        started = clock.getAsLong();
        drawn = Long.MIN_VALUE / 2;
        shown = false;
    }

    /**
     * The propagators' step listener: none when the bar is off, so that a run nobody watches
     * (a pipe, the bench, --quiet) has its time loops call nothing.
     */
    StepListener steps() {
        return enabled ? this::advance : StepListener.NONE;
    }

    /** Units done (a propagator's StepListener: the shots that took a step). */
    void advance(int units) {
        long d = done.addAndGet(units);
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        if (now - started < delayNanos || now - drawn < REDRAW_NANOS) {
            return;
        }
        draw(now, Math.min(d, total));
    }

    private synchronized void draw(long now, long d) {
        if (now - drawn < REDRAW_NANOS) {
            return;
        }
        drawn = now;
        shown = true;
        int width = 30;
        int filled = (int) (width * d / total);
        double elapsed = (now - started) / 1e9;
        double eta = d == 0 ? 0 : elapsed * (total - d) / d;
        out.printf("\r%s [%s%s] %3d%%  %.0f s left ", label, "#".repeat(filled), " ".repeat(width - filled),
                100 * d / total, eta);
        out.flush();
    }

    /** A line for a person watching (the bar's terminal); nothing in a pipe or with --quiet. */
    synchronized void note(String line) {
        if (enabled) {
            out.println(line);
        }
    }

    synchronized void finish() {
        if (shown) {
            out.printf("\r%s [%s] 100%%  %.1f s%n", label, "#".repeat(30), (clock.getAsLong() - started) / 1e9);
        }
    }
}
