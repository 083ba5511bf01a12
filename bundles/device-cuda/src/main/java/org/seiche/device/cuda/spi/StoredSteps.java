package org.seiche.device.cuda.spi;

import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

import org.seiche.api.Precision;
import org.seiche.api.SeicheException;

/**
 * The forward run's stored steps, [slot][shot][cell], in device memory or, when the plan
 * says so, in page-locked host memory mapped into the GPU's address space: the kernels
 * write and read both through the same kind of pointer.
 */
public final class StoredSteps implements DeviceMemory {
    private final CUdeviceptr device = new CUdeviceptr();
    private final Pointer host;
    private final int bytesPerValue;
    private final long bytes;

    public StoredSteps(boolean onDevice, Precision precision, long values) {
        bytesPerValue = DeviceArray.bytesPerValue(precision);
        bytes = Math.max(1, values * bytesPerValue);
        try {
            if (onDevice) {
                host = null;
                JCudaDriver.cuMemAlloc(device, bytes);
            } else {
                host = new Pointer();
                JCudaDriver.cuMemHostAlloc(host, bytes, JCudaDriver.CU_MEMHOSTALLOC_DEVICEMAP);
                JCudaDriver.cuMemHostGetDevicePointer(device, host, 0);
            }
        } catch (CudaException e) {
            throw new SeicheException("gradient: the stored forward wavefield needs " + (bytes >> 20) + " MiB of "
                    + (onDevice ? "GPU" : "page-locked host") + " memory and the driver refused it (" + e.getMessage()
                    + "); store fewer steps (gradient_sampling_interval) or run fewer shots per batch", e);
        }
    }

    /** The address of value i as the kernels see it. */
    public CUdeviceptr at(long i) {
        return device.withByteOffset(i * bytesPerValue);
    }

    public long bytes() {
        return bytes;
    }

    public boolean onDevice() {
        return host == null;
    }

    @Override
    public void close() {
        if (host == null) {
            JCudaDriver.cuMemFree(device);
        } else {
            JCudaDriver.cuMemFreeHost(host);
        }
    }
}
