package org.seiche.mappings.basic;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.Survey;
import org.seiche.inversion.support.Settings;
import org.seiche.inversion.support.Weighting;

/**
 * region-of-interest {mask}: a preconditioner that keeps the gradient where the mask is 1,
 * removes it where it is 0 and scales it in between: g_x = w g_m.
 */
@Component(service = Mapping.class, property = Mapping.PROPERTY + "=region-of-interest")
public final class RegionOfInterestMapping implements Mapping {
    @Override
    public String name() {
        return "region-of-interest";
    }

    @Override
    public Set<String> options() {
        return Set.of("mask");
    }

    @Override
    public Link create(Map<String, Object> config, Model model, Survey survey) {
        Settings s = Settings.ofMapping(name(), config, options());
        double[] mask = s.array("mask", model.shape()).data();
        for (int i = 0; i < mask.length; i++) {
            // a negative weight would turn a descent direction into an ascent one there
            if (mask[i] < 0) {
                throw s.fail("mask", "is " + mask[i] + " at flat index " + i + "; weights must not be negative");
            }
        }
        return new Weighting(mask);
    }
}
