package org.seiche.elastic.spi;

/**
 * The wavefields of the staggered grid: particle velocities v_y at (y+1/2, x) and v_x at
 * (y, x+1/2), normal stresses at (y, x), shear stress at (y+1/2, x+1/2).
 */
public enum Field {
    VY, VX, SIGMA_YY, SIGMA_XX, SIGMA_XY;

    /** Velocities are updated in the first half of a step, stresses in the second. */
    public boolean velocity() {
        return this == VY || this == VX;
    }
}
