package org.seiche.elastic.cpu.f64;

import org.seiche.elastic.PointSet;

/** Injection at and recording from the points of one shot, for sample t of [traces][steps] trace matrices. */
final class Points {
    private Points() {
    }

    /** Adds weight x field value at each chosen point to its trace's sample t. */
    static void record(PointSet set, int shot, Wavefields w, double[] traces, int steps, int t,
                       boolean velocities, boolean stresses) {
        for (int p = set.shotStart()[shot]; p < set.shotStart()[shot + 1]; p++) {
            if (set.fields()[p].velocity() ? velocities : stresses) {
                traces[set.traces()[p] * steps + t] += (double) set.weights()[p] * w.field(set.fields()[p])[set.cells()[p]];
            }
        }
    }

    /** Adds weight x trace sample t to the field at each chosen point. */
    static void inject(PointSet set, int shot, Wavefields w, double[] traces, int steps, int t,
                       boolean velocities, boolean stresses) {
        for (int p = set.shotStart()[shot]; p < set.shotStart()[shot + 1]; p++) {
            if (set.fields()[p].velocity() ? velocities : stresses) {
                w.field(set.fields()[p])[set.cells()[p]] += (double) set.weights()[p] * traces[set.traces()[p] * steps + t];
            }
        }
    }
}
