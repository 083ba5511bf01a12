package org.seiche.mappings.basic;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Survey;
import org.seiche.inversion.support.Settings;

/**
 * clip {quantile}: a preconditioner that clips the gradient to +-t, t the q-quantile of
 * |g| (linear interpolation between order statistics, as torch.quantile in Deepwave's FWI
 * example), so that a few large cells (sources, model edges) do not dominate the step.
 */
@Component(service = Mapping.class, property = Mapping.PROPERTY + "=clip")
public final class ClipMapping implements Mapping {
    @Override
    public String name() {
        return "clip";
    }

    @Override
    public Set<String> options() {
        return Set.of("quantile");
    }

    @Override
    public Link create(Map<String, Object> config, Model model, Survey survey) {
        Settings s = Settings.ofMapping(name(), config, options());
        double q = s.number("quantile");
        if (!(q > 0 && q <= 1)) {
            throw s.fail("quantile", "must be in (0, 1], got " + q);
        }
        return new Clip(q);
    }

    private record Clip(double quantile) implements Link {
        @Override
        public NdArray toSimulation(NdArray x) {
            return x;
        }

        @Override
        public NdArray toInversion(NdArray m) {
            return m;
        }

        @Override
        public NdArray gradientToInversion(NdArray x, NdArray g) {
            double t = threshold(g.data());
            double[] out = new double[g.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(-t, Math.min(t, g.data()[i]));
            }
            return new NdArray(g.shape(), out);
        }

        private double threshold(double[] g) {
            double[] a = new double[g.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.abs(g[i]);
            }
            Arrays.sort(a);
            double pos = quantile * (a.length - 1);
            int lo = (int) Math.floor(pos);
            return lo + 1 < a.length ? a[lo] + (pos - lo) * (a[lo + 1] - a[lo]) : a[lo];
        }
    }
}
