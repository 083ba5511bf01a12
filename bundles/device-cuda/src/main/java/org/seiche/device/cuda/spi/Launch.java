package org.seiche.device.cuda.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

/**
 * Kernel launches with their arguments given in order: Integer for an int, a device
 * pointer for an array, null for a null pointer (an optional array left out), and an
 * Object[] for its elements (a group of arguments, such as a field's arrays).
 */
public final class Launch {
    /** Threads of a block over the grid: a warp wide along the (contiguous) columns. */
    public static final int BLOCK_X = 32;
    public static final int BLOCK_Y = 8;
    /** Threads of a block over shots (the transducer kernels). */
    public static final int BLOCK_SHOTS = 64;
    private static final CUdeviceptr NULL = new CUdeviceptr();

    private Launch() {
    }

    /** One thread per cell of a columns x rows block, for each of shots. */
    public static void cells(Kernel f, int columns, int rows, int shots, Object... args) {
        run(f, blocks(columns, BLOCK_X), blocks(rows, BLOCK_Y), shots, BLOCK_X, BLOCK_Y, args);
    }

    /** One thread per shot. */
    public static void shots(Kernel f, int shots, Object... args) {
        run(f, blocks(shots, BLOCK_SHOTS), 1, 1, BLOCK_SHOTS, 1, args);
    }

    public static int blocks(int threads, int perBlock) {
        return (threads + perBlock - 1) / perBlock;
    }

    private static void run(Kernel k, int gx, int gy, int gz, int bx, int by, Object[] grouped) {
        Object[] args = flat(grouped);
        String given = kinds(args);
        if (!given.equals(k.signature())) {
            throw new IllegalStateException("kernel " + k.name() + " takes (" + k.signature() + "), given (" + given + ")");
        }
        NativePointerObject[] params = new NativePointerObject[args.length];
        for (int i = 0; i < args.length; i++) {
            params[i] = parameter(args[i]);
        }
        JCudaDriver.cuLaunchKernel(k.function(), gx, gy, gz, bx, by, 1, 0, null, Pointer.to(params), null);
    }

    /** The arguments with every Object[] among them replaced by its elements. */
    public static Object[] flat(Object[] args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Object[] many) {
                out.addAll(Arrays.asList(flat(many)));
            } else {
                out.add(a);
            }
        }
        return out.toArray();
    }

    /** The arguments' kinds as in a {@link Kernel#signature()}: 'i' an int, 'p' a pointer or null, '?' anything else. */
    public static String kinds(Object[] args) {
        StringBuilder s = new StringBuilder();
        for (Object a : args) {
            s.append(a instanceof Integer ? 'i' : a == null || a instanceof CUdeviceptr ? 'p' : '?');
        }
        return s.toString();
    }

    private static Pointer parameter(Object arg) {
        if (arg == null) {
            return Pointer.to(NULL);
        }
        if (arg instanceof Integer i) {
            return Pointer.to(new int[] {i});
        }
        if (arg instanceof CUdeviceptr p) {
            return Pointer.to(p);
        }
        throw new IllegalArgumentException("kernel argument of type " + arg.getClass().getName());
    }
}
