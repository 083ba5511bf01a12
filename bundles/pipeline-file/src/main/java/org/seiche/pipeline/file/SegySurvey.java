package org.seiche.pipeline.file;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;

import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.segy.Geometry;
import org.seiche.segy.SegyInfo;
import org.seiche.segy.SegyReader;

/**
 * survey: {from_segy: data.sgy, shots_by, origin: [..], spacing: ..}: one source per shot
 * and the receivers of each shot from the trace headers, as coordinates in cells by
 * cell = (position - origin) / spacing per model dimension (2-D: depth and x; 3-D: depth,
 * y, x; 1-D: x): whole cells where the positions fall on them, else points between cells
 * that the pipeline spreads over their Hicks cells, as float locations given in metres. A
 * source outside the model is refused; receivers outside it are reported in one warning and
 * marked unused (-1), as are the empty slots of shots with fewer traces, and their observed
 * traces are zeroed so that the loss does not compare them. dt and nt default to the file's.
 */
final class SegySurvey {
    static final Set<String> KEYS = Set.of("from_segy", "shots_by", "origin", "spacing");
    /** Relative distance from a whole cell still taken as on it: positions are stored in centimetres or finer. */
    private static final double ON_CELL = 1e-6;

    /** sources [shots, 1, ndim] and receivers [shots, per shot, ndim] in cells, -1 where unused. */
    record Result(double dt, int nt, NdArray sources, NdArray receivers, double[] origin, double[] spacing, int[] fieldRecords) {
    }

    private SegySurvey() {
    }

    static Result read(Field survey, ArrayInputs arrays, Model model, Consumer<String> warn) {
        Field from = survey.get("from_segy");
        int ndim = model.shape().length;
        double[] origin = survey.has("origin") ? survey.get("origin").numbers() : new double[ndim];
        if (origin.length != ndim) {
            throw survey.get("origin").fail("give " + ndim + " coordinates in metres (one per model dimension), got " + origin.length);
        }
        double[] spacing = survey.has("spacing") ? ArrayInputs.perDimension(survey.get("spacing"), survey.get("spacing").numbers(), ndim)
                : model.spacing();
        for (double h : spacing) {
            if (!(h > 0) || Double.isInfinite(h)) {
                throw survey.get("spacing").fail("must be positive, got " + h);
            }
        }
        Geometry g;
        double dt;
        int nt;
        try (SegyReader r = SegyReader.open(arrays.resolve(from.text()))) {
            g = Geometry.read(r, FieldData.shotsBy(survey));
            dt = r.interval();
            nt = r.samples();
        }
        Mapper m = new Mapper(from, model.shape(), origin, spacing);
        double[] src = new double[g.shots() * ndim];
        double[] rec = new double[g.shots() * g.perShot() * ndim];
        int[] records = new int[g.shots()];
        int outside = 0;
        String first = null;
        for (int s = 0; s < g.shots(); s++) {
            records[s] = g.fieldRecord(s);
            int trace = g.trace(s, 0);
            if (!m.map(g.source(s), src, s * ndim)) {
                throw from.fail("trace " + (trace + 1) + " (field record " + g.fieldRecord(s) + "): source at " + m.describe(g.source(s))
                        + " lies outside the model " + Arrays.toString(model.shape()) + "; move origin or cut the file");
            }
            for (int k = 0; k < g.perShot(); k++) {
                double[] p = g.receiver(s, k);
                int at = (s * g.perShot() + k) * ndim;
                if (p == null) {
                    Arrays.fill(rec, at, at + ndim, -1);
                } else if (!m.map(p, rec, at)) {
                    Arrays.fill(rec, at, at + ndim, -1);
                    if (outside++ == 0) {
                        first = "trace " + (g.trace(s, k) + 1) + " at " + m.describe(p);
                    }
                }
            }
        }
        if (outside > 0) {
            warn.accept(from.path() + ": " + outside + " receiver traces lie outside the model " + Arrays.toString(model.shape())
                    + " and are left unused, their observed traces not compared (first: " + first + ")");
        }
        return new Result(dt, nt, new NdArray(new int[] {g.shots(), 1, ndim}, src),
                new NdArray(new int[] {g.shots(), g.perShot(), ndim}, rec), origin, spacing, records);
    }

    /** Observed data [shots, receivers, nt] with the traces of unused receivers zeroed (a copy); other shapes as they are. */
    static NdArray withoutUnused(NdArray observed, Locations receivers) {
        if (observed.ndim() != 3 || observed.dim(0) != receivers.shots() || observed.dim(1) != receivers.perShot()) {
            return observed;
        }
        int nt = observed.dim(2);
        double[] d = observed.data().clone();
        for (int s = 0; s < receivers.shots(); s++) {
            for (int r = 0; r < receivers.perShot(); r++) {
                if (receivers.unused(s, r)) {
                    int at = (s * receivers.perShot() + r) * nt;
                    Arrays.fill(d, at, at + nt, 0.0);
                }
            }
        }
        return new NdArray(observed.shape(), d);
    }

    /** Positions {depth, y, x} to the model's dimensions and cells. */
    private record Mapper(Field field, int[] shape, double[] origin, double[] spacing) {
        /** The position's coordinate along model dimension d. */
        double coordinate(double[] p, int d) {
            int ndim = shape.length;
            return ndim == 1 ? p[2] : d == 0 ? p[0] : ndim == 2 ? p[2] : p[d];
        }

        /**
         * Writes the coordinates in cells into out at (a position within ON_CELL of a whole
         * cell is that cell); false when outside the model [0, n - 1] along any dimension.
         */
        boolean map(double[] p, double[] out, int at) {
            boolean inside = true;
            for (int d = 0; d < shape.length; d++) {
                double cell = (coordinate(p, d) - origin[d]) / spacing[d];
                double whole = Math.rint(cell);
                if (Math.abs(cell - whole) <= ON_CELL * Math.max(1, Math.abs(cell))) {
                    cell = whole;
                }
                inside &= cell >= 0 && cell <= shape[d] - 1;
                out[at + d] = cell;
            }
            return inside;
        }

        String describe(double[] p) {
            StringBuilder s = new StringBuilder();
            String[] names = shape.length == 1 ? new String[] {"x"} : shape.length == 2 ? new String[] {"depth", "x"}
                    : new String[] {"depth", "y", "x"};
            for (int d = 0; d < shape.length; d++) {
                s.append(d == 0 ? "" : ", ").append(names[d]).append(' ').append(SegyInfo.number(coordinate(p, d))).append(" m");
            }
            return s.toString();
        }
    }
}
