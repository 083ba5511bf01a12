package org.seiche.mappings.basic;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Survey;
import org.seiche.inversion.support.Settings;

/**
 * bounds {min, max} (either may be left out): m = clamp(y) of its input y, and y itself is
 * projected into [min, max] at every step, in the link's own space (after the links before it). The gradient passes where min <= x <= max: at a bound the
 * derivative is taken from inside, so a model resting on a bound can leave it again.
 */
@Component(service = Mapping.class, property = Mapping.PROPERTY + "=bounds")
public final class BoundsMapping implements Mapping {
    @Override
    public String name() {
        return "bounds";
    }

    @Override
    public Set<String> options() {
        return Set.of("min", "max");
    }

    @Override
    public Link create(Map<String, Object> config, Model model, Survey survey) {
        Settings s = Settings.ofMapping(name(), config, options());
        if (!s.has("min") && !s.has("max")) {
            throw s.fail("min", "give min, max or both");
        }
        double min = s.number("min", Double.NEGATIVE_INFINITY);
        double max = s.number("max", Double.POSITIVE_INFINITY);
        if (!(min < max)) {
            throw s.fail("min", "must be below max, got min " + min + " and max " + max);
        }
        return new Bounds(min, max);
    }

    private record Bounds(double min, double max) implements Link {
        @Override
        public NdArray toSimulation(NdArray x) {
            return project(x);
        }

        /** The start clamped, so the first x is already feasible. */
        @Override
        public NdArray toInversion(NdArray m) {
            return project(m);
        }

        @Override
        public NdArray gradientToInversion(NdArray x, NdArray g) {
            double[] out = new double[g.size()];
            for (int i = 0; i < out.length; i++) {
                double xi = x.data()[i];
                out[i] = xi >= min && xi <= max ? g.data()[i] : 0;
            }
            return new NdArray(g.shape(), out);
        }

        @Override
        public boolean projects() {
            return true;
        }

        @Override
        public NdArray project(NdArray x) {
            double[] out = new double[x.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(min, Math.min(max, x.data()[i]));
            }
            return new NdArray(x.shape(), out);
        }
    }
}
