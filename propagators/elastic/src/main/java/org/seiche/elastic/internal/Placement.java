package org.seiche.elastic.internal;

import java.util.List;
import java.util.Map;

import org.seiche.api.Locations;
import org.seiche.api.SeicheException;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.elastic.spi.Coefficient;
import org.seiche.elastic.spi.ElasticGrid;
import org.seiche.elastic.spi.Field;
import org.seiche.elastic.spi.PointSet;
import org.seiche.wave.TraceScales;

/**
 * Where a batch's sources and receivers sit on the staggered grid. Traces are numbered
 * group after group, each group's [shots, perShot] in order, so a group's traces are one
 * contiguous block. A source trace is its amplitude times a scale: dt B (B of the force's
 * velocity point) for a force, -dt for pressure.
 */
final class Placement extends TraceScales {
    private final PointSet sources;
    private final PointSet receivers;
    private final Coefficient[] scaledBy;

    /** top, left: PML cells before the model's first row and column. */
    Placement(Survey batch, ElasticGrid grid, int top, int left) {
        super(batch);
        int shots = batch.shots();
        List<SourceGroup> sg = batch.sources();
        int traces = sourceBase(sg.size());
        scaledBy = new Coefficient[traces];
        PointBuilder src = new PointBuilder(shots);
        PointBuilder rec = new PointBuilder(shots);
        for (int s = 0; s < shots; s++) {
            for (int g = 0; g < sg.size(); g++) {
                Component c = Component.parse(sg.get(g).component(), "survey.sources.component");
                Locations loc = sg.get(g).locations();
                for (int i = 0; i < loc.perShot(); i++) {
                    if (loc.unused(s, i)) {
                        continue;
                    }
                    int cell = grid.index(loc.coordinate(s, i, 0) + top, loc.coordinate(s, i, 1) + left);
                    int trace = sourceBase(g) + s * loc.perShot() + i;
                    for (Field f : c.fields) {
                        src.add(f.ordinal(), cell, trace, 1);
                    }
                    scaledBy[trace] = c == Component.Y ? Coefficient.BUOYANCY_Y : c == Component.X ? Coefficient.BUOYANCY_X : null;
                    scaleCell[trace] = cell;
                    scale[trace] = grid.dt() * (scaledBy[trace] == null ? -1 : grid.coefficient(scaledBy[trace])[cell]);
                }
            }
            for (int g = 0; g < batch.receivers().size(); g++) {
                Component c = Component.parse(batch.receivers().get(g).component(), "survey.receivers.component");
                Locations loc = batch.receivers().get(g).locations();
                for (int i = 0; i < loc.perShot(); i++) {
                    if (loc.unused(s, i)) {
                        continue;
                    }
                    int cell = grid.index(loc.coordinate(s, i, 0) + top, loc.coordinate(s, i, 1) + left);
                    for (Field f : c.fields) {
                        rec.add(f.ordinal(), cell, receiverBase(g) + s * loc.perShot() + i, c.receiverWeight());
                    }
                }
            }
            src.endShot(s);
            rec.endShot(s);
        }
        sources = pointSet(src);
        receivers = pointSet(rec);
    }

    PointSet sources() {
        return sources;
    }

    PointSet receivers() {
        return receivers;
    }

    /**
     * Adds the force sources' share of the buoyancy gradients: d(dt B f)/dB = dt f, times the
     * adjoint read at the source ({@code raw}, [traces][steps]).
     */
    void addSourceBuoyancyTerms(Map<Coefficient, double[]> gradients, double[][] amplitudes, double[] raw, int steps,
                                double dt) {
        addScalingTerms(trace -> scaledBy[trace] == null ? null : gradients.get(scaledBy[trace]), amplitudes, raw, steps,
                dt);
    }

    /**
     * Refuses, before any propagation, unknown components, locations outside the model, and
     * y (x) components on the last row (column) when that side's PML width is 0, whose
     * staggered points would lie outside the grid. widths: [top, bottom, left, right].
     */
    static void check(Survey survey, int[] shape, int[] widths) {
        for (int g = 0; g < survey.sources().size(); g++) {
            SourceGroup group = survey.sources().get(g);
            String field = label("survey.sources", g, survey.sources().size());
            Component c = Component.parse(group.component(), field + ".component");
            checkLocations(group.locations(), field + ".locations", "source", c, shape, widths);
            checkFinite(group, field);
        }
        for (int g = 0; g < survey.receivers().size(); g++) {
            String field = label("survey.receivers", g, survey.receivers().size());
            Component c = Component.parse(survey.receivers().get(g).component(), field + ".component");
            checkLocations(survey.receivers().get(g).locations(), field + ".locations", "receiver", c, shape, widths);
        }
    }

    static String label(String base, int g, int groups) {
        return groups == 1 ? base : base + "[" + g + "]";
    }

    private static void checkLocations(Locations loc, String field, String what, Component c, int[] shape, int[] widths) {
        if (loc.ndim() != 2) {
            throw new SeicheException(field + ": " + loc.ndim() + " coordinates per location, the model is 2-D");
        }
        for (int s = 0; s < loc.shots(); s++) {
            for (int i = 0; i < loc.perShot(); i++) {
                if (loc.unused(s, i)) {
                    continue;
                }
                int y = loc.coordinate(s, i, 0);
                int x = loc.coordinate(s, i, 1);
                String at = "shot " + s + " " + what + " " + i + " at [" + y + ", " + x + "]";
                if (y < 0 || y >= shape[0] || x < 0 || x >= shape[1]) {
                    throw new SeicheException(field + ": " + at + " is outside the " + shape[0] + " x " + shape[1] + " model");
                }
                if (c == Component.Y && y == shape[0] - 1 && widths[1] == 0) {
                    throw new SeicheException(field + ": " + at + ": a y component cannot be on the model's last row when the "
                            + "bottom PML width is 0 (its v_y point is outside the grid); move it up or add a bottom PML");
                }
                if (c == Component.X && x == shape[1] - 1 && widths[3] == 0) {
                    throw new SeicheException(field + ": " + at + ": an x component cannot be on the model's last column when "
                            + "the right PML width is 0 (its v_x point is outside the grid); move it left or add a right PML");
                }
            }
        }
    }

    /** The 2-D point set of a builder whose field codes are Field ordinals. */
    private static PointSet pointSet(PointBuilder b) {
        int[] codes = b.fields();
        Field[] fields = new Field[codes.length];
        for (int p = 0; p < codes.length; p++) {
            fields[p] = Field.values()[codes[p]];
        }
        return new PointSet(b.shotStart(), fields, b.cells(), b.traces(), b.weights());
    }

    /** Refuses a source group whose amplitudes hold a NaN or an infinity, naming the first. */
    static void checkFinite(SourceGroup group, String field) {
        double[] a = group.amplitudes().data();
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new SeicheException(field + ".amplitudes: " + a[i] + " at flat index " + i);
            }
        }
    }
}
