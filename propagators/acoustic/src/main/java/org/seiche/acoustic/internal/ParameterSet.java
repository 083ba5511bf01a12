package org.seiche.acoustic.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.seiche.api.Model;
import org.seiche.wave.ParameterSets;

/** The two ways to give an acoustic model: velocity and density, or bulk modulus and buoyancy. */
enum ParameterSet {
    VELOCITY, MODULUS;

    static final ParameterSets SETS = new ParameterSets("acoustic", "give v and rho, or k and buoyancy",
            List.of("v", "rho"), List.of("k", "buoyancy"));

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

    /** The one set all the names belong to; null for no names. */
    static ParameterSet of(Collection<String> names, String field) {
        int set = SETS.of(names, field);
        return set < 0 ? null : values()[set];
    }

    /** Refuses a model in this set that cannot be propagated, naming the parameter and cell. */
    void check(Model model) {
        SETS.checkModel(model, names());
    }
}
