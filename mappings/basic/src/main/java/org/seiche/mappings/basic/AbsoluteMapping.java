package org.seiche.mappings.basic;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Survey;
import org.seiche.inversion.support.Settings;

/** absolute: the inversion works on the simulation's values themselves, m = x. */
@Component(service = Mapping.class, property = Mapping.PROPERTY + "=absolute")
public final class AbsoluteMapping implements Mapping {
    private static final Link IDENTITY = new Link() {
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
            return g;
        }
    };

    @Override
    public String name() {
        return "absolute";
    }

    @Override
    public Link create(Map<String, Object> config, Model model, Survey survey) {
        Settings.ofMapping(name(), config, options());
        return IDENTITY;
    }
}
