package org.seiche.segy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

/** Seiche's rev 2 writer: read back by Seiche and by segyio give the same arrays and geometry. */
class SegyWriterTest {
    @TempDir
    Path dir;

    /** 2 shots of 3 receiver slots, the last slot of shot 1 empty; positions on a 2.5 m grid. */
    static Geometry geometry() {
        double[] source = {5, 0, 12.5, 7.5, 0, 40};
        double[] receiver = new double[2 * 3 * 3];
        Arrays.fill(receiver, Double.NaN);
        for (int s = 0; s < 2; s++) {
            for (int r = 0; r < (s == 1 ? 2 : 3); r++) {
                receiver[3 * (s * 3 + r)] = 2.5;
                receiver[3 * (s * 3 + r) + 1] = 0;
                receiver[3 * (s * 3 + r) + 2] = 100 + 2.5 * r + 10 * s;
            }
        }
        return new Geometry(new int[] {1, 2}, source, 3, receiver, null);
    }

    static NdArray data(int nt) {
        double[] d = new double[2 * 3 * nt];
        for (int i = 0; i < d.length; i++) {
            d[i] = i % 5 == 4 ? 0 : (float) Math.sin(0.37 * i) * 1e3f;
        }
        for (int i = 0; i < nt; i++) {
            d[5 * nt + i] = 0; // the empty slot reads back as zeros
        }
        return new NdArray(new int[] {2, 3, nt}, d);
    }

    @Test
    void writeThenReadGivesTheSameArraysAndGeometry() {
        Path f = dir.resolve("out.sgy");
        NdArray data = data(11);
        SegyWriter.write(f, data, 0.004, geometry());
        try (SegyReader r = SegyReader.open(f)) {
            assertEquals(2, r.revision());
            assertEquals(ByteOrder.BIG_ENDIAN, r.byteOrder());
            assertEquals(SampleFormat.IEEE_FLOAT32, r.format());
            assertEquals(5, r.traces());
            assertEquals(4000, r.intervalMicros());
            assertEquals(true, r.ebcdic());
            for (Geometry.ShotsBy by : Geometry.ShotsBy.values()) {
                Geometry g = Geometry.read(r, by);
                Geometry w = geometry();
                assertEquals(2, g.shots());
                assertEquals(3, g.perShot());
                for (int s = 0; s < 2; s++) {
                    assertEquals(w.fieldRecord(s), g.fieldRecord(s));
                    assertArrayEquals(w.source(s), g.source(s));
                    for (int k = 0; k < 3; k++) {
                        assertArrayEquals(w.receiver(s, k), g.receiver(s, k), "shot " + s + " receiver " + k);
                    }
                }
                assertNull(g.receiver(1, 2));
                assertArrayEquals(data.data(), g.gathers(r).data());
            }
        }
    }

    @Test
    void feetAreConvertedToMetresAndAngularUnitsRefused() throws IOException {
        Path f = dir.resolve("feet.sgy");
        SegyWriter.write(f, data(4), 0.004, geometry());
        byte[] b = Files.readAllBytes(f);
        ByteBuffer.wrap(b).putShort(3254, (short) 2); // measurement system: feet
        Files.write(f, b);
        try (SegyReader r = SegyReader.open(f)) {
            assertEquals(true, r.feet());
            Geometry g = Geometry.read(r, Geometry.ShotsBy.FIELD_RECORD);
            assertEquals(40 * 0.3048, g.source(1)[2], 1e-12);
            assertEquals(2.5 * 0.3048, g.receiver(0, 0)[0], 1e-12);
        }
        // trace 2 in arc seconds (bytes 89-90 = 2)
        ByteBuffer.wrap(b).putShort(3600 + (240 + 16) + 88, (short) 2);
        Files.write(f, b);
        try (SegyReader r = SegyReader.open(f)) {
            SeicheException e = assertThrows(SeicheException.class, () -> Geometry.read(r, Geometry.ShotsBy.FIELD_RECORD));
            assertTrue(e.getMessage().contains("trace 2 (byte 3856): coordinates in arc seconds"),
                    e.getMessage());
        }
    }

    @Test
    void segyioReadsWhatSeicheWrites() throws IOException {
        Path f = dir.resolve("seiche.sgy");
        NdArray data = data(9);
        SegyWriter.write(f, data, 0.002, geometry());
        Python.run(Python.resource(getClass(), "/segy/make_segy.py"), List.of("--dump", f.toString(), dir.resolve("d").toString()));
        ByteBuffer samples = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("d.f64"))).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer heads = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("d.i32"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(5 * 9 * 8, samples.capacity());
        assertEquals(5 * 12 * 4, heads.capacity());
        int[][] slots = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}};
        Geometry g = geometry();
        for (int t = 0; t < 5; t++) {
            int s = slots[t][0];
            int k = slots[t][1];
            for (int i = 0; i < 9; i++) {
                assertEquals(data.data()[(s * 3 + k) * 9 + i], samples.getDouble(), "trace " + t + " sample " + i);
            }
            // fldr, tracf, sx, sy, gx, gy, scalco, gelev, sdepth, scalel, ns, dt
            int[] h = new int[12];
            for (int i = 0; i < 12; i++) {
                h[i] = heads.getInt();
            }
            assertEquals(g.fieldRecord(s), h[0]);
            assertEquals(k + 1, h[1]);
            double divisor = -h[6];
            assertEquals(10.0, divisor, "a 2.5 m grid is exact in decimetres");
            assertEquals(g.source(s)[2], h[2] / divisor);
            assertEquals(g.receiver(s, k)[2], h[4] / divisor);
            assertEquals(-g.receiver(s, k)[0], h[7] / (double) -h[9]);
            assertEquals(g.source(s)[0], h[8] / (double) -h[9]);
            assertEquals(9, h[10]);
            assertEquals(2000, h[11]);
        }
    }
}
