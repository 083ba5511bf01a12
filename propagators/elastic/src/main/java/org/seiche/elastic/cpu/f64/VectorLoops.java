package org.seiche.elastic.cpu.f64;

import jdk.incubator.vector.VectorSpecies;

import org.seiche.wave.DoubleLanes;

/**
 * The vector loops (Java Vector API) of the grid's accuracy: {@link VectorRows4} for
 * accuracy 4, and its copies for accuracies 2, 6 and 8 that the build generates from it.
 * Loaded only when the incubator module jdk.incubator.vector is there.
 */
final class VectorLoops {
    /** The species every kernel uses, and must (see DoubleLanes). */
    static final VectorSpecies<Double> LANES = DoubleLanes.SPECIES;

    private VectorLoops() {
    }

    static int lanes() {
        return LANES.length();
    }

    /** The velocity and the stress half-step's parts. */
    static Part[][] forward(Grid g, Wavefields w, History h) {
        return switch (g.halo) {
            case 1 -> VectorRows2.forward(g, w, h);
            case 2 -> VectorRows4.forward(g, w, h);
            case 3 -> VectorRows6.forward(g, w, h);
            case 4 -> VectorRows8.forward(g, w, h);
            default -> throw new IllegalArgumentException("no vector loops for accuracy " + 2 * g.halo);
        };
    }

    /** The adjoint step's three sweeps' parts. */
    static Part[][] adjoint(Grid g, Wavefields w, History h) {
        return switch (g.halo) {
            case 1 -> VectorRows2.adjoint(g, w, h);
            case 2 -> VectorRows4.adjoint(g, w, h);
            case 3 -> VectorRows6.adjoint(g, w, h);
            case 4 -> VectorRows8.adjoint(g, w, h);
            default -> throw new IllegalArgumentException("no vector loops for accuracy " + 2 * g.halo);
        };
    }
}
