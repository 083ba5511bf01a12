package org.seiche.segy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.seiche.api.NdArray;

/**
 * Files written by segyio and by a struct/numpy writer (make_segy.py), not by Seiche: every
 * sample format, both byte orders, revisions 0, 1 and 2, EBCDIC and ASCII text, extended
 * textual headers (counted and variable).
 */
class SegyFilesTest {
    static final int SHOTS = 3;
    static final int PER_SHOT = 4;
    static final int NT = 7;

    record Case(String name, String writer, int format, String endian, int rev, String text, int ext) {
        String arg() {
            return name + ":" + writer + ":" + format + ":" + endian + ":" + rev + ":" + text + ":" + ext;
        }

        @Override
        public String toString() {
            return arg();
        }
    }

    @TempDir
    static Path dir;

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        String[] endians = {"big", "little"};
        // segyio 1.8.3 writes formats 1, 2 and 5 (its 2- and 1-byte traces come out short)
        for (int fmt : new int[] {1, 2, 5}) {
            for (String e : endians) {
                for (int rev = 0; rev <= 2; rev++) {
                    out.add(new Case("segyio_f" + fmt + "_" + e + "_r" + rev, "segyio", fmt, e, rev, rev == 1 ? "ascii" : "ebcdic",
                            rev == 0 ? 0 : rev));
                }
            }
        }
        for (int fmt : new int[] {1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16}) {
            for (String e : endians) {
                out.add(new Case("raw_f" + fmt + "_" + e, "raw", fmt, e, 2, fmt % 2 == 0 ? "ascii" : "ebcdic", fmt == 3 ? -1 : 1));
            }
        }
        out.add(new Case("raw_rev1_variable_text", "raw", 5, "big", 1, "ebcdic", -1));
        out.add(new Case("raw_rev0", "raw", 3, "big", 0, "ascii", 0));
        return out;
    }

    @BeforeAll
    static void write() {
        Python.run(Python.resource(SegyFilesTest.class, "/segy/make_segy.py"),
                Stream.concat(Stream.of(dir.toString()), cases().stream().map(Case::arg)).toList());
    }

    static double value(int trace, int sample, int format) {
        double v = (trace * 7 + sample * 3) % 50;
        if (format != 10 && format != 11 && format != 12 && format != 15 && format != 16) {
            v -= 25;
        }
        return format == 1 || format == 5 || format == 6 ? v + 0.25 : v;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readsHeadersSamplesAndGeometry(Case c) {
        try (SegyReader r = SegyReader.open(dir.resolve(c.name() + ".sgy"))) {
            assertEquals(c.format(), r.format().code(), "format");
            assertEquals(c.endian().equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, r.byteOrder());
            assertEquals(c.rev(), r.revision(), "revision");
            assertEquals(c.text().equals("ebcdic"), r.ebcdic(), "textual header encoding");
            assertTrue(r.text().startsWith("C 1 "), r.text());
            assertEquals(c.ext() == -1 ? 2 : c.ext(), r.extendedHeaders(), "extended textual headers");
            assertEquals(SHOTS * PER_SHOT, r.traces());
            assertEquals(NT, r.samples());
            assertEquals(2000, r.intervalMicros());
            TraceHeader h = r.header(5);
            assertEquals(11, h.fieldRecord());
            assertEquals(2, h.traceInRecord());
            assertEquals(150.0, h.sourceX()); // 1500 with scalar -10: divided
            assertEquals(3.0, h.sourceY());
            assertEquals(120.0, h.receiverX());
            assertEquals(-200.0, h.receiverElevation()); // -2 with scalar 100: multiplied
            for (Geometry.ShotsBy by : Geometry.ShotsBy.values()) {
                Geometry g = Geometry.read(r, by);
                assertEquals(SHOTS, g.shots());
                assertEquals(PER_SHOT, g.perShot());
                for (int s = 0; s < SHOTS; s++) {
                    assertEquals(10 + s, g.fieldRecord(s));
                    assertArrayEquals(new double[] {200, 3, 100 * s + 50}, g.source(s), "source of shot " + s);
                    for (int k = 0; k < PER_SHOT; k++) {
                        assertArrayEquals(new double[] {200, 0, 100 * s + 20 * k}, g.receiver(s, k));
                        assertEquals(s * PER_SHOT + k, g.trace(s, k));
                    }
                }
                NdArray d = g.gathers(r);
                assertArrayEquals(new int[] {SHOTS, PER_SHOT, NT}, d.shape());
                for (int i = 0; i < SHOTS * PER_SHOT; i++) {
                    for (int j = 0; j < NT; j++) {
                        assertEquals(value(i, j, c.format()), d.data()[i * NT + j], "trace " + i + " sample " + j);
                    }
                }
            }
        }
    }
}
