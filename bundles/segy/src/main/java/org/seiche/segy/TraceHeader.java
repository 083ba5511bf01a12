package org.seiche.segy;

import java.nio.ByteBuffer;

/**
 * The fields of a 240-byte trace header Seiche uses, with the scalars applied: coordinates
 * by the coordinate scalar (bytes 71-72), elevations and depths by the elevation scalar
 * (bytes 69-70); a positive scalar multiplies, a negative one divides, 0 means 1.
 *
 * @param fieldRecord      original field record number (bytes 9-12)
 * @param traceInRecord    trace number within the field record (bytes 13-16)
 * @param receiverElevation receiver group elevation (bytes 41-44)
 * @param sourceElevation  surface elevation at the source (bytes 45-48)
 * @param sourceDepth      source depth below the surface (bytes 49-52)
 * @param sourceX          source coordinate X (bytes 73-76)
 * @param sourceY          source coordinate Y (bytes 77-80)
 * @param receiverX        group coordinate X (bytes 81-84)
 * @param receiverY        group coordinate Y (bytes 85-88)
 * @param coordinateUnits  bytes 89-90: 0 or 1 length, 2 arc seconds, 3 degrees, 4 DMS
 * @param samples          samples in this trace (bytes 115-116)
 * @param intervalMicros   sample interval in microseconds (bytes 117-118)
 */
public record TraceHeader(int fieldRecord, int traceInRecord, double receiverElevation, double sourceElevation,
                          double sourceDepth, double sourceX, double sourceY, double receiverX, double receiverY,
                          int coordinateUnits, int samples, int intervalMicros) {
    public static final int BYTES = 240;

    /** Reads a header from the buffer's position (its byte order set). */
    static TraceHeader read(ByteBuffer b) {
        int p = b.position();
        short e = b.getShort(p + 68);
        short c = b.getShort(p + 70);
        return new TraceHeader(b.getInt(p + 8), b.getInt(p + 12), scaled(b.getInt(p + 40), e), scaled(b.getInt(p + 44), e),
                scaled(b.getInt(p + 48), e), scaled(b.getInt(p + 72), c), scaled(b.getInt(p + 76), c),
                scaled(b.getInt(p + 80), c), scaled(b.getInt(p + 84), c), b.getShort(p + 88),
                b.getShort(p + 114) & 0xffff, b.getShort(p + 116) & 0xffff);
    }

    /** Divides by a negative scalar rather than multiplying by its inverse, so that -100 gives centimetres exactly. */
    static double scaled(int value, short scalar) {
        return scalar < 0 ? value / (double) -scalar : scalar > 0 ? (double) value * scalar : value;
    }

    /** Whether the coordinates are lengths (units 0 = unspecified, taken as length, or 1). */
    public boolean lengthUnits() {
        return coordinateUnits == 0 || coordinateUnits == 1;
    }

    public static String unitsLabel(int units) {
        return switch (units) {
            case 0, 1 -> "length";
            case 2 -> "arc seconds";
            case 3 -> "decimal degrees";
            case 4 -> "degrees, minutes, seconds";
            default -> "unknown units code " + units;
        };
    }
}
