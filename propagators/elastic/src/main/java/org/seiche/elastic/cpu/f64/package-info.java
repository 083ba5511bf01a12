/**
 * The CPU kernel's numerics in double. This package is the template of the float kernel:
 * the build copies it to {@code cpu.f32} as src/main/variants.table says, renaming the
 * precision (the word double to float, DoubleVector to FloatVector, {@code <Double>} to
 * {@code <Float>}, Double.MIN_NORMAL to Float.MIN_NORMAL, FLOAT64 to FLOAT32, DoubleLanes
 * to FloatLanes, the package), so write nothing here that would not
 * compile or be right in float (no fractional literals, no Math calls, outside arrays
 * reached only through DoubleBuffer).
 */
package org.seiche.elastic.cpu.f64;
