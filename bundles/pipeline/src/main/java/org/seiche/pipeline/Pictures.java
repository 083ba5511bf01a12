package org.seiche.pipeline;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.plot.Axis;
import org.seiche.plot.Png;
import org.seiche.pipeline.file.PictureKeys;

/**
 * The PNG pictures of a run's results, next to their .npy files: every model, gradient and
 * Hessian (1-D ones as a line, 3-D ones as three slices through the cell pictures.slice_at,
 * default the centre), and the first shot of receiver data and data masks (time down the
 * page, receivers across, as a shot gather is drawn; in 3-D, when the receivers cover a grid
 * of y and x, as a cube [time, y, x] in three slices); axes in metres and seconds.
 */
public final class Pictures {
    private Pictures() {
    }

    /** Writers by file stem for the arrays that have a picture. */
    public static Map<String, Consumer<Path>> of(Map<String, NdArray> arrays, PipelineSpec spec) {
        Map<String, Consumer<Path>> out = new LinkedHashMap<>();
        Axis[] axes = Axis.model(spec.model().spacing());
        int[] shape = spec.model().shape();
        int[] at = (int[]) spec.options().get(PictureKeys.SLICE_AT);
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            String name = e.getKey();
            NdArray a = e.getValue();
            // a 1-D model has no image (its arrays are written, not drawn)
            boolean modelShaped = shape.length >= 2 && Arrays.equals(a.shape(), shape);
            if (modelShaped && name.startsWith("model_")) {
                String p = name.substring(6);
                out.put(name, f -> Png.image(f, a, axes, at, modelColours(a), p + " " + a.shapeString(), quantity(p)));
            } else if (modelShaped && name.contains("gradient_")) {
                String p = name.substring(name.indexOf("gradient_") + 9);
                out.put(name, f -> Png.image(f, a, axes, at, Png.Colours.SIGNED, title(name) + " " + a.shapeString(),
                        "d loss / d " + p));
            } else if (a.ndim() == 2 && name.startsWith("hessian_")) {
                String p = name.substring(8);
                Axis[] cells = {Axis.index("cell (row-major)"), Axis.index("cell (row-major)")};
                out.put(name, f -> Png.image(f, a, cells, null, Png.Colours.SIGNED, title(name) + " " + a.shapeString(),
                        "d² loss / d " + p + "²"));
            } else if (a.ndim() == 3 && (name.startsWith("receiver_data") || name.startsWith("data_mask"))) {
                String quantity = name.startsWith("data_mask") ? "weight" : "amplitude";
                Cube cube = shape.length == 3 && spec.survey().receivers().size() == 1
                        ? Cube.of(firstShot(a), spec.survey().receivers().get(0).locations(), spec.model().spacing(),
                        spec.survey().dt()) : null;
                if (cube != null) {
                    out.put(name, f -> Png.cube(f, cube.values(), cube.axes(), cube.peak(), Cube.PIXELS, Png.Colours.SIGNED,
                            name + ", first shot: its receivers' grid over time, through the largest |value|", quantity));
                } else {
                    out.put(name, f -> Png.gather(f, gather(firstShot(a)), spec.survey().dt(), name + ", first shot",
                            quantity));
                }
            }
        }
        return out;
    }

    /** The colour bar's label of a model parameter: its name and unit. */
    public static String quantity(String parameter) {
        String unit = switch (parameter) {
            case "v", "vp", "vs", "scatter" -> "m/s";
            case "rho" -> "kg/m³";
            case "buoyancy" -> "m³/kg";
            case "lamb", "mu" -> "Pa";
            default -> "";
        };
        return unit.isEmpty() ? parameter : parameter + " (" + unit + ")";
    }

    /** A perturbation (Born's scatter, an image) has both signs: white at 0; a velocity or density does not. */
    public static Png.Colours modelColours(NdArray a) {
        boolean negative = false;
        boolean positive = false;
        for (double v : a.data()) {
            negative |= v < 0;
            positive |= v > 0;
        }
        return negative && positive ? Png.Colours.SIGNED : Png.Colours.MODEL;
    }

    private static String title(String name) {
        if (name.startsWith("hessian_")) {
            return "Hessian of the loss w.r.t. " + name.substring(8) + " (row-major cells)";
        }
        if (name.startsWith("mapped_gradient_")) {
            return "gradient w.r.t. " + name.substring(16) + " in inversion space (through the mappings)";
        }
        return "gradient of the loss w.r.t. " + name.substring(name.indexOf("gradient_") + 9);
    }

    /**
     * A 3-D survey's first shot as a cube [time, y, x] when its receivers cover a grid of
     * y and x evenly, each node once (at any depths): drawn as three slices through the
     * sample of the largest |value|, time down the page.
     */
    record Cube(NdArray values, Axis[] axes, int[] peak) {
        /** Pixels along time, y and x: seconds and metres do not share a scale. */
        static final int[] PIXELS = {360, 240, 240};

        /** The cube of traces [receivers, nt], or null when the receivers are not such a grid. */
        static Cube of(NdArray traces, Locations receivers, double[] spacing, double dt) {
            int n = receivers.perShot();
            int nt = traces.dim(1);
            int[] ys = new int[n];
            int[] xs = new int[n];
            for (int r = 0; r < n; r++) {
                if (receivers.unused(0, r)) {
                    return null;
                }
                ys[r] = receivers.coordinate(0, r, 1);
                xs[r] = receivers.coordinate(0, r, 2);
            }
            int[] y = Arrays.stream(ys).distinct().sorted().toArray();
            int[] x = Arrays.stream(xs).distinct().sorted().toArray();
            if (y.length < 2 || x.length < 2 || y.length * x.length != n || !even(y) || !even(x)) {
                return null;
            }
            double[] cube = new double[nt * n];
            boolean[] seen = new boolean[n];
            for (int r = 0; r < n; r++) {
                int node = (ys[r] - y[0]) / (y[1] - y[0]) * x.length + (xs[r] - x[0]) / (x[1] - x[0]);
                if (seen[node]) {
                    return null;
                }
                seen[node] = true;
                for (int t = 0; t < nt; t++) {
                    cube[t * n + node] = traces.data()[r * nt + t];
                }
            }
            int peak = 0;
            for (int i = 1; i < cube.length; i++) {
                peak = Math.abs(cube[i]) > Math.abs(cube[peak]) ? i : peak;
            }
            Axis[] axes = {Axis.seconds(dt), Axis.metres("y from the first receiver", spacing[1] * (y[1] - y[0])),
                Axis.metres("x from the first receiver", spacing[2] * (x[1] - x[0]))};
            return new Cube(new NdArray(new int[] {nt, y.length, x.length}, cube), axes,
                    new int[] {peak / n, peak % n / x.length, peak % x.length});
        }

        private static boolean even(int[] sorted) {
            for (int i = 2; i < sorted.length; i++) {
                if (sorted[i] - sorted[i - 1] != sorted[1] - sorted[0]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** [receivers, nt] of shot 0 of [shots, receivers, nt]. */
    public static NdArray firstShot(NdArray d) {
        int n = d.dim(1) * d.dim(2);
        double[] out = new double[n];
        System.arraycopy(d.data(), 0, out, 0, n);
        return new NdArray(new int[] {d.dim(1), d.dim(2)}, out);
    }

    /** [nt, receivers]: time down the page. */
    public static NdArray gather(NdArray a) {
        int r = a.dim(0);
        int c = a.dim(1);
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j * r + i] = a.data()[i * c + j];
            }
        }
        return new NdArray(new int[] {c, r}, out);
    }
}
