package org.seiche.acoustic.cpu.f64;

import org.seiche.wave.VectorSupport;

/**
 * The SIMD loops of a line with no PML along any axis (2-D and 3-D): every axis's velocity
 * update at its half points in one pass over p, and the pressure update at its cells in one
 * pass over the velocities, in place of a line buffer per axis. One class per accuracy,
 * written from {@link VectorInterior2} by build/variants (src/main/variants.table). Each
 * loop covers whole vectors from {@code from} and returns where it stopped; the portable
 * loops of {@link Steps} do the rest. A stored term of cell i is at {@code storeAt + i} of its
 * array (the step's place in its store).
 */
abstract class Interior {
    /**
     * v_a -= dt B_a G_a p at the half points [from, to) of the line at base, for every axis;
     * store[a], when not null, takes G_a p.
     */
    abstract int velocities(Fields f, int base, int from, int to, double[][] store, int storeAt);

    /** p -= dt K sum_a D_a v_a at the cells [from, to) of the line at base; store, when not null, takes the sum. */
    abstract int pressure(Fields f, int base, int from, int to, double[] store, int storeAt);

    /**
     * {@link #velocities} on any line of a 2-D grid: the memory variables of y with the line's
     * profile values (a = b = 0 where it has none), of x with its columns' (zero in the x
     * interior); y is not updated when yOn is false (the last row of half points). Not for
     * 3-D: with a third axis these loops boxed their vectors.
     */
    abstract int pmlVelocities(Fields f, int base, int from, int to, double[][] store, int storeAt, boolean yOn, double ya, double yb);

    /** {@link #pressure} on any line of a 2-D grid, the profiles as in {@link #pmlVelocities}. */
    abstract int pmlPressure(Fields f, int base, int from, int to, double[] store, int storeAt, double ya, double yb);

    /**
     * The adjoint at the half points [from, to): v_a -= G_a w_a, the buoyancy sum
     * += v_a stored[a] (when stored[a] is not null), u_a = -dt B_a v_a.
     */
    abstract int adjointVelocities(Fields f, int base, int from, int to, double[][] stored, int storeAt);

    /** The adjoint at the cells [from, to): the K sum += p stored (when not null), p -= sum_a D_a u_a. */
    abstract int adjointPressure(Fields f, int base, int from, int to, double[] stored, int storeAt);

    /** {@link #adjointVelocities} on any line of a 2-D grid, the profiles as in {@link #pmlVelocities}. */
    abstract int pmlAdjointVelocities(Fields f, int base, int from, int to, double[][] stored, int storeAt, boolean yOn, double ya,
                                      double yb);

    /**
     * {@link #adjointPressure} on any line of a 2-D grid, with phi_a = a (phi_a - dt K p) (the
     * old p) for both axes, a the line's y profile value and x's by column.
     */
    abstract int pmlAdjointPressure(Fields f, int base, int from, int to, double[] stored, int storeAt, double ya);

    /**
     * One axis's velocity at the half points [from, to) of the line at base, in profile q's
     * PML (Steps.COLUMN: x's by column; Steps.NONE: none), as Steps' portable velocity run
     * computes it, to the bit: the derivative summed term by term without fused multiply-adds.
     * For 3-D lines with PML along z or y and for the x strips, where the fused loops above
     * would need a third axis's memory variables in one loop body (which boxed their vectors).
     */
    abstract int velocityRun(Fields f, int axis, int base, int from, int to, int q, double[] store, int storeAt);

    /**
     * One axis's share of the pressure bracket at the cells [from, to): div += D_a v_a, or in
     * the PML phi_a = a phi_a + b D_a v_a and div += D_a v_a + phi_a; div by line position.
     */
    abstract int pressureRun(Fields f, int axis, int base, int from, int to, int q, double[] div);

    /** One axis's adjoint at the half points [from, to), as Steps' portable adjoint velocity run, to the bit. */
    abstract int adjointVelocityRun(Fields f, int axis, int base, int from, int to, int q, double[] stored, int storeAt);

    /**
     * One axis's share of the adjoint pressure at the cells [from, to): in the PML
     * phi_a = a (phi_a - dt K p), then total += D_a u_a; total by line position.
     */
    abstract int adjointPressureRun(Fields f, int axis, int base, int from, int to, int q, double[] total);

    /** The loops for this kernel's accuracy, or null without the Vector API or in 1-D (lines along x only). */
    static Interior of(Kernel kn) {
        if (kn.layout.ndim < 2 || !VectorSupport.available()) {
            return null;
        }
        return switch (kn.stencil[2].length) {
            case 1 -> new VectorInterior1(kn);
            case 2 -> new VectorInterior2(kn);
            case 3 -> new VectorInterior3(kn);
            default -> new VectorInterior4(kn);
        };
    }
}
