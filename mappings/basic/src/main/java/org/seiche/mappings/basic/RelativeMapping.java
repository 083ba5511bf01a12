package org.seiche.mappings.basic;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Survey;
import org.seiche.inversion.support.Settings;
import org.seiche.inversion.support.Weighting;

/**
 * relative {prior}: the relative deviation from a prior model, m = m0 (1 + x), so that
 * deep fast cells weigh as much as shallow slow ones; g_x = m0 g_m.
 */
@Component(service = Mapping.class, property = Mapping.PROPERTY + "=relative")
public final class RelativeMapping implements Mapping {
    @Override
    public String name() {
        return "relative";
    }

    @Override
    public Set<String> options() {
        return Set.of("prior");
    }

    @Override
    public Link create(Map<String, Object> config, Model model, Survey survey) {
        Settings s = Settings.ofMapping(name(), config, options());
        double[] prior = s.array("prior", model.shape()).data();
        for (int i = 0; i < prior.length; i++) {
            if (prior[i] == 0) {
                throw s.fail("prior", "is 0 at flat index " + i + "; a relative deviation needs a non-zero prior everywhere");
            }
        }
        return new Relative(prior);
    }

    private record Relative(double[] prior) implements Link {
        @Override
        public NdArray toSimulation(NdArray x) {
            double[] in = x.data();
            double[] m = new double[in.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = prior[i] * (1 + in[i]);
            }
            return new NdArray(x.shape(), m);
        }

        @Override
        public NdArray toInversion(NdArray m) {
            double[] in = m.data();
            double[] x = new double[in.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = in[i] / prior[i] - 1;
            }
            return new NdArray(m.shape(), x);
        }

        @Override
        public NdArray gradientToInversion(NdArray x, NdArray g) {
            return Weighting.times(prior, g);
        }
    }
}
