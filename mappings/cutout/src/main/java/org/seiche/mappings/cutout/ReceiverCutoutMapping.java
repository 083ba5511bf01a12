package org.seiche.mappings.cutout;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Mapping;
import org.seiche.api.Model;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Survey;

/** receiver-cutout {radius, taper}: removes the gradient's imprint around every receiver. */
@Component(service = Mapping.class, property = Mapping.PROPERTY + "=receiver-cutout")
public final class ReceiverCutoutMapping implements Mapping {
    @Override
    public String name() {
        return "receiver-cutout";
    }

    @Override
    public Set<String> options() {
        return Cutout.OPTIONS;
    }

    @Override
    public Link create(Map<String, Object> config, Model model, Survey survey) {
        return Cutout.link(name(), config, model, "survey.receivers",
                survey.receivers().stream().map(ReceiverGroup::locations).toList());
    }
}
