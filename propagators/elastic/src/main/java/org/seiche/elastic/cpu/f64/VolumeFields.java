package org.seiche.elastic.cpu.f64;

import java.util.ArrayList;
import java.util.List;

/**
 * One shot's wavefields on a volume grid (forward, or adjoint in the same places): the
 * velocities v_d, normal stresses sigma_dd and shear stresses per pair, the C-PML memory
 * variables of every derivative of the velocity update ({@code velocityMemory[d][e]}: the
 * derivative along e feeding v_d) and of the stress update ({@code strainMemory[d][e]}:
 * d v_d / d e), and for the adjoint the transposed terms {@code terms[d][e]} a sweep hands
 * to the next.
 */
final class VolumeFields {
    final double[][] velocity;
    final double[][] normal;
    final double[][] shear;
    final double[][][] velocityMemory;
    final double[][][] strainMemory;
    final double[][][] terms;

    VolumeFields(VolumeKernel k, boolean adjoint) {
        velocity = new double[k.ndim][k.size];
        normal = new double[k.ndim][k.size];
        shear = new double[k.pairs][k.size];
        velocityMemory = new double[k.ndim][k.ndim][k.size];
        strainMemory = new double[k.ndim][k.ndim][k.size];
        terms = adjoint ? new double[k.ndim][k.ndim][k.size] : null;
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
