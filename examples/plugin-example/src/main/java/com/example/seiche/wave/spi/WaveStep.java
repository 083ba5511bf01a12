package com.example.seiche.wave.spi;

/**
 * One time step's constants on an [n0, n1] grid whose field is zero outside: inverse squared
 * spacings, and the update next = a cur - b older + dt2 (stencil term), with a = 2 - gamma dt
 * and b = 1 - gamma dt for damping gamma.
 */
public record WaveStep(int n0, int n1, double inv0, double inv1, double a, double b, double dt2) {
    public int cells() {
        return n0 * n1;
    }
}
