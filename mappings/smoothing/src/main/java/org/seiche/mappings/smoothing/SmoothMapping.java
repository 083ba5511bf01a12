package org.seiche.mappings.smoothing;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Survey;
import org.seiche.inversion.support.GaussianSmoothing;
import org.seiche.inversion.support.Settings;

/**
 * smooth {lengths}: a preconditioner; the model passes unchanged and the gradient is
 * smoothed, g_x = S g_m, so that cutouts and masks do not put sharp edges in the update.
 */
@Component(service = Mapping.class, property = Mapping.PROPERTY + "=smooth")
public final class SmoothMapping implements Mapping {
    @Override
    public String name() {
        return "smooth";
    }

    @Override
    public Set<String> options() {
        return Set.of("lengths");
    }

    @Override
    public Link create(Map<String, Object> config, Model model, Survey survey) {
        return new Smooth(GaussianSmoothing.of(Settings.ofMapping(name(), config, options()), model));
    }

    private record Smooth(GaussianSmoothing s) implements Link {
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
            return s.apply(g);
        }
    }
}
