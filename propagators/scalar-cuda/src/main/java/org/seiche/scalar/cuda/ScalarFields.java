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
    static final int ARRAYS = 10;

    /** In the step kernels' order: u, next, then psi, psi next, zeta, zeta next of rows, then of columns. */
    private final DeviceArray[] a = new DeviceArray[ARRAYS];

    ScalarFields(Precision precision, long values) {
        for (int i = 0; i < ARRAYS; i++) {
            a[i] = new DeviceArray(precision, values);
        }
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
        Object[] args = new Object[ARRAYS];
        for (int i = 0; i < ARRAYS; i++) {
            args[i] = a[i].pointer();
        }
        return args;
    }

    /** After a step: every "next" buffer becomes the current one and the other way round. */
    void advance() {
        for (int i = 0; i < ARRAYS; i += 2) {
            DeviceArray t = a[i];
            a[i] = a[i + 1];
            a[i + 1] = t;
        }
    }

    long bytes() {
        return ARRAYS * a[0].bytes();
    }

    @Override
    public void close() {
        for (DeviceArray x : a) {
            x.close();
        }
    }
}
