package org.seiche.device.cuda.spi;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * The GPU's primary context with the kernel bundles' PTX modules loaded. The driver binds a
 * context to a thread, so every entry point calls {@link #use()} on its own thread first.
 */
public final class CudaContext implements AutoCloseable {
    public static final String MEMORY_LIMIT = "seiche.cuda.memoryLimit";
    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final Map<String, Module> modules = new ConcurrentHashMap<>();
    private final Map<String, Kernel> kernels = new ConcurrentHashMap<>();

    /** Opens the primary context of the GPU of that ordinal; only the cuda device does. */
    public CudaContext(int ordinal) {
        JCudaDriver.cuDeviceGet(device, ordinal);
        JCudaDriver.cuDevicePrimaryCtxRetain(context, device);
        use();
    }

    /** Makes this context current on the calling thread. */
    public void use() {
        JCudaDriver.cuCtxSetCurrent(context);
    }

    /**
     * A kernel of a PTX resource of the owner's bundle (a path relative to the owner class, as
     * Class.getResource takes it), the module loaded once.
     */
    public Kernel kernel(Class<?> owner, String ptx, String name) {
        String module = owner.getName() + ":" + ptx;
        return kernels.computeIfAbsent(module + "#" + name, key -> {
            Module m = modules.computeIfAbsent(module, k -> Module.load(owner, ptx));
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
        static Module load(Class<?> owner, String ptx) {
            byte[] text = Ptx.read(owner, ptx);
            CUmodule module = new CUmodule();
            JCudaDriver.cuModuleLoadData(module, text);
            return new Module(module, Kernel.signatures(new String(text, StandardCharsets.US_ASCII)));
        }
    }

    /**
     * Bytes of device memory free now, at most the system property seiche.cuda.memoryLimit
     * when set (to try the paths of a smaller GPU: shots in rounds, the store in host memory).
     */
    public long freeBytes() {
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
