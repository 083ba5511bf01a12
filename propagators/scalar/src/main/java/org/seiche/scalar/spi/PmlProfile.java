package org.seiche.scalar.spi;

/**
 * The C-PML profiles of one dimension of the padded grid, indexed by the padded coordinate
 * along that dimension: a, b and the first difference of b (docs/numerics.md), zero inside the
 * model; in the guard cells a and b take their frac = 1 values (frac = 0 on a side of width
 * 0) and D b is 0. Also the range of cells the kernels update (the domain: model + PML) and
 * the range where every PML term vanishes, so that a kernel can skip them there.
 *
 * @param a             a per padded cell
 * @param b             b per padded cell
 * @param db            the first difference of b (same stencil as the wavefield's), 0 in the guard cells
 * @param domainStart   first padded index the kernels update
 * @param domainEnd     one past the last padded index the kernels update
 * @param interiorStart first index of the range where no PML term reaches (may be empty: start == end)
 * @param interiorEnd   one past its last index
 */
public record PmlProfile(double[] a, double[] b, double[] db, int domainStart, int domainEnd, int interiorStart,
                         int interiorEnd) {
    public PmlProfile {
        if (b.length != a.length || db.length != a.length) {
            throw new IllegalArgumentException("a, b and D b must have one value per padded cell, got " + a.length + ", "
                    + b.length + ", " + db.length);
        }
    }

    public int length() {
        return a.length;
    }
}
