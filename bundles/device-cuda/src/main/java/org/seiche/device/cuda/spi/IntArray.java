package org.seiche.device.cuda.spi;

import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

/** Ints in device memory (transducer cells). */
public final class IntArray implements DeviceMemory {
    private final CUdeviceptr pointer = new CUdeviceptr();

    public IntArray(int[] values) {
        long bytes = Math.max(1, (long) values.length * Sizeof.INT);
        JCudaDriver.cuMemAlloc(pointer, bytes);
        JCudaDriver.cuMemcpyHtoD(pointer, Pointer.to(values), (long) values.length * Sizeof.INT);
    }

    public CUdeviceptr pointer() {
        return pointer;
    }

    @Override
    public void close() {
        JCudaDriver.cuMemFree(pointer);
    }
}
