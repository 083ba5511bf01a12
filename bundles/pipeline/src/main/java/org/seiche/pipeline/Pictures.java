package org.seiche.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.seiche.api.NdArray;
import org.seiche.plot.Png;

/**
 * The PNG pictures of a run's results, next to their .npy files: every 2-D model,
 * gradient and Hessian, and the first shot of receiver data and data masks (time down the
 * page, receivers across, as a shot gather is drawn).
 */
final class Pictures {
    private Pictures() {
    }

    /** Writers by file stem for the arrays that have a picture. */
    static Map<String, Consumer<Path>> of(Map<String, NdArray> arrays) {
        Map<String, Consumer<Path>> out = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            String name = e.getKey();
            NdArray a = e.getValue();
            if (a.ndim() == 2 && name.startsWith("model_")) {
                out.put(name, f -> Png.image(f, a, modelColours(a), name.substring(6) + " " + a.shapeString()));
            } else if (a.ndim() == 2 && (name.contains("gradient_") || name.startsWith("hessian_"))) {
                out.put(name, f -> Png.image(f, a, Png.Colours.SIGNED, title(name) + " " + a.shapeString()));
            } else if (a.ndim() == 3 && (name.startsWith("receiver_data") || name.startsWith("data_mask"))) {
                out.put(name, f -> Png.gather(f, gather(firstShot(a)), name + ", first shot (time down, receivers across)"));
            }
        }
        return out;
    }

    /** A perturbation (Born's scatter, an image) has both signs: white at 0; a velocity or density does not. */
    static Png.Colours modelColours(NdArray a) {
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

    /** [receivers, nt] of shot 0 of [shots, receivers, nt]. */
    static NdArray firstShot(NdArray d) {
        int n = d.dim(1) * d.dim(2);
        double[] out = new double[n];
        System.arraycopy(d.data(), 0, out, 0, n);
        return new NdArray(new int[] {d.dim(1), d.dim(2)}, out);
    }

    /** [nt, receivers]: time down the page. */
    static NdArray gather(NdArray a) {
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
