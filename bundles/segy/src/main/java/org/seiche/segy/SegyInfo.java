package org.seiche.segy;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The summary `fwi segy info` prints: the headers' facts and the survey's extent, from one pass over the trace headers. */
public final class SegyInfo {
    private SegyInfo() {
    }

    public static String describe(Path file) {
        try (SegyReader r = SegyReader.open(file)) {
            Range sx = new Range();
            Range sy = new Range();
            Range gx = new Range();
            Range gy = new Range();
            Range sDepth = new Range();
            Range gElev = new Range();
            Set<Integer> records = new HashSet<>();
            Set<List<Double>> sources = new HashSet<>();
            Set<Integer> units = new HashSet<>();
            r.forEachHeader((i, h) -> {
                sx.add(h.sourceX());
                sy.add(h.sourceY());
                gx.add(h.receiverX());
                gy.add(h.receiverY());
                sDepth.add(h.sourceDepth() - h.sourceElevation());
                gElev.add(h.receiverElevation());
                records.add(h.fieldRecord());
                sources.add(List.of(h.sourceX(), h.sourceY()));
                units.add(h.coordinateUnits());
            });
            StringBuilder s = new StringBuilder();
            line(s, "file", file.toString());
            line(s, "revision", Integer.toString(r.revision()));
            line(s, "textual header", (r.ebcdic() ? "EBCDIC" : "ASCII") + ", " + r.extendedHeaders() + " extended");
            line(s, "byte order", r.byteOrder() == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian");
            line(s, "sample format", r.format().code() + " (" + r.format().label() + ")");
            line(s, "traces", Integer.toString(r.traces()));
            line(s, "samples", Integer.toString(r.samples()));
            line(s, "sample interval", r.intervalMicros() + " us (" + number(r.interval()) + " s), record length "
                    + number(r.interval() * (r.samples() - 1)) + " s");
            String length = r.feet() ? "ft" : "m";
            line(s, "coordinate units", units.stream().sorted().map(TraceHeader::unitsLabel).distinct().reduce((a, b) -> a + ", " + b)
                    .orElse("") + " (lengths in " + length + ")");
            line(s, "source x", sx.text());
            line(s, "source y", sy.text());
            line(s, "source depth", sDepth.text());
            line(s, "receiver x", gx.text());
            line(s, "receiver y", gy.text());
            line(s, "receiver elev.", gElev.text());
            line(s, "shots", records.size() + " by field record, " + sources.size() + " by source position");
            return s.toString();
        }
    }

    /** A number as headers hold it: to the sixth decimal (1 us, 1 um), no trailing zeros. */
    public static String number(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder s, String key, String value) {
        s.append(String.format(Locale.ROOT, "%-17s %s%n", key + ":", value));
    }

    private static final class Range {
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        void add(double v) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        String text() {
            return number(min) + " to " + number(max);
        }
    }
}
