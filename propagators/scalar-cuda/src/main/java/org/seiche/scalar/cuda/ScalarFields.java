package org.seiche.scalar.cuda;

import org.seiche.api.Precision;
import org.seiche.device.cuda.spi.DeviceArray;
import org.seiche.device.cuda.spi.DeviceMemory;

/**
 * The wavefields of a group of shots on the device: u, the previous u (a step writes the
 * next u over it), and per dimension psi and zeta with a buffer for the next step each.
 * The adjoint run reuses them for its own fields.
 */
final class ScalarFields implements DeviceMemory {
    /** In the step kernels' order: u, next, then psi, psi next, zeta, zeta next of each dimension. */
    private final DeviceArray[] a;

    /** For a grid the kernels step in dims dimensions (ScalarLayout.dims). */
    ScalarFields(Precision precision, int dims, long values) {
        a = new DeviceArray[arrays(dims)];
        for (int i = 0; i < a.length; i++) {
            a[i] = new DeviceArray(precision, values);
        }
    }

    /** The arrays of one field stepped in dims dimensions. */
    static int arrays(int dims) {
        return 2 + 4 * dims;
    }

    DeviceArray u() {
        return a[0];
    }

    /** The previous u, which the step overwrites with the next one. */
    DeviceArray next() {
        return a[1];
    }

    void zero() {
        for (DeviceArray x : a) {
            x.zero();
        }
    }

    /** The fields' pointers in the step kernels' order (SEICHE_FIELD_ARGS). */
    Object[] arguments() {
        Object[] args = new Object[a.length];
        for (int i = 0; i < a.length; i++) {
            args[i] = a[i].pointer();
        }
        return args;
    }

    /** After a step: every "next" buffer becomes the current one and the other way round. */
    void advance() {
        for (int i = 0; i < a.length; i += 2) {
            DeviceArray t = a[i];
            a[i] = a[i + 1];
            a[i + 1] = t;
        }
    }

    long bytes() {
        return a.length * a[0].bytes();
    }

    @Override
    public void close() {
        for (DeviceArray x : a) {
            x.close();
        }
    }
}
