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
 * smooth-model {lengths}: the reparameterisation of seed 000, m = S x, so that one-cell
 * features (the edge rows of a PML gradient) cannot enter the model; g_x = S^T g_m = S g_m.
 * The start is x = m rather than a solve of S x = m: that deconvolution is ill-posed, and
 * for the smooth start models inversions begin from S m is close to m.
 */
@Component(service = Mapping.class, property = Mapping.PROPERTY + "=smooth-model")
public final class SmoothModelMapping implements Mapping {
    @Override
    public String name() {
        return "smooth-model";
    }

    @Override
    public Set<String> options() {
        return Set.of("lengths");
    }

    @Override
    public Link create(Map<String, Object> config, Model model, Survey survey) {
        return new SmoothModel(GaussianSmoothing.of(Settings.ofMapping(name(), config, options()), model));
    }

    private record SmoothModel(GaussianSmoothing s) implements Link {
        @Override
        public NdArray toSimulation(NdArray x) {
            return s.apply(x);
        }

        @Override
        public NdArray toInversion(NdArray m) {
            return m;
        }

        @Override
        public NdArray gradientToInversion(NdArray x, NdArray g) {
            return s.apply(g);
        }

        /** x = m is not S^-1 m, so a bound projected after this link could not be taken back exactly. */
        @Override
        public boolean invertible() {
            return false;
        }
    }
}
