/**
 * The CPU kernel's numerics in double. This package is the template of the float kernel:
 * the build copies it to {@code cpu.f32} replacing the word double by float, so write
 * nothing here that would not compile or be right in float (no fractional literals, no
 * Math calls, outside arrays reached only through DoubleBuffer).
 */
package org.seiche.elastic.cpu.f64;
