/**
 * The CPU kernel's numerics in double, written once; the build generates the float copy
 * (package cpu.f32) from these sources by src/main/variants.table.
 */
package org.seiche.acoustic.cpu.f64;
