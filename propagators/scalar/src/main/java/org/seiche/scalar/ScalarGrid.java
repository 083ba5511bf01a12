package org.seiche.scalar;

import java.util.Arrays;

import org.seiche.api.PropagatorSettings;
import org.seiche.wave.Cpml;
import org.seiche.wave.Padding;
import org.seiche.wave.Stencils;

/**
 * The padded grid a scalar simulation runs on: the model plus its PML cells plus
 * accuracy/2 zero guard cells per side, velocity extended into the PML by repeating its
 * edge values, the C-PML profiles of every dimension, and the inner time step. The
 * kernels' coefficients come from here; gradients on the padded grid go back to the
 * model through {@link #velocityGradient}.
 */
public final class ScalarGrid {
    private final int[] modelShape;
    private final double[] spacing;
    private final int accuracy;
    private final int guard;
    private final double dt;
    private final Padding padding;
    private final int[] paddedShape;
    private final double[] velocity;
    private final double[] v2dt2;
    private final PmlProfile[] profiles;

    private ScalarGrid(int[] modelShape, double[] spacing, int accuracy, int[] widths, double dt, double maxVel,
                       double pmlFreq, double[] v) {
        this.modelShape = modelShape.clone();
        this.spacing = spacing.clone();
        this.accuracy = accuracy;
        this.guard = accuracy / 2;
        this.dt = dt;
        int ndim = modelShape.length;
        int[] before = new int[ndim];
        int[] after = new int[ndim];
        for (int d = 0; d < ndim; d++) {
            before[d] = widths[2 * d] + guard;
            after[d] = widths[2 * d + 1] + guard;
        }
        padding = new Padding(modelShape, before, after);
        paddedShape = padding.paddedShape();
        velocity = padding.extendEdges(v);
        v2dt2 = new double[velocity.length];
        for (int i = 0; i < v2dt2.length; i++) {
            v2dt2[i] = velocity[i] * velocity[i] * dt * dt;
        }
        Cpml cpml = new Cpml(maxVel, pmlFreq, Cpml.longestMetres(widths, spacing), dt);
        profiles = new PmlProfile[ndim];
        for (int d = 0; d < ndim; d++) {
            profiles[d] = new PmlProfile(modelShape[d], widths[2 * d], widths[2 * d + 1], guard, cpml,
                    firstDerivative(d));
        }
    }

    /**
     * @param v        velocity, row-major over modelShape
     * @param dt       the inner (stable) time step
     * @param maxVel   the velocity the PML is scaled for
     */
    public static ScalarGrid of(double[] v, int[] modelShape, double[] spacing, PropagatorSettings settings, double dt,
                                double maxVel) {
        return new ScalarGrid(modelShape, spacing, settings.accuracy(), settings.widths(modelShape.length), dt, maxVel,
                settings.pmlFreq(), v);
    }

    public int ndim() {
        return modelShape.length;
    }

    public int[] modelShape() {
        return modelShape.clone();
    }

    public int[] paddedShape() {
        return paddedShape.clone();
    }

    public int cells() {
        return padding.paddedSize();
    }

    public int accuracy() {
        return accuracy;
    }

    /** Guard cells per side: the stencil's half width. */
    public int guard() {
        return guard;
    }

    public double spacing(int d) {
        return spacing[d];
    }

    /** The inner time step. */
    public double dt() {
        return dt;
    }

    public Padding padding() {
        return padding;
    }

    /** Velocity on the padded grid (edge values repeated); shared, do not modify. */
    public double[] velocity() {
        return velocity;
    }

    /** v^2 dt^2 on the padded grid; shared, do not modify. */
    public double[] v2dt2() {
        return v2dt2;
    }

    public PmlProfile profile(int d) {
        return profiles[d];
    }

    /** Centred first-difference coefficients c_1..c_guard of dimension d, divided by h_d. */
    public double[] firstDerivative(int d) {
        double[] c = Stencils.firstDerivative(accuracy);
        for (int k = 0; k < c.length; k++) {
            c[k] /= spacing[d];
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

    /**
     * d loss / d v on the model from d loss / d (v^2 dt^2) on the padded grid: the chain rule
     * 2 v dt^2, and the extended PML cells summed back onto the edge cells they repeat.
     */
    public double[] velocityGradient(double[] v2dt2Gradient) {
        double[] g = new double[v2dt2Gradient.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = v2dt2Gradient[i] * 2 * velocity[i] * dt * dt;
        }
        return padding.sumEdges(g);
    }

    @Override
    public String toString() {
        return "ScalarGrid" + Arrays.toString(paddedShape) + " accuracy " + accuracy + " dt " + dt;
    }
}
