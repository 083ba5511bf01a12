package org.seiche.wave;

/**
 * C-PML profiles along one axis of a staggered grid's domain (model cells plus PML cells),
 * indexed by domain position i: a and b at the integer points i and at the half points
 * i + 1/2, as Deepwave's staggered_grid.set_pml_profiles makes them. Both are zero away
 * from the PML.
 */
public record StaggeredPml(double[] aInt, double[] bInt, double[] aHalf, double[] bHalf) {

    /** Profiles for an axis of {@code cells} model cells with {@code start} and {@code end} PML cells. */
    public static StaggeredPml along(Cpml cpml, int cells, int start, int end) {
        int n = cells + start + end;
        double[] aInt = new double[n];
        double[] bInt = new double[n];
        double[] aHalf = new double[n];
        double[] bHalf = new double[n];
        for (int i = 0; i < n; i++) {
            double p = i - start;
            double f = frac(p, cells, start, end);
            aInt[i] = cpml.a(f);
            bInt[i] = cpml.b(f);
            double h = frac(p + 0.5, cells, start, end);
            aHalf[i] = cpml.a(h);
            bHalf[i] = cpml.b(h);
        }
        return new StaggeredPml(aInt, bInt, aHalf, bHalf);
    }

    /**
     * The normalised depth into the PML of the point at model coordinate p (cells 0 .. cells-1):
     * max((0 - p)/start, (p - (cells-1))/end) clamped to [0, 1]; a side of width 0 adds nothing.
     */
    static double frac(double p, int cells, int start, int end) {
        double f = 0;
        if (start > 0) {
            f = Math.max(f, -p / start);
        }
        if (end > 0) {
            f = Math.max(f, (p - (cells - 1)) / end);
        }
        return Math.min(f, 1);
    }
}
