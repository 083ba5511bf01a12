package org.seiche.scalar.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** The SIMD stencil of a grid's accuracy (DoubleVectorStencil2 is the template of all four). */
final class DoubleVectorStencils {
    /**
     * The preferred species: 512 bits where the CPU has them. Against 256 bits on this
     * machine (AVX-512, float32, 540 x 540 cells, best of 10 runs, 5 alternating pairs):
     * 1 shot on 2 threads 1.18x (median), 4 shots 1.09x, 1 thread 1.06x; half as many vector
     * instructions per cell, which shows most when two threads run.
     */
    static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

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
}
