package org.seiche.scalar.cpu;

import jdk.incubator.vector.VectorSpecies;

import org.seiche.wave.DoubleLanes;

/** The SIMD stencil of a grid's accuracy (DoubleVectorStencil2 is the template of all four). */
final class DoubleVectorStencils {
    /** The species every kernel uses (see DoubleLanes). */
    static final VectorSpecies<Double> LANES = DoubleLanes.SPECIES;

    private DoubleVectorStencils() {
    }

    /** Typed as the reference stencil, so that callers link without the vector module. */
    static DoubleStencil of(DoubleCoefficients c) {
        return switch (c.guard) {
            case 1 -> new DoubleVectorStencil1(c);
            case 2 -> new DoubleVectorStencil2(c);
            case 3 -> new DoubleVectorStencil3(c);
            case 4 -> new DoubleVectorStencil4(c);
            default -> throw new IllegalArgumentException("no SIMD stencil reaching " + c.guard + " cells");
        };
    }

    /** The 3-D SIMD stencil of the grid's accuracy (DoubleVectorStencil3d2 is the template of all four). */
    static DoubleSweep of3d(DoubleCoefficients c) {
        return switch (c.guard) {
            case 1 -> new DoubleVectorStencil3d1(c);
            case 2 -> new DoubleVectorStencil3d2(c);
            case 3 -> new DoubleVectorStencil3d3(c);
            case 4 -> new DoubleVectorStencil3d4(c);
            default -> throw new IllegalArgumentException("no SIMD stencil reaching " + c.guard + " cells");
        };
    }
}
