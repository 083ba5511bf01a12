package org.seiche.api;

import java.util.Arrays;

/**
 * A dense array of values with a shape, C (row-major) order. Values are held in double
 * whatever the run's precision; kernels convert once at their boundary. The backing array
 * is shared, not copied: treat a received NdArray as read-only.
 */
public final class NdArray {
    private final int[] shape;
    private final double[] data;

    public NdArray(int[] shape, double[] data) {
        long n = size(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " values, data has " + data.length);
        }
        this.shape = shape.clone();
        this.data = data;
    }

    public static NdArray zeros(int... shape) {
        return new NdArray(shape, new double[Math.toIntExact(size(shape))]);
    }

    public static NdArray filled(double value, int... shape) {
        double[] d = new double[Math.toIntExact(size(shape))];
        Arrays.fill(d, value);
        return new NdArray(shape, d);
    }

    public static long size(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= s;
        }
        return n;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int ndim() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    /** The backing values, row-major; shared, not copied. */
    public double[] data() {
        return data;
    }

    public NdArray copy() {
        return new NdArray(shape, data.clone());
    }

    public boolean sameShape(NdArray o) {
        return Arrays.equals(shape, o.shape);
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }

    @Override
    public String toString() {
        return "NdArray" + shapeString();
    }
}
