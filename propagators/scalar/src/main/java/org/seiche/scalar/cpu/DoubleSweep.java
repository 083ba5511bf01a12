package org.seiche.scalar.cpu;

/**
 * A time step of the scalar equation over a band of slabs along dimension 0 (rows of a 2-D
 * grid, planes of a 3-D one), as the time loops of {@link DoubleShotLoops} call it; the
 * cells' arithmetic does not depend on the bands. {@link DoubleStencil} is the 2-D one,
 * {@link DoubleStencil3d} the 3-D one.
 */
interface DoubleSweep {
    /**
     * Steps slabs [from, to) of w, forward or adjoint. {@code spatial}, when not null,
     * receives S of every updated cell i at spatial[at + i]; {@code row} is scratch of a
     * row's length.
     */
    void step(DoubleWavefield w, int from, int to, boolean adjoint, double[] spatial, int at, double[] row);

    /**
     * A forward Born step of slabs [from, to): the background bg and the scattered sc, whose
     * source coupling x S(bg) (coupling = r v^2 dt^2) is added to its next field. S(bg) goes
     * into bgSpatial (of the whole grid) where the scattered field needs it from there, and
     * everywhere when keepBackground (a stored step); scSpatial, when not null, receives S(sc).
     */
    void bornStep(DoubleWavefield bg, DoubleWavefield sc, double[] coupling, int from, int to, double[] bgSpatial,
                  int bgAt, boolean keepBackground, double[] scSpatial, int scAt, double[] row);

    /** Adds weight * mu * S (S at spatial[at + i]) over the domain cells of slabs [from, to). */
    void image(double[] gradient, double[] mu, double[] spatial, int at, int from, int to, int weight);
}
