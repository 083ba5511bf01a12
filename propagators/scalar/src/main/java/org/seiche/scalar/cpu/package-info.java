/**
 * The CPU kernels of the scalar propagator. The Double* classes are the kernels in
 * float64; the build generates their float32 twins (Float*) from them by spelling every
 * double as float, so both precisions run the same code. Rules for a Double* source:
 * host (api) arrays are reached through NdArray.data() or {@code var}, never declared as
 * double[]; numeric literals are ints.
 */
package org.seiche.scalar.cpu;
