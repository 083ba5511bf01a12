package org.seiche.wave.storage;

import java.nio.ByteBuffer;

import org.seiche.api.Storage.Compression;

/** Encodes n values into a stored step's record at a buffer's position, and back (see {@link Codec}). */
public final class DoubleCodec {
    private static final int BLOCK = Codec.BLOCK;

    private DoubleCodec() {
    }

    public static void encode(Compression c, double[] values, int offset, int n, ByteBuffer out) {
        switch (c) {
            case NONE -> {
                out.asDoubleBuffer().put(values, offset, n);
                out.position(out.position() + n * Double.BYTES);
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    int bits = Float.floatToRawIntBits((float) values[offset + i]);
                    // round to nearest, ties to even, on the 16 bits dropped
                    out.putShort((short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16));
                }
            }
            case INT8 -> {
                int blocks = (n + BLOCK - 1) / BLOCK;
                int scales = out.position();
                int codes = scales + blocks * Double.BYTES;
                for (int b = 0; b < blocks; b++) {
                    int from = offset + b * BLOCK;
                    int to = Math.min(offset + n, from + BLOCK);
                    double max = 0;
                    for (int i = from; i < to; i++) {
                        max = Math.max(max, Math.abs(values[i]));
                    }
                    out.putDouble(scales + b * Double.BYTES, max);
                    double scale = max > 0 ? 127 / max : 0;
                    for (int i = from; i < to; i++) {
                        // 128 + round(v 127 / max): 1 ... 255
                        out.put(codes + i - offset, (byte) (int) (128 + values[i] * scale + 0.5f));
                    }
                }
                out.position(codes + n);
            }
        }
    }

    public static void decode(Compression c, ByteBuffer in, double[] values, int offset, int n) {
        switch (c) {
            case NONE -> {
                in.asDoubleBuffer().get(values, offset, n);
                in.position(in.position() + n * Double.BYTES);
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    values[offset + i] = Float.intBitsToFloat((in.getShort() & 0xFFFF) << 16);
                }
            }
            case INT8 -> {
                int blocks = (n + BLOCK - 1) / BLOCK;
                int scales = in.position();
                int codes = scales + blocks * Double.BYTES;
                for (int b = 0; b < blocks; b++) {
                    int from = offset + b * BLOCK;
                    int to = Math.min(offset + n, from + BLOCK);
                    double step = in.getDouble(scales + b * Double.BYTES) / 127;
                    for (int i = from; i < to; i++) {
                        values[i] = ((in.get(codes + i - offset) & 0xFF) - 128) * step;
                    }
                }
                in.position(codes + n);
            }
        }
    }
}
