package org.seiche.device.cuda;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.seiche.api.Device;
import org.seiche.api.SeicheException;
import org.seiche.device.cuda.spi.CudaContext;
import org.seiche.device.cuda.spi.CudaGpu;

/**
 * An NVIDIA GPU through the CUDA driver. Registers whether or not CUDA can run here; when
 * it cannot, {@link #unavailableReason()} says why (no driver, no card) and the CPU stays
 * the choice of device "auto". Host-side work (resampling, gradient assembly) runs on a
 * pool of worker threads. Also a {@link CudaGpu}: the propagators' CUDA kernels get the
 * context from that service.
 */
@Component(service = {Device.class, CudaGpu.class}, property = Device.PROPERTY + "=" + CudaGpu.DEVICE)
public final class CudaDevice implements Device, CudaGpu {
    static final String NAME = CudaGpu.DEVICE;
    /** Above the CPU's 0, so that "auto" takes the GPU when there is one. */
    static final int PRIORITY = 10;

    private final CudaProbe probe;
    private final Shared shared;
    private final ForkJoinPool pool;

    public CudaDevice() {
        this(CudaProbe.result(), new Shared(), Runtime.getRuntime().availableProcessors());
    }

    CudaDevice(CudaProbe probe, Shared shared, int threads) {
        this.probe = probe;
        this.shared = shared;
        this.pool = new ForkJoinPool(Math.max(1, threads));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String unavailableReason() {
        return probe.reason();
    }

    @Override
    public int priority() {
        return probe.available() ? PRIORITY : 0;
    }

    @Override
    public int threads() {
        return pool.getParallelism();
    }

    @Override
    public Device withThreads(int threads) {
        return threads <= 0 || threads == threads() ? this : new CudaDevice(probe, shared, threads);
    }

    @Override
    public void parallel(int count, IntConsumer task) {
        if (count == 1 || threads() == 1) {
            IntStream.range(0, count).forEach(task);
        } else if (java.util.concurrent.ForkJoinTask.getPool() == pool) {
            IntStream.range(0, count).parallel().forEach(task);
        } else {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(task)).join();
        }
    }

    @Override
    public CudaContext context() {
        if (!probe.available()) {
            throw new SeicheException("device: cuda is not available here (" + probe.reason() + ")");
        }
        return shared.context(probe.gpu());
    }

    @Deactivate
    void close() {
        pool.shutdown();
        shared.close();
    }

    /** The context every thread-count variant of this device shares. */
    static final class Shared {
        private CudaContext context;

        synchronized CudaContext context(Gpu gpu) {
            if (context == null) {
                context = new CudaContext(gpu.ordinal());
            }
            return context;
        }

        synchronized void close() {
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }
}
