package org.seiche.device.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.seiche.api.Device;

/**
 * The CPU: a work-stealing pool with one worker per core (or as many as asked). Nested
 * parallel loops (shots outside, grid rows inside) share the same workers.
 */
@Component(service = Device.class, property = Device.PROPERTY + "=cpu")
public final class CpuDevice implements Device {
    private final int threads;
    private final ForkJoinPool pool;

    public CpuDevice() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public CpuDevice(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = new ForkJoinPool(this.threads, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false);
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
        return n == threads || n <= 0 ? this : new CpuDevice(n);
    }

    @Override
    public void parallel(int count, IntConsumer task) {
        if (count <= 0) {
            return;
        }
        if (count == 1 || threads == 1) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        Range all = new Range(task, 0, count);
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
            all.invoke();
        } else {
            pool.invoke(all);
        }
    }

    @Deactivate
    void close() {
        pool.shutdown();
    }

    /** Splits [lo, hi) in halves until single tasks remain. */
    private static final class Range extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient IntConsumer task;
        private final int lo;
        private final int hi;

        Range(IntConsumer task, int lo, int hi) {
            this.task = task;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                task.accept(lo);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Range(task, lo, mid), new Range(task, mid, hi));
        }
    }
}
