package org.seiche.elastic.cpu.f64;

import org.seiche.elastic.spi.ElasticShots;
import org.seiche.elastic.spi.Field;
import org.seiche.elastic.spi.PointSet;

/**
 * Injection at and recording from the points of one shot, for sample t of [traces][steps]
 * trace matrices. A point's cell is a flat ElasticGrid index: row cell / stride, column
 * cell % stride of the row arrays.
 */
final class Points {
    private Points() {
    }

    /** Adds weight x field value at each chosen point to its trace's sample t. */
    static void record(PointSet set, int shot, Wavefields w, int stride, double[] traces, int steps, int t,
                       boolean velocities, boolean stresses) {
        for (int p = set.shotStart()[shot]; p < set.shotStart()[shot + 1]; p++) {
            if (set.fields()[p].velocity() ? velocities : stresses) {
                int cell = set.cells()[p];
                traces[set.traces()[p] * steps + t] += (double) set.weights()[p]
                        * w.field(set.fields()[p])[cell / stride][cell % stride];
            }
        }
    }

    /** Adds weight x trace sample t to the field at each chosen point of grid row r (-1: of every row). */
    static void inject(PointSet set, int shot, Wavefields w, int stride, double[] traces, int steps, int t,
                       boolean velocities, boolean stresses, int r) {
        for (int p = set.shotStart()[shot]; p < set.shotStart()[shot + 1]; p++) {
            int cell = set.cells()[p];
            if ((set.fields()[p].velocity() ? velocities : stresses) && (r < 0 || cell / stride == r)) {
                w.field(set.fields()[p])[cell / stride][cell % stride] += (double) set.weights()[p]
                        * traces[set.traces()[p] * steps + t];
            }
        }
    }

    /** Offers every field of batch shot s after inner step {@code step} to the batch's snapshots, if any. */
    static void offer(ElasticShots shots, int shot, Wavefields w, int step, boolean adjoint) {
        if (shots.snapshots() != null) {
            for (Field f : Field.values()) {
                shots.snapshots().offer(shot, step, f, adjoint, w.field(f));
            }
        }
    }
}
