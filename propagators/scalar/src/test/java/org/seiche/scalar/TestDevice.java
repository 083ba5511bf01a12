package org.seiche.scalar;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.seiche.api.Device;

/** A CPU device for tests: a fork-join pool of the given size. */
final class TestDevice implements Device {
    private final ForkJoinPool pool;

    TestDevice(int threads) {
        pool = new ForkJoinPool(threads);
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
        if (count == 1) {
            task.accept(0);
        } else if (java.util.concurrent.ForkJoinTask.getPool() == pool) {
            IntStream.range(0, count).parallel().forEach(task);
        } else {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(task)).join();
        }
    }
}
