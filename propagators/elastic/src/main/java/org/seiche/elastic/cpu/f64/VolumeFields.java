package org.seiche.elastic.cpu.f64;

import java.util.ArrayList;
import java.util.List;

/**
 * One shot's wavefields on a volume grid (forward, or adjoint in the same places): the
 * velocities v_d, normal stresses sigma_dd and shear stresses per pair, the C-PML memory
 * variables of every derivative of the velocity update ({@code velocityMemory[d][e]}: the
 * derivative along e feeding v_d) and of the stress update ({@code strainMemory[d][e]}:
 * d v_d / d e), and for the adjoint the transposed terms {@code terms[d][e]} a sweep hands
 * to the next. Its arrays come from the kernel's spare field arrays, zeroed, and go back
 * to them ({@link #release}) when the run is done with them, so a shot's forward and adjoint
 * runs, and the shots after, share the same arrays instead of taking ~4 MB arrays anew (in
 * G1 each a region of its own that stays resident after it dies).
 */
final class VolumeFields {
    final double[][] velocity;
    final double[][] normal;
    final double[][] shear;
    final double[][][] velocityMemory;
    final double[][][] strainMemory;
    final double[][][] terms;

    private final VolumeKernel k;

    VolumeFields(VolumeKernel k, boolean adjoint) {
        this.k = k;
        velocity = arrays(k, k.ndim);
        normal = arrays(k, k.ndim);
        shear = arrays(k, k.pairs);
        velocityMemory = arrays(k);
        strainMemory = arrays(k);
        terms = adjoint ? arrays(k) : null;
    }

    private static double[][] arrays(VolumeKernel k, int count) {
        double[][] a = new double[count][];
        for (int i = 0; i < count; i++) {
            a[i] = k.fieldArray();
        }
        return a;
    }

    private static double[][][] arrays(VolumeKernel k) {
        double[][][] a = new double[k.ndim][][];
        for (int d = 0; d < k.ndim; d++) {
            a[d] = arrays(k, k.ndim);
        }
        return a;
    }

    /** Gives every array back to the kernel; the fields must not be used after. */
    void release() {
        for (double[] f : state()) {
            k.spareField(f);
        }
        for (int d = 0; terms != null && d < terms.length; d++) {
            for (double[] f : terms[d]) {
                k.spareField(f);
            }
        }
    }

    /** The forward state a step reads and writes, as checkpointing copies it: fields and memory variables. */
    double[][] state() {
        List<double[]> all = new ArrayList<>(List.of(velocity));
        all.addAll(List.of(normal));
        all.addAll(List.of(shear));
        for (int d = 0; d < velocity.length; d++) {
            all.addAll(List.of(velocityMemory[d]));
            all.addAll(List.of(strainMemory[d]));
        }
        return all.toArray(new double[0][]);
    }

    /** Field of a point code: 0 .. ndim-1 the velocities, then the normal stresses. */
    double[] field(int code) {
        return code < velocity.length ? velocity[code] : normal[code - velocity.length];
    }

    static long bytes(VolumeKernel k, boolean adjoint) {
        long arrays = 2L * k.ndim + k.pairs + 2L * k.ndim * k.ndim + (adjoint ? (long) k.ndim * k.ndim : 0);
        return arrays * k.size * VolumeKernel.VALUE_BYTES;
    }
}
