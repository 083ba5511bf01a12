package org.seiche.acoustic.internal;

import java.util.Arrays;

import org.seiche.acoustic.spi.AcousticGrid;
import org.seiche.acoustic.spi.PointSet;
import org.seiche.api.Locations;
import org.seiche.api.SeicheException;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.wave.TraceScales;

/**
 * A batch's sources and receivers as kernel points. Traces are numbered group by group,
 * shot-major within a group (the order of the amplitude and receiver data arrays). A
 * source's trace is scaled as Deepwave scales it: dt K at a pressure source, dt B_d at a
 * velocity source along d (the coefficients at its point), so the gradients of K and B get
 * the scaling's share too.
 */
final class Placement extends TraceScales {
    /** Per source trace: -1 for K, else the dimension whose buoyancy scales it. */
    private final int[] scaledBy;
    private final PointSet sources;
    private final PointSet receivers;

    /** widths: PML cells [start, end] per dimension. */
    Placement(Survey batch, AcousticGrid grid, int[] widths) {
        super(batch);
        int ndim = grid.ndim();
        int shots = batch.shots();
        int traces = sourceBase(batch.sources().size());
        scaledBy = new int[traces];
        Builder src = new Builder(shots);
        Builder rec = new Builder(shots);
        int[] cell = new int[ndim];
        for (int s = 0; s < shots; s++) {
            for (int g = 0; g < batch.sources().size(); g++) {
                Component c = Component.parse(batch.sources().get(g).component(), ndim, "survey.sources.component");
                Locations loc = batch.sources().get(g).locations();
                for (int i = 0; i < loc.perShot(); i++) {
                    if (!loc.unused(s, i)) {
                        int at = grid.index(cellOf(loc, s, i, widths, cell));
                        int trace = sourceBase(g) + s * loc.perShot() + i;
                        src.add(c.field(), at, trace);
                        scaledBy[trace] = c.dimension();
                        scaleCell[trace] = at;
                        scale[trace] = grid.dt() * (c.velocity() ? grid.buoyancy()[c.dimension()][at] : grid.k()[at]);
                    }
                }
            }
            for (int g = 0; g < batch.receivers().size(); g++) {
                Component c = Component.parse(batch.receivers().get(g).component(), ndim, "survey.receivers.component");
                Locations loc = batch.receivers().get(g).locations();
                for (int i = 0; i < loc.perShot(); i++) {
                    if (!loc.unused(s, i)) {
                        rec.add(c.field(), grid.index(cellOf(loc, s, i, widths, cell)), receiverBase(g) + s * loc.perShot() + i);
                    }
                }
            }
            src.endShot(s);
            rec.endShot(s);
        }
        sources = src.build();
        receivers = rec.build();
    }

    private static int[] cellOf(Locations loc, int s, int i, int[] widths, int[] cell) {
        for (int d = 0; d < cell.length; d++) {
            cell[d] = loc.coordinate(s, i, d) + widths[2 * d];
        }
        return cell;
    }

    PointSet sources() {
        return sources;
    }

    PointSet receivers() {
        return receivers;
    }

    /**
     * Adds the sources' share of the K and buoyancy gradients: d(dt C s)/dC = dt s, times the
     * adjoint read at the source ({@code raw}, [traces][steps]); an array not asked is null.
     */
    void addScalingTerms(double[] gradK, double[][] gradB, double[][] amplitudes, double[] raw, int steps, double dt) {
        addScalingTerms(trace -> scaledBy[trace] < 0 ? gradK : gradB == null ? null : gradB[scaledBy[trace]], amplitudes,
                raw, steps, dt);
    }

    /**
     * Refuses, before any propagation, unknown components, locations of the wrong dimension
     * or outside the model, and a velocity component on the model's last cell along its
     * dimension when that side's PML width is 0 (its velocity point is outside the grid).
     */
    static void check(Survey survey, int[] shape, int[] widths) {
        for (int g = 0; g < survey.sources().size(); g++) {
            SourceGroup group = survey.sources().get(g);
            String field = label("survey.sources", g, survey.sources().size());
            Component c = Component.parse(group.component(), shape.length, field + ".component");
            checkLocations(group.locations(), field + ".locations", "source", c, shape, widths);
            double[] a = group.amplitudes().data();
            for (int i = 0; i < a.length; i++) {
                if (!Double.isFinite(a[i])) {
                    throw new SeicheException(field + ".amplitudes: " + a[i] + " at flat index " + i);
                }
            }
        }
        for (int g = 0; g < survey.receivers().size(); g++) {
            String field = label("survey.receivers", g, survey.receivers().size());
            Component c = Component.parse(survey.receivers().get(g).component(), shape.length, field + ".component");
            checkLocations(survey.receivers().get(g).locations(), field + ".locations", "receiver", c, shape, widths);
        }
    }

    private static String label(String base, int g, int groups) {
        return groups == 1 ? base : base + "[" + g + "]";
    }

    private static void checkLocations(Locations loc, String field, String what, Component c, int[] shape, int[] widths) {
        if (loc.ndim() != shape.length) {
            throw new SeicheException(field + ": " + loc.ndim() + " coordinates per location, the model is " + shape.length
                    + "-D");
        }
        for (int s = 0; s < loc.shots(); s++) {
            for (int i = 0; i < loc.perShot(); i++) {
                if (loc.unused(s, i)) {
                    continue;
                }
                int[] at = new int[shape.length];
                for (int d = 0; d < shape.length; d++) {
                    at[d] = loc.coordinate(s, i, d);
                }
                String where = "shot " + s + " " + what + " " + i + " at " + Arrays.toString(at);
                for (int d = 0; d < shape.length; d++) {
                    if (at[d] < 0 || at[d] >= shape[d]) {
                        throw new SeicheException(field + ": " + where + " is outside the model of shape "
                                + Arrays.toString(shape));
                    }
                }
                int d = c.dimension();
                if (c.velocity() && at[d] == shape[d] - 1 && widths[2 * d + 1] == 0) {
                    throw new SeicheException(field + ": " + where + ": a velocity component along dimension " + d
                            + " cannot be on the model's last cell along it when that side's PML width is 0 (its "
                            + "velocity point is outside the grid); move it inwards or add a PML there");
                }
            }
        }
    }

    /** Collects points shot by shot. */
    private static final class Builder {
        private final int[] shotStart;
        private int[] fields = new int[16];
        private int[] cells = new int[16];
        private int[] traces = new int[16];
        private int n;

        Builder(int shots) {
            shotStart = new int[shots + 1];
        }

        void add(int field, int cell, int trace) {
            if (n == fields.length) {
                fields = Arrays.copyOf(fields, 2 * n);
                cells = Arrays.copyOf(cells, 2 * n);
                traces = Arrays.copyOf(traces, 2 * n);
            }
            fields[n] = field;
            cells[n] = cell;
            traces[n] = trace;
            n++;
        }

        void endShot(int shot) {
            shotStart[shot + 1] = n;
        }

        PointSet build() {
            return new PointSet(shotStart, Arrays.copyOf(fields, n), Arrays.copyOf(cells, n), Arrays.copyOf(traces, n));
        }
    }
}
