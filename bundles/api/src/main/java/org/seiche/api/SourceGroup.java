package org.seiche.api;

/**
 * Sources of one kind: their component ("" for scalar, y | x | p for elastic), locations
 * [shots, sourcesPerShot, ndim] and amplitudes [shots, sourcesPerShot, nt].
 */
public record SourceGroup(String component, Locations locations, NdArray amplitudes) {
    public SourceGroup {
        int[] s = amplitudes.shape();
        if (s.length != 3 || s[0] != locations.shots() || s[1] != locations.perShot()) {
            throw new SeicheException("survey.sources.amplitudes: shape " + amplitudes.shapeString() + " does not match ["
                    + locations.shots() + ", " + locations.perShot() + ", nt] of the source locations");
        }
    }

    public SourceGroup select(int[] shots) {
        return new SourceGroup(component, locations.select(shots), Batches.selectShots(amplitudes, shots));
    }
}
