package org.seiche.wave;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Threads that run the bands of a time step together, step after step: the caller runs
 * task 0 and one thread of the team each other task. Between steps they spin rather than
 * park: a step lasts tens to hundreds of microseconds, about what waking a parked thread
 * costs, and a fork-join per step spent a third of a one-shot run on it. Made for one time
 * loop and closed after it; the team's threads are its own, so a band never waits for a
 * pool worker busy elsewhere.
 */
public final class StepTeam implements AutoCloseable {
    /** Spins before a waiting thread starts yielding its core (oversubscribed machines). */
    private static final int SPINS = 1 << 11;

    private final Thread[] threads;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile IntConsumer step;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** A team for tasks 0 .. tasks - 1: the caller and tasks - 1 threads of its own. */
    public StepTeam(int tasks) {
        threads = new Thread[tasks - 1];
        for (int k = 0; k < threads.length; k++) {
            int task = k + 1;
            threads[k] = new Thread(() -> work(task), "seiche-band-" + task);
            threads[k].setDaemon(true);
            threads[k].start();
        }
    }

    /** Runs step(0) .. step(tasks - 1) at once and returns when all have finished. */
    public void run(IntConsumer task) {
        step = task;
        pending.set(threads.length);
        generation++; // publishes step to the team
        try {
            task.accept(0);
        } finally {
            for (int spins = 0; pending.get() > 0; spins++) {
                pause(spins);
            }
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(f);
        }
    }

    /** The number of tasks a {@link #run} runs. */
    public int tasks() {
        return threads.length + 1;
    }

    /** A team thread's life: kernel steps only, so subnormals are the processor's to flush throughout. */
    private void work(int task) {
        FlushToZero.run(() -> steps(task));
    }

    private void steps(int task) {
        int seen = 0;
        while (true) {
            for (int spins = 0; generation == seen && !closed; spins++) {
                pause(spins);
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                step.accept(task);
            } catch (Throwable t) {
                failure = t;
            }
            pending.decrementAndGet();
        }
    }

    private static void pause(int spins) {
        if (spins < SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
