package org.seiche.acoustic.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.seiche.api.SeicheException;

/** The two ways to give an acoustic model: velocity and density, or bulk modulus and buoyancy. */
enum ParameterSet {
    VELOCITY("v", "rho"), MODULUS("k", "buoyancy");

    private static final String HINT = "give v and rho, or k and buoyancy";
    private final List<String> names;

    ParameterSet(String... names) {
        this.names = List.of(names);
    }

    List<String> names() {
        return names;
    }

    static Set<String> allNames() {
        Set<String> all = new LinkedHashSet<>(VELOCITY.names);
        all.addAll(MODULUS.names);
        return all;
    }

    /** The set a model's parameters form exactly. */
    static ParameterSet ofModel(Set<String> given) {
        if (given.isEmpty()) {
            throw new SeicheException("model.parameters: none given; " + HINT);
        }
        for (String n : given) {
            if (!allNames().contains(n)) {
                throw new SeicheException("model.parameters: '" + n + "' is not an acoustic parameter; " + HINT);
            }
        }
        ParameterSet set = of(given, "model.parameters");
        for (String n : set.names) {
            if (!given.contains(n)) {
                throw new SeicheException("model.parameters: '" + n + "' is missing; " + HINT);
            }
        }
        return set;
    }

    /** The one set all the names belong to; null for no names. */
    static ParameterSet of(Collection<String> names, String field) {
        ParameterSet found = null;
        for (String n : names) {
            ParameterSet set = VELOCITY.names.contains(n) ? VELOCITY : MODULUS;
            if (found != null && found != set) {
                throw new SeicheException(field + ": mixes v, rho with k, buoyancy; use one set");
            }
            found = set;
        }
        return found;
    }
}
