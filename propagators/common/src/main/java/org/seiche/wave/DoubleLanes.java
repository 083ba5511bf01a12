package org.seiche.wave;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * What every double kernel must agree on: the vector species of its SIMD loops and the
 * magnitude below which it stores zero. This file is the template of its float twin
 * (src/main/variants.table). Portable loops may read {@link #NEGLIGIBLE}: a constant
 * javac copies into them, so they never load this class and its vector module.
 */
public final class DoubleLanes {
    /**
     * The preferred species, 512 bits where the CPU has them: half the vector instructions
     * per cell of 256 bits (float32, 1 shot on 2 threads 1.18x). One species for every
     * propagator: in one JVM, loops of two vector sizes make the Vector API's calls
     * polymorphic and the later-compiled loops box their vectors (the elastic bench after
     * the scalar one ran 7x slower with 256 bits there and 512 here).
     */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /**
     * Fields, memory variables and gradient sums below this magnitude are stored as zero.
     * Subnormal numbers appear ahead of every wavefront (the stencil's numerical precursor)
     * and where PML fields decay, and the CPU computes with them 20 to 100 times slower;
     * Java itself cannot set the processor's flush-to-zero mode (native code can:
     * {@link FlushToZero}). 2^24 times the smallest normal number also keeps the next
     * step's products (coefficients down to 2^-24) normal. Float32: 2^-102 = 2e-31, far
     * below the rounding of any signal it could touch.
     */
    public static final double NEGLIGIBLE = Double.MIN_NORMAL * 0x1p24f;

    private DoubleLanes() {
    }
}
