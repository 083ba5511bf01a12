package org.seiche.segy;

import java.nio.ByteBuffer;

/** Trace sample formats by their binary-header code (bytes 3225-3226). */
public enum SampleFormat {
    IBM_FLOAT32(1, 4, "4-byte IBM float"),
    INT32(2, 4, "4-byte two's complement integer"),
    INT16(3, 2, "2-byte two's complement integer"),
    IEEE_FLOAT32(5, 4, "4-byte IEEE float"),
    IEEE_FLOAT64(6, 8, "8-byte IEEE float"),
    INT24(7, 3, "3-byte two's complement integer"),
    INT8(8, 1, "1-byte two's complement integer"),
    INT64(9, 8, "8-byte two's complement integer"),
    UINT32(10, 4, "4-byte unsigned integer"),
    UINT16(11, 2, "2-byte unsigned integer"),
    UINT64(12, 8, "8-byte unsigned integer"),
    UINT24(15, 3, "3-byte unsigned integer"),
    UINT8(16, 1, "1-byte unsigned integer");

    private final int code;
    private final int bytes;
    private final String label;

    SampleFormat(int code, int bytes, String label) {
        this.code = code;
        this.bytes = bytes;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public int bytes() {
        return bytes;
    }

    public String label() {
        return label;
    }

    /** The format of a code, or null when Seiche does not read it. */
    public static SampleFormat of(int code) {
        for (SampleFormat f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        return null;
    }

    static String known() {
        StringBuilder s = new StringBuilder();
        for (SampleFormat f : values()) {
            s.append(s.length() == 0 ? "" : ", ").append(f.code);
        }
        return s.toString();
    }

    /** Reads n samples from the buffer's position (its byte order set) into out. */
    void decode(ByteBuffer in, int n, double[] out) {
        switch (this) {
            case IBM_FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = ibm(in.getInt());
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in.getInt();
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in.getShort();
                }
            }
            case IEEE_FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in.getFloat();
                }
            }
            case IEEE_FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in.getDouble();
                }
            }
            case INT24, UINT24 -> {
                boolean big = in.order() == java.nio.ByteOrder.BIG_ENDIAN;
                for (int i = 0; i < n; i++) {
                    int b0 = in.get() & 0xff;
                    int b1 = in.get() & 0xff;
                    int b2 = in.get() & 0xff;
                    int u = big ? b0 << 16 | b1 << 8 | b2 : b2 << 16 | b1 << 8 | b0;
                    // the sign of the 24-bit number moved to bit 31 and back
                    out[i] = this == INT24 ? u << 8 >> 8 : u;
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in.get();
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in.getLong();
                }
            }
            case UINT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in.getInt() & 0xffffffffL;
                }
            }
            case UINT64 -> {
                for (int i = 0; i < n; i++) {
                    long v = in.getLong();
                    out[i] = v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
                }
            }
            case UINT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in.getShort() & 0xffff;
                }
            }
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in.get() & 0xff;
                }
            }
        }
    }

    /** IBM System/360 single precision: sign, 7-bit base-16 exponent biased by 64, 24-bit fraction. */
    static double ibm(int bits) {
        int fraction = bits & 0x00ffffff;
        int exponent = (bits >>> 24) & 0x7f;
        double v = Math.scalb((double) fraction, 4 * (exponent - 64) - 24);
        return bits < 0 ? -v : v;
    }
}
