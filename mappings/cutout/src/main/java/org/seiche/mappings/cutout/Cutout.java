package org.seiche.mappings.cutout;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.inversion.support.Settings;
import org.seiche.inversion.support.Weighting;

/**
 * A cutout {radius, taper}: a gradient weight that is 0 within radius metres of any of the
 * given locations (of every shot), rises as a half cosine over the next taper metres
 * (default radius / 2) and is 1 beyond, so the update has no sharp rim.
 */
final class Cutout {
    /** The options of both cutout mappings. */
    static final Set<String> OPTIONS = Set.of("radius", "taper");

    private final double radius;
    private final double taper;
    private final int[] shape;
    private final double[] spacing;
    private final double[] weights;

    private Cutout(double radius, double taper, Model model) {
        this.radius = radius;
        this.taper = taper;
        this.shape = model.shape();
        this.spacing = model.spacing();
        this.weights = new double[Math.toIntExact(NdArray.size(shape))];
        Arrays.fill(weights, 1);
    }

    /** The link of a cutout mapping around the locations of {@code field} of the survey. */
    static Weighting link(String mapping, Map<String, Object> config, Model model, String field, List<Locations> groups) {
        Settings s = Settings.ofMapping(mapping, config, OPTIONS);
        double radius = s.nonNegative("radius");
        Cutout c = new Cutout(radius, s.nonNegative("taper", radius / 2), model);
        for (List<Integer> p : points(field, groups, model.shape().length)) {
            c.cutAround(p);
        }
        return new Weighting(c.weights);
    }

    /** Every used location of every shot, each once. */
    private static Set<List<Integer>> points(String field, List<Locations> groups, int ndim) {
        Set<List<Integer>> points = new LinkedHashSet<>();
        for (Locations l : groups) {
            if (l.ndim() != ndim) {
                throw new SeicheException(field + ": locations have " + l.ndim() + " coordinates, the model has "
                        + ndim + " dimensions");
            }
            for (int shot = 0; shot < l.shots(); shot++) {
                for (int i = 0; i < l.perShot(); i++) {
                    if (!l.unused(shot, i)) {
                        Integer[] c = new Integer[ndim];
                        for (int a = 0; a < ndim; a++) {
                            c[a] = l.coordinate(shot, i, a);
                        }
                        points.add(List.of(c));
                    }
                }
            }
        }
        return points;
    }

    private double weight(double distance) {
        if (distance <= radius) {
            return 0;
        }
        if (distance >= radius + taper) {
            return 1;
        }
        return 0.5 * (1 - Math.cos(Math.PI * (distance - radius) / taper));
    }

    /** Lowers the weights to this point's, visiting only the box of cells it reaches. */
    private void cutAround(List<Integer> p) {
        int n = shape.length;
        int[] lo = new int[n];
        int[] hi = new int[n];
        for (int a = 0; a < n; a++) {
            int reach = (int) Math.floor((radius + taper) / spacing[a]);
            lo[a] = Math.max(0, p.get(a) - reach);
            hi[a] = Math.min(shape[a] - 1, p.get(a) + reach);
            if (lo[a] > hi[a]) {
                return;
            }
        }
        int[] cell = lo.clone();
        while (true) {
            double d2 = 0;
            int index = 0;
            for (int a = 0; a < n; a++) {
                double d = (cell[a] - p.get(a)) * spacing[a];
                d2 += d * d;
                index = index * shape[a] + cell[a];
            }
            weights[index] = Math.min(weights[index], weight(Math.sqrt(d2)));
            // next cell of the box, last axis fastest
            int a = n - 1;
            while (a >= 0 && cell[a] == hi[a]) {
                cell[a] = lo[a];
                a--;
            }
            if (a < 0) {
                return;
            }
            cell[a]++;
        }
    }
}
