package org.seiche.elastic.internal;

import java.util.Arrays;
import java.util.List;

import org.seiche.api.Locations;
import org.seiche.api.SeicheException;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.elastic.cpu.VolumeGrid;
import org.seiche.elastic.cpu.VolumePoints;
import org.seiche.wave.TraceScales;

/**
 * Where a batch's sources and receivers sit on a 1-D or 3-D grid. A force or velocity
 * component is the velocity of its dimension (z, y, x are dimensions 0, 1, 2 in 3-D; x is
 * the only one in 1-D), half a cell after the location along it; its source scale is dt B
 * there. Pressure is every normal stress at the cell: a source adds -dt p to each, a
 * receiver records -(sum of the normal stresses) / ndim.
 */
final class VolumePlacement extends TraceScales {
    private static final String NAMES = "zyx";
    private final VolumePoints sources;
    private final VolumePoints receivers;
    /** The velocity dimension scaling each source trace (-1: pressure). */
    private final int[] scaledBy;

    /** before: PML cells before the model's first cell, per dimension. */
    VolumePlacement(Survey batch, VolumeGrid grid, int[] before) {
        super(batch);
        int ndim = grid.ndim();
        int shots = batch.shots();
        List<SourceGroup> sg = batch.sources();
        int traces = sourceBase(sg.size());
        scaledBy = new int[traces];
        PointBuilder src = new PointBuilder(shots);
        PointBuilder rec = new PointBuilder(shots);
        int[] cell = new int[ndim];
        for (int s = 0; s < shots; s++) {
            for (int g = 0; g < sg.size(); g++) {
                int c = component(sg.get(g).component(), ndim, "survey.sources.component");
                Locations loc = sg.get(g).locations();
                for (int i = 0; i < loc.perShot(); i++) {
                    if (loc.unused(s, i)) {
                        continue;
                    }
                    int p = grid.index(domainCell(loc, s, i, before, cell));
                    int trace = sourceBase(g) + s * loc.perShot() + i;
                    scaledBy[trace] = c;
                    scaleCell[trace] = p;
                    if (c < 0) {
                        for (int d = 0; d < ndim; d++) {
                            src.add(ndim + d, p, trace, 1);
                        }
                        scale[trace] = -grid.dt();
                    } else {
                        src.add(c, p, trace, 1);
                        scale[trace] = grid.dt() * grid.buoyancy()[c][p];
                    }
                }
            }
            for (int g = 0; g < batch.receivers().size(); g++) {
                int c = component(batch.receivers().get(g).component(), ndim, "survey.receivers.component");
                Locations loc = batch.receivers().get(g).locations();
                for (int i = 0; i < loc.perShot(); i++) {
                    if (loc.unused(s, i)) {
                        continue;
                    }
                    int p = grid.index(domainCell(loc, s, i, before, cell));
                    int trace = receiverBase(g) + s * loc.perShot() + i;
                    if (c < 0) {
                        for (int d = 0; d < ndim; d++) {
                            rec.add(ndim + d, p, trace, -1.0 / ndim);
                        }
                    } else {
                        rec.add(c, p, trace, 1);
                    }
                }
            }
            src.endShot(s);
            rec.endShot(s);
        }
        sources = points(src);
        receivers = points(rec);
    }

    private static int[] domainCell(Locations loc, int s, int i, int[] before, int[] cell) {
        for (int d = 0; d < cell.length; d++) {
            cell[d] = loc.coordinate(s, i, d) + before[d];
        }
        return cell;
    }

    /** The velocity dimension of a component in an ndim-D model, or -1 for pressure. */
    static int component(String name, int ndim, String field) {
        if (name.equals("p")) {
            return -1;
        }
        int k = name.length() == 1 ? NAMES.indexOf(name.charAt(0)) : -1;
        int d = k - (3 - ndim);
        if (k < 0 || d < 0) {
            String known = ndim == 1 ? "x or p" : "z, y, x or p";
            throw new SeicheException(field + ": '" + name + "' is not a component of a " + ndim + "-D model (" + known
                    + ": force/velocity along a dimension, or pressure)");
        }
        return d;
    }

    VolumePoints sources() {
        return sources;
    }

    VolumePoints receivers() {
        return receivers;
    }

    /**
     * Adds the force sources' share of the buoyancy gradients (gradients[first + d] for
     * dimension d): d(dt B f)/dB = dt f, times the adjoint read at the source.
     */
    void addSourceBuoyancyTerms(double[][] gradients, int first, double[][] amplitudes, double[] reads, int steps,
                                double dt) {
        addScalingTerms(trace -> scaledBy[trace] < 0 ? null : gradients[first + scaledBy[trace]], amplitudes, reads, steps,
                dt);
    }

    /**
     * Refuses, before any propagation, unknown components, locations outside the model, and
     * a velocity component on the model's last cell along its dimension when that side has
     * no PML (its staggered point would lie outside the grid). widths: [start, end] per dimension.
     */
    static void check(Survey survey, int[] shape, int[] widths) {
        for (int g = 0; g < survey.sources().size(); g++) {
            SourceGroup group = survey.sources().get(g);
            String field = Placement.label("survey.sources", g, survey.sources().size());
            int c = component(group.component(), shape.length, field + ".component");
            checkLocations(group.locations(), field + ".locations", "source", c, shape, widths);
            Placement.checkFinite(group, field);
        }
        for (int g = 0; g < survey.receivers().size(); g++) {
            String field = Placement.label("survey.receivers", g, survey.receivers().size());
            int c = component(survey.receivers().get(g).component(), shape.length, field + ".component");
            checkLocations(survey.receivers().get(g).locations(), field + ".locations", "receiver", c, shape, widths);
        }
    }

    private static void checkLocations(Locations loc, String field, String what, int c, int[] shape, int[] widths) {
        int ndim = shape.length;
        if (loc.ndim() != ndim) {
            throw new SeicheException(field + ": " + loc.ndim() + " coordinates per location, the model is " + ndim + "-D");
        }
        int[] at = new int[ndim];
        for (int s = 0; s < loc.shots(); s++) {
            for (int i = 0; i < loc.perShot(); i++) {
                if (loc.unused(s, i)) {
                    continue;
                }
                for (int d = 0; d < ndim; d++) {
                    at[d] = loc.coordinate(s, i, d);
                }
                String where = "shot " + s + " " + what + " " + i + " at " + Arrays.toString(at);
                for (int d = 0; d < ndim; d++) {
                    if (at[d] < 0 || at[d] >= shape[d]) {
                        throw new SeicheException(field + ": " + where + " is outside the model of shape "
                                + Arrays.toString(shape));
                    }
                }
                if (c >= 0 && at[c] == shape[c] - 1 && widths[2 * c + 1] == 0) {
                    char name = NAMES.charAt(c + 3 - ndim);
                    throw new SeicheException(field + ": " + where + ": a " + name + " component cannot be on the model's "
                            + "last cell along " + name + " when the PML width there is 0 (its v_" + name
                            + " point is outside the grid); move it or add a PML on that side");
                }
            }
        }
    }

    private static VolumePoints points(PointBuilder b) {
        return new VolumePoints(b.shotStart(), b.fields(), b.cells(), b.traces(), b.weights());
    }
}
