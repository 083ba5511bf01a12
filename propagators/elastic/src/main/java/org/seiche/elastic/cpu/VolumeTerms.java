package org.seiche.elastic.cpu;

/**
 * Which forward terms a gradient needs stored: the stress divergence of each velocity update
 * (for the buoyancies), the normal strain rates (for lamb and mu), the shear strain rates
 * (for the shear moduli).
 */
public record VolumeTerms(boolean divergence, boolean normal, boolean shear) {
    public static final VolumeTerms NONE = new VolumeTerms(false, false, false);
    public static final VolumeTerms ALL = new VolumeTerms(true, true, true);

    public boolean any() {
        return divergence || normal || shear;
    }

    /** Arrays stored per step in an ndim-D grid. */
    public int count(int ndim) {
        return (divergence ? ndim : 0) + (normal ? ndim : 0) + (shear ? VolumeGrid.pairs(ndim) : 0);
    }
}
