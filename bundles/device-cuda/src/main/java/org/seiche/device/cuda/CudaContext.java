package org.seiche.device.cuda;

import java.nio.charset.StandardCharsets;
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
    private final Map<String, Module> modules = new ConcurrentHashMap<>();
    private final Map<String, Kernel> kernels = new ConcurrentHashMap<>();

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
    Kernel kernel(String ptx, String name) {
        return kernels.computeIfAbsent(ptx + "#" + name, key -> {
            Module m = modules.computeIfAbsent(ptx, Module::load);
            String signature = m.signatures.get(name);
            if (signature == null) {
                throw new IllegalStateException("no kernel " + name + " in " + ptx);
            }
            CUfunction f = new CUfunction();
            JCudaDriver.cuModuleGetFunction(f, m.module, name);
            return new Kernel(name, f, signature);
        });
    }

    /** A loaded module and the parameter kinds of its kernels. */
    private record Module(CUmodule module, Map<String, String> signatures) {
        static Module load(String ptx) {
            byte[] text = Ptx.read(ptx);
            CUmodule module = new CUmodule();
            JCudaDriver.cuModuleLoadData(module, text);
            return new Module(module, Kernel.signatures(new String(text, StandardCharsets.US_ASCII)));
        }
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
        modules.values().forEach(m -> JCudaDriver.cuModuleUnload(m.module()));
        modules.clear();
        kernels.clear();
        JCudaDriver.cuDevicePrimaryCtxRelease(device);
    }
}
