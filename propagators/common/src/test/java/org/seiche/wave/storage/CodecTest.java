package org.seiche.wave.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.seiche.api.Storage.Compression;

/** The stored steps' records: exact uncompressed, within half a unit of the last place kept when compressed. */
class CodecTest {
    private static double[] values(int n) {
        Random r = new Random(5);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // magnitudes spread over decades, as a wavefield's are
            v[i] = r.nextGaussian() * Math.pow(10, -3 * r.nextDouble());
        }
        v[7] = 0;
        return v;
    }

    private static double[] roundTrip(Compression c, double[] v) {
        ByteBuffer b = ByteBuffer.allocate((int) Codec.recordBytes(c, v.length, Double.BYTES));
        DoubleCodec.encode(c, v, 0, v.length, b);
        assertEquals(b.capacity(), b.position(), "the record fills its size");
        b.flip();
        double[] back = new double[v.length];
        DoubleCodec.decode(c, b, back, 0, v.length);
        return back;
    }

    @Test
    void recordsRoundTrip() {
        double[] v = values(1000);
        assertArrayEquals(v, roundTrip(Compression.NONE, v), "uncompressed is exact");
        double[] bf16 = roundTrip(Compression.BF16, v);
        for (int i = 0; i < v.length; i++) {
            assertTrue(Math.abs(bf16[i] - v[i]) <= Math.abs(v[i]) * 0x1p-8, i + ": " + bf16[i] + " for " + v[i]);
        }
        double[] int8 = roundTrip(Compression.INT8, v);
        for (int b = 0; b < v.length; b += Codec.BLOCK) {
            double max = 0;
            for (int i = b; i < Math.min(v.length, b + Codec.BLOCK); i++) {
                max = Math.max(max, Math.abs(v[i]));
            }
            for (int i = b; i < Math.min(v.length, b + Codec.BLOCK); i++) {
                assertTrue(Math.abs(int8[i] - v[i]) <= max / 254 * (1 + 1e-12), i + ": " + int8[i] + " for " + v[i]);
            }
        }
        assertEquals(0, int8[7]);
    }

    @Test
    void floatRecordsRoundTrip() {
        float[] v = new float[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.1) * (i % 7);
        }
        for (Compression c : Compression.values()) {
            ByteBuffer b = ByteBuffer.allocate((int) Codec.recordBytes(c, v.length, Float.BYTES));
            FloatCodec.encode(c, v, 0, v.length, b);
            b.flip();
            float[] back = new float[v.length];
            FloatCodec.decode(c, b, back, 0, v.length);
            for (int i = 0; i < v.length; i++) {
                double bound = c == Compression.NONE ? 0 : c == Compression.BF16 ? Math.abs(v[i]) * 0x1p-8 : 6.0 / 254 * 1.0001;
                assertTrue(Math.abs(back[i] - v[i]) <= bound, c + " " + i + ": " + back[i] + " for " + v[i]);
            }
        }
    }

    @Test
    void compressionHalvesOrQuartersTheRecord() {
        assertEquals(800, Codec.recordBytes(Compression.NONE, 200, 4));
        assertEquals(400, Codec.recordBytes(Compression.BF16, 200, 4));
        // one float scale per 64 values
        assertEquals(200 + 4 * 4, Codec.recordBytes(Compression.INT8, 200, 4));
    }
}
