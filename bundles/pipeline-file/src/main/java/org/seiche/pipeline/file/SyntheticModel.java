package org.seiche.pipeline.file;

import java.util.ArrayList;
import java.util.List;

import org.seiche.api.NdArray;

/**
 * synthetic: {shape, layers, fault, lens}: a model built from a description, so that
 * examples and tests need no committed binaries. Lengths are in metres (the model's
 * spacing); dimension 0 is depth and dimension 1 the horizontal axis the fault cuts.
 * <ul>
 * <li>layers: from the surface down, [{top, value, gradient}]: below its top (the first
 * layer's is 0) a layer holds value + gradient * (depth - top);</li>
 * <li>fault: {x, dip, throw}: a plane through the surface at x dipping towards +x at dip
 * degrees; beyond it the layers sit throw metres deeper (a normal fault; a negative throw
 * gives a reverse one);</li>
 * <li>lens: one or a list of {centre, radii, value | add, box}: ellipsoids (per dimension),
 * or with box: true boxes of those half-widths, set to value or changed by add, drawn after
 * the fault.</li>
 * </ul>
 */
final class SyntheticModel {
    private record Layer(double top, double value, double gradient) {
    }

    private record Lens(double[] centre, double[] radii, boolean add, double value, boolean box) {
    }

    private SyntheticModel() {
    }

    static NdArray build(Field f, double[] spacing) {
        f.requireObject();
        int[] shape = f.required("shape").integers();
        for (int n : shape) {
            if (n < 1) {
                throw f.get("shape").fail("sizes must be at least 1, got " + java.util.Arrays.toString(shape));
            }
        }
        double[] h = ArrayInputs.perDimension(f, spacing, shape.length);
        List<Layer> layers = layers(f.required("layers"));
        double faultX = 0;
        double slope = 0;
        double faultThrow = 0;
        boolean faulted = f.has("fault");
        if (faulted) {
            Field ft = f.get("fault");
            ft.requireObject();
            if (shape.length < 2) {
                throw ft.fail("needs a model of at least 2 dimensions");
            }
            faultX = ft.required("x").number();
            double dip = ft.required("dip").number();
            if (!(dip > 0 && dip <= 90)) {
                throw ft.get("dip").fail("must be in (0, 90] degrees, got " + dip);
            }
            // horizontal offset of the plane per metre of depth (0 for a vertical fault)
            slope = dip == 90 ? 0 : 1 / Math.tan(Math.toRadians(dip));
            faultThrow = ft.required("throw").number();
        }
        List<Lens> lenses = lenses(f, shape.length);
        int n = Math.toIntExact(NdArray.size(shape));
        double[] v = new double[n];
        int[] cell = new int[shape.length];
        for (int i = 0; i < n; i++) {
            int rest = i;
            for (int a = shape.length - 1; a >= 0; a--) {
                cell[a] = rest % shape[a];
                rest /= shape[a];
            }
            double depth = cell[0] * h[0];
            if (faulted && cell[1] * h[1] > faultX + slope * depth) {
                depth -= faultThrow;
            }
            v[i] = value(layers, depth);
            for (Lens l : lenses) {
                // the squared distance in radii: summed for an ellipsoid, the largest for a box
                double r2 = 0;
                for (int a = 0; a < shape.length; a++) {
                    double d = (cell[a] * h[a] - l.centre[a]) / l.radii[a];
                    r2 = l.box ? Math.max(r2, d * d) : r2 + d * d;
                }
                if (r2 <= 1) {
                    v[i] = l.add ? v[i] + l.value : l.value;
                }
            }
        }
        return new NdArray(shape, v);
    }

    private static List<Layer> layers(Field f) {
        List<Layer> out = new ArrayList<>();
        for (Field l : f.elements()) {
            l.requireObject();
            double top = l.required("top").number();
            if (out.isEmpty() && top != 0) {
                throw l.get("top").fail("must be 0: the first layer starts at the surface");
            }
            if (!out.isEmpty() && !(top > out.get(out.size() - 1).top)) {
                throw l.get("top").fail("must be deeper than the layer above (" + out.get(out.size() - 1).top + " m)");
            }
            out.add(new Layer(top, l.required("value").number(), l.get("gradient").number(0)));
        }
        if (out.isEmpty()) {
            throw f.fail("give at least one layer");
        }
        return out;
    }

    /** The layer holding a depth; above the surface (raised by a reverse fault) the first. */
    private static double value(List<Layer> layers, double depth) {
        Layer at = layers.get(0);
        for (Layer l : layers) {
            if (l.top <= depth) {
                at = l;
            }
        }
        return at.value + at.gradient * Math.max(0, depth - at.top);
    }

    private static List<Lens> lenses(Field f, int ndim) {
        if (!f.has("lens")) {
            return List.of();
        }
        Field all = f.get("lens");
        List<Lens> out = new ArrayList<>();
        for (Field l : all.node().isArray() ? all.elements() : List.of(all)) {
            l.requireObject();
            double[] centre = l.required("centre").numbers();
            double[] radii = l.required("radii").numbers();
            if (centre.length != ndim || radii.length != ndim) {
                throw l.fail("centre and radii need " + ndim + " values each (one per dimension, in metres)");
            }
            for (double r : radii) {
                if (!(r > 0)) {
                    throw l.get("radii").fail("must be positive, got " + java.util.Arrays.toString(radii));
                }
            }
            if (l.has("value") == l.has("add")) {
                throw l.fail("give value (replaces) or add (changes by), one of them");
            }
            boolean add = l.has("add");
            out.add(new Lens(centre, radii, add, l.required(add ? "add" : "value").number(), l.get("box").bool(false)));
        }
        return out;
    }
}
