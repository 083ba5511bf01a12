package org.seiche.scalar.spi;

import java.util.Arrays;

import org.seiche.wave.Padding;
import org.seiche.wave.Stencils;

/**
 * The padded grid a scalar simulation runs on: the model plus its PML cells plus
 * accuracy/2 zero guard cells per side ({@code padding}), velocity extended into the PML by
 * repeating its edge values and v^2 dt^2 on those cells (row-major over the padded shape),
 * the C-PML profile of every dimension, and the inner time step. The kernels' coefficients
 * come from here. Velocity and v^2 dt^2 are shared: do not modify them.
 */
public record ScalarGrid(int[] modelShape, double[] spacing, int accuracy, double dt, Padding padding, double[] velocity,
                         double[] v2dt2, PmlProfile[] profiles) {
    public ScalarGrid {
        modelShape = modelShape.clone();
        spacing = spacing.clone();
        if (spacing.length != modelShape.length || profiles.length != modelShape.length) {
            throw new IllegalArgumentException("a " + modelShape.length + "-D grid needs one spacing and one PML profile "
                    + "per dimension, got " + spacing.length + " and " + profiles.length);
        }
        if (velocity.length != padding.paddedSize() || v2dt2.length != padding.paddedSize()) {
            throw new IllegalArgumentException("velocity and v^2 dt^2 must hold the " + padding.paddedSize()
                    + " padded cells, got " + velocity.length + " and " + v2dt2.length);
        }
    }

    public int ndim() {
        return modelShape.length;
    }

    @Override
    public int[] modelShape() {
        return modelShape.clone();
    }

    public int[] paddedShape() {
        return padding.paddedShape();
    }

    public int cells() {
        return padding.paddedSize();
    }

    /** Guard cells per side: the stencil's half width. */
    public int guard() {
        return accuracy / 2;
    }

    public double spacing(int d) {
        return spacing[d];
    }

    public PmlProfile profile(int d) {
        return profiles[d];
    }

    /** Centred first-difference coefficients c_1..c_guard of dimension d, divided by h_d. */
    public double[] firstDerivative(int d) {
        return firstDerivative(accuracy, spacing[d]);
    }

    /** Centred first-difference coefficients c_1..c_(accuracy/2) for a spacing h, divided by h. */
    public static double[] firstDerivative(int accuracy, double h) {
        double[] c = Stencils.firstDerivative(accuracy);
        for (int k = 0; k < c.length; k++) {
            c[k] /= h;
        }
        return c;
    }

    /** Centred second-difference coefficients c_0..c_guard of dimension d, divided by h_d^2. */
    public double[] secondDerivative(int d) {
        double[] c = Stencils.secondDerivative(accuracy);
        for (int k = 0; k < c.length; k++) {
            c[k] /= spacing[d] * spacing[d];
        }
        return c;
    }

    /** Padded flat index of a model cell. */
    public int paddedIndex(int[] cell) {
        return padding.paddedIndex(cell);
    }

    @Override
    public String toString() {
        return "ScalarGrid" + Arrays.toString(paddedShape()) + " accuracy " + accuracy + " dt " + dt;
    }
}
