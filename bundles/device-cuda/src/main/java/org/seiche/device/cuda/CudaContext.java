package org.seiche.device.cuda;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * The GPU's primary context with the bundle's PTX modules loaded. The driver binds a
 * context to a thread, so every entry point calls {@link #use()} on its own thread first.
 */
final class CudaContext implements AutoCloseable {
    static final String MEMORY_LIMIT = "seiche.cuda.memoryLimit";
    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final Map<String, CUmodule> modules = new ConcurrentHashMap<>();
    private final Map<String, CUfunction> functions = new ConcurrentHashMap<>();

    CudaContext(Gpu gpu) {
        JCudaDriver.cuDeviceGet(device, gpu.ordinal());
        JCudaDriver.cuDevicePrimaryCtxRetain(context, device);
        use();
    }

    /** Makes this context current on the calling thread. */
    void use() {
        JCudaDriver.cuCtxSetCurrent(context);
    }

    /** A kernel of a PTX resource, the module loaded once. */
    CUfunction function(String ptx, String name) {
        return functions.computeIfAbsent(ptx + "#" + name, key -> {
            CUfunction f = new CUfunction();
            JCudaDriver.cuModuleGetFunction(f, modules.computeIfAbsent(ptx, this::load), name);
            return f;
        });
    }

    private CUmodule load(String ptx) {
        CUmodule module = new CUmodule();
        JCudaDriver.cuModuleLoadData(module, Ptx.read(ptx));
        return module;
    }

    /**
     * Bytes of device memory free now, at most the system property seiche.cuda.memoryLimit
     * when set (to try the paths of a smaller GPU: shots in rounds, the store in host memory).
     */
    long freeBytes() {
        long[] free = new long[1];
        long[] total = new long[1];
        JCudaDriver.cuMemGetInfo(free, total);
        return Math.min(free[0], Long.getLong(MEMORY_LIMIT, Long.MAX_VALUE));
    }

    @Override
    public void close() {
        use();
        modules.values().forEach(JCudaDriver::cuModuleUnload);
        modules.clear();
        functions.clear();
        JCudaDriver.cuDevicePrimaryCtxRelease(device);
    }
}
