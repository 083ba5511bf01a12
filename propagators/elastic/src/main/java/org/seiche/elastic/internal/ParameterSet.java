package org.seiche.elastic.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.seiche.wave.ParameterSets;

/** The two ways to give an elastic model: velocities and density, or Lamé parameters and buoyancy. */
enum ParameterSet {
    VELOCITY, LAME;

    static final ParameterSets SETS = new ParameterSets("elastic", "give vp, vs, rho or lamb, mu, buoyancy",
            List.of("vp", "vs", "rho"), List.of("lamb", "mu", "buoyancy"));

    List<String> names() {
        return SETS.names(ordinal());
    }

    static Set<String> allNames() {
        return SETS.allNames();
    }

    /** The set a model's parameters form exactly. */
    static ParameterSet ofModel(Set<String> given) {
        return values()[SETS.ofModel(given)];
    }

    /** The one set all the (known) names belong to; null for no names. */
    static ParameterSet of(Collection<String> names, String field) {
        int set = SETS.of(names, field);
        return set < 0 ? null : values()[set];
    }
}
