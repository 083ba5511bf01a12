package org.seiche.segy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.seiche.api.NdArray;

/**
 * Traces grouped into shots, with positions in metres as {depth, y, x}: depth is positive
 * down, a source's the source depth below the surface minus the surface elevation, a
 * receiver's minus its group elevation. Receivers of a shot keep file order; shots with
 * fewer traces than the largest leave empty slots (trace -1, position NaN).
 */
public final class Geometry {
    /** How traces become shots. */
    public enum ShotsBy {
        FIELD_RECORD, SOURCE_XY
    }

    private static final double FOOT = 0.3048;
    private final int perShot;
    private final int[] fieldRecord;
    private final double[] source;
    private final double[] receiver;
    private final int[] trace;

    /**
     * @param fieldRecord one per shot
     * @param source      {depth, y, x} per shot
     * @param perShot     receiver slots per shot
     * @param receiver    {depth, y, x} per slot (shot-major), NaN where a slot is empty
     * @param trace       file trace (0-based) per slot, -1 where empty; null when not read from a file
     */
    public Geometry(int[] fieldRecord, double[] source, int perShot, double[] receiver, int[] trace) {
        int shots = fieldRecord.length;
        if (source.length != 3 * shots || receiver.length != 3 * shots * perShot
                || trace != null && trace.length != shots * perShot) {
            throw new IllegalArgumentException("geometry sizes do not match " + shots + " shots of " + perShot + " receivers");
        }
        this.perShot = perShot;
        this.fieldRecord = fieldRecord;
        this.source = source;
        this.receiver = receiver;
        this.trace = trace;
    }

    /** Reads the trace headers (streaming) and groups them into shots. */
    public static Geometry read(SegyReader r, ShotsBy by) {
        double unit = r.feet() ? FOOT : 1;
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        double[] src = new double[3 * r.traces()];
        double[] rec = new double[3 * r.traces()];
        int[] records = new int[r.traces()];
        r.forEachHeader((i, h) -> {
            if (!h.lengthUnits()) {
                throw r.fail("trace " + (i + 1) + " (byte " + r.offset(i) + "): coordinates in " + TraceHeader.unitsLabel(h.coordinateUnits())
                        + " (bytes 89-90); Seiche maps lengths (metres or feet) only");
            }
            src[3 * i] = (h.sourceDepth() - h.sourceElevation()) * unit;
            src[3 * i + 1] = h.sourceY() * unit;
            src[3 * i + 2] = h.sourceX() * unit;
            rec[3 * i] = -h.receiverElevation() * unit;
            rec[3 * i + 1] = h.receiverY() * unit;
            rec[3 * i + 2] = h.receiverX() * unit;
            records[i] = h.fieldRecord();
            Object key = by == ShotsBy.FIELD_RECORD ? (Object) h.fieldRecord() : List.of(h.sourceX(), h.sourceY());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        });
        int shots = groups.size();
        int per = groups.values().stream().mapToInt(List::size).max().orElse(0);
        int[] fieldRecord = new int[shots];
        double[] source = new double[3 * shots];
        double[] receiver = new double[3 * shots * per];
        int[] trace = new int[shots * per];
        Arrays.fill(receiver, Double.NaN);
        Arrays.fill(trace, -1);
        int s = 0;
        for (List<Integer> g : groups.values()) {
            int first = g.get(0);
            fieldRecord[s] = records[first];
            System.arraycopy(src, 3 * first, source, 3 * s, 3);
            for (int k = 0; k < g.size(); k++) {
                int t = g.get(k);
                if (src[3 * t] != src[3 * first] || src[3 * t + 1] != src[3 * first + 1] || src[3 * t + 2] != src[3 * first + 2]) {
                    throw r.fail("trace " + (t + 1) + " (byte " + r.offset(t) + "): source at " + position(src, t)
                            + " differs from that of trace " + (first + 1) + " of the same shot (" + position(src, first)
                            + "); one source per shot" + (by == ShotsBy.FIELD_RECORD ? ": try shots_by: source_xy" : ""));
                }
                trace[s * per + k] = t;
                System.arraycopy(rec, 3 * t, receiver, 3 * (s * per + k), 3);
            }
            s++;
        }
        return new Geometry(fieldRecord, source, per, receiver, trace);
    }

    static String position(double[] xyz, int i) {
        return String.format(Locale.ROOT, "depth %g, y %g, x %g m", xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
    }

    /** The samples of every slot as [shots, perShot, samples], empty slots zero; streams the file once. */
    public NdArray gathers(SegyReader r) {
        int nt = r.samples();
        int[] slotOf = new int[r.traces()];
        Arrays.fill(slotOf, -1);
        for (int k = 0; k < trace.length; k++) {
            if (trace[k] >= 0) {
                slotOf[trace[k]] = k;
            }
        }
        double[] data = new double[Math.multiplyExact(trace.length, nt)];
        r.forEachTrace((i, h, samples) -> {
            if (slotOf[i] >= 0) {
                System.arraycopy(samples, 0, data, slotOf[i] * nt, nt);
            }
        });
        return new NdArray(new int[] {shots(), perShot, nt}, data);
    }

    public int shots() {
        return fieldRecord.length;
    }

    public int perShot() {
        return perShot;
    }

    public int fieldRecord(int shot) {
        return fieldRecord[shot];
    }

    /** Source position of a shot, {depth, y, x} metres. */
    public double[] source(int shot) {
        return Arrays.copyOfRange(source, 3 * shot, 3 * shot + 3);
    }

    /** Receiver position of a slot, {depth, y, x} metres, or null when the slot is empty. */
    public double[] receiver(int shot, int index) {
        int k = 3 * (shot * perShot + index);
        return Double.isNaN(receiver[k]) ? null : Arrays.copyOfRange(receiver, k, k + 3);
    }

    /** File trace (0-based) of a slot, -1 when empty or not read from a file. */
    public int trace(int shot, int index) {
        return trace == null ? -1 : trace[shot * perShot + index];
    }
}
