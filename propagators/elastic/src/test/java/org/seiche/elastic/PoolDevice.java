package org.seiche.elastic;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

import org.seiche.api.Device;

/** A CPU device for tests: a ForkJoinPool splitting task ranges in halves. */
public final class PoolDevice implements Device {
    private final int threads;
    private final ForkJoinPool pool;

    public PoolDevice(int threads) {
        this.threads = threads;
        this.pool = new ForkJoinPool(threads);
    }

    public static PoolDevice ofAllCores() {
        return new PoolDevice(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public Device withThreads(int n) {
        return new PoolDevice(n);
    }

    @Override
    public void parallel(int count, IntConsumer task) {
        Range range = new Range(task, 0, count);
        if (ForkJoinTask.inForkJoinPool()) {
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
            if (to - from == 1) {
                task.accept(from);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Range(task, from, mid), new Range(task, mid, to));
        }
    }
}
