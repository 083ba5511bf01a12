package org.seiche.elastic.spi;

/**
 * The material coefficients a kernel steps with, each at its own staggered point:
 * lamb and mu at (y, x), mu_xy (harmonic mean of four mu) at (y+1/2, x+1/2), buoyancy_y
 * and buoyancy_x (inverse mean density) at the velocity points.
 */
public enum Coefficient {
    LAMB, MU, MU_XY, BUOYANCY_Y, BUOYANCY_X
}
