package org.seiche.testing;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

import org.seiche.api.Device;

/**
 * A CPU device for tests, named "cpu" like the real one: a fork-join pool of the given size
 * that splits task ranges in halves. Tests use it instead of the cpu bundle so that they
 * choose the thread count and need no framework.
 */
public final class TestDevice implements Device {
    private final ForkJoinPool pool;

    public TestDevice(int threads) {
        pool = new ForkJoinPool(threads);
    }

    public static TestDevice ofAllCores() {
        return new TestDevice(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public int threads() {
        return pool.getParallelism();
    }

    @Override
    public Device withThreads(int threads) {
        return new TestDevice(threads);
    }

    @Override
    public void parallel(int count, IntConsumer task) {
        Range range = new Range(task, 0, count);
        // nested (rows inside shots): run in the pool we are already on
        if (ForkJoinTask.getPool() == pool) {
            range.invoke();
        } else {
            pool.invoke(range);
        }
    }

    private static final class Range extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient IntConsumer task;
        private final int from;
        private final int to;

        Range(IntConsumer task, int from, int to) {
            this.task = task;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from <= 1) {
                if (to > from) {
                    task.accept(from);
                }
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Range(task, from, mid), new Range(task, mid, to));
        }
    }
}
