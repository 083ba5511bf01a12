package org.seiche.elastic.cuda;

import java.util.EnumSet;
import java.util.Set;

import org.seiche.elastic.spi.Coefficient;

/**
 * The forward terms an elastic gradient needs, stored at every stored step: the bracket of
 * each velocity update (for the buoyancies), the normal strain rates (for lamb and mu), the
 * shear strain rate (for mu_xy), all with their PML memory terms.
 */
enum StoredTerm {
    DIVERGENCE_Y, DIVERGENCE_X, STRAIN_YY, STRAIN_XX, SHEAR;

    /** The terms that the gradients of these coefficients need. */
    static Set<StoredTerm> needed(Set<Coefficient> gradients) {
        Set<StoredTerm> t = EnumSet.noneOf(StoredTerm.class);
        if (gradients.contains(Coefficient.BUOYANCY_Y)) {
            t.add(DIVERGENCE_Y);
        }
        if (gradients.contains(Coefficient.BUOYANCY_X)) {
            t.add(DIVERGENCE_X);
        }
        if (gradients.contains(Coefficient.LAMB) || gradients.contains(Coefficient.MU)) {
            t.add(STRAIN_YY);
            t.add(STRAIN_XX);
        }
        if (gradients.contains(Coefficient.MU_XY)) {
            t.add(SHEAR);
        }
        return t;
    }
}
