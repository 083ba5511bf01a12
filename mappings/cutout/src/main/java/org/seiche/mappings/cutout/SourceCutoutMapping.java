package org.seiche.mappings.cutout;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;

/** source-cutout {radius, taper}: removes the gradient's imprint around every source. */
@Component(service = Mapping.class, property = Mapping.PROPERTY + "=source-cutout")
public final class SourceCutoutMapping implements Mapping {
    @Override
    public String name() {
        return "source-cutout";
    }

    @Override
    public Set<String> options() {
        return Cutout.OPTIONS;
    }

    @Override
    public Link create(Map<String, Object> config, Model model, Survey survey) {
        return Cutout.link(name(), config, model, "survey.sources",
                survey.sources().stream().map(SourceGroup::locations).toList());
    }
}
