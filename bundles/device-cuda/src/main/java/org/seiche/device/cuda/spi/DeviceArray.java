package org.seiche.device.cuda.spi;

import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

import org.seiche.api.Precision;

/**
 * Values of one precision in device memory. Host values are doubles (the api's NdArray);
 * they are converted at the copy, the only place where the two precisions differ.
 */
public final class DeviceArray implements DeviceMemory {
    private final CUdeviceptr pointer = new CUdeviceptr();
    private final Precision precision;
    private final long length;

    public DeviceArray(Precision precision, long length) {
        this.precision = precision;
        this.length = length;
        JCudaDriver.cuMemAlloc(pointer, Math.max(1, bytes()));
    }

    public static DeviceArray of(Precision precision, double[] values) {
        DeviceArray a = new DeviceArray(precision, values.length);
        a.upload(values);
        return a;
    }

    /** x as the precision holds it. */
    public static double round(Precision precision, double x) {
        return precision == Precision.FLOAT64 ? x : (float) x;
    }

    public static int bytesPerValue(Precision precision) {
        return precision == Precision.FLOAT64 ? Sizeof.DOUBLE : Sizeof.FLOAT;
    }

    public long bytes() {
        return length * bytesPerValue(precision);
    }

    public CUdeviceptr pointer() {
        return pointer;
    }

    /** The address of value i (for a kernel that works on a part). */
    public CUdeviceptr at(long i) {
        return pointer.withByteOffset(i * bytesPerValue(precision));
    }

    public void upload(double[] values) {
        if (precision == Precision.FLOAT64) {
            JCudaDriver.cuMemcpyHtoD(pointer, Pointer.to(values), (long) values.length * Sizeof.DOUBLE);
        } else {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            JCudaDriver.cuMemcpyHtoD(pointer, Pointer.to(f), (long) f.length * Sizeof.FLOAT);
        }
    }

    /** The values, as doubles. */
    public double[] download() {
        return download(0, Math.toIntExact(length));
    }

    /** count values from value first on (one shot's grid of a group's array, say), as doubles. */
    public double[] download(long first, int count) {
        double[] out = new double[count];
        long bytes = (long) count * bytesPerValue(precision);
        if (precision == Precision.FLOAT64) {
            JCudaDriver.cuMemcpyDtoH(Pointer.to(out), at(first), bytes);
        } else {
            float[] f = new float[count];
            JCudaDriver.cuMemcpyDtoH(Pointer.to(f), at(first), bytes);
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
        }
        return out;
    }

    public void zero() {
        JCudaDriver.cuMemsetD8(pointer, (byte) 0, bytes());
    }

    @Override
    public void close() {
        JCudaDriver.cuMemFree(pointer);
    }
}
