package org.seiche.segy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.seiche.api.SeicheException;

/** Bad files are refused before any use, saying what is wrong and where. */
class SegyRefusalTest {
    @TempDir
    Path dir;
    byte[] good;

    @BeforeEach
    void writeGood() throws IOException {
        Path f = dir.resolve("good.sgy");
        SegyWriter.write(f, SegyWriterTest.data(10), 0.004, SegyWriterTest.geometry());
        good = Files.readAllBytes(f);
    }

    private void refused(UnaryOperator<byte[]> damage, String... words) throws IOException {
        Path f = dir.resolve("bad.sgy");
        Files.write(f, damage.apply(good.clone()));
        SeicheException e = assertThrows(SeicheException.class, () -> {
            try (SegyReader r = SegyReader.open(f)) {
                r.forEachTrace((i, h, s) -> { });
            }
        });
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void shorterThanTheHeaders() throws IOException {
        refused(b -> Arrays.copyOf(b, 3000), "3000 bytes", "3600");
    }

    @Test
    void noTraces() throws IOException {
        refused(b -> Arrays.copyOf(b, 3600), "no traces", "byte 3600");
    }

    @Test
    void truncatedTrace() throws IOException {
        // traces are 240 + 10 * 4 = 280 bytes: cut 100 bytes from the fifth
        refused(b -> Arrays.copyOf(b, b.length - 100), "trace 5", "byte " + (3600 + 4 * 280), "180 of 280");
    }

    @Test
    void variableLengthTracesAreNamedAsAPossibleCause() throws IOException {
        refused(b -> {
            ByteBuffer.wrap(b).putShort(3502, (short) 0);
            return Arrays.copyOf(b, b.length - 8);
        }, "trace 5", "vary in length (fixed-length flag 0, bytes 3503-3504)");
    }

    @Test
    void unknownFormat() throws IOException {
        refused(b -> {
            ByteBuffer.wrap(b).putInt(3296, 0).putShort(3224, (short) 0x0404);
            return b;
        }, "bytes 3225-3226", "1028");
    }

    @Test
    void traceLengthDisagreesWithTheBinaryHeader() throws IOException {
        refused(b -> {
            ByteBuffer.wrap(b).putShort(3600 + 2 * 280 + 114, (short) 12);
            return b;
        }, "trace 3", "byte " + (3600 + 2 * 280), "12 samples", "10");
    }

    @Test
    void moreExtendedHeadersThanTheFileHolds() throws IOException {
        refused(b -> {
            ByteBuffer.wrap(b).putShort(3504, (short) 9);
            return b;
        }, "9 extended textual headers", "bytes 3505-3506");
    }

    @Test
    void additionalTraceHeaders() throws IOException {
        refused(b -> {
            ByteBuffer.wrap(b).putInt(3506, 1);
            return b;
        }, "bytes 3507-3510");
    }

    @Test
    void zeroSampleInterval() throws IOException {
        refused(b -> {
            ByteBuffer bb = ByteBuffer.wrap(b);
            bb.putShort(3216, (short) 0).putShort(3600 + 116, (short) 0);
            return b;
        }, "sample interval is 0");
    }

    @Test
    void missingFile() {
        SeicheException e = assertThrows(SeicheException.class, () -> SegyReader.open(dir.resolve("none.sgy")));
        assertTrue(e.getMessage().contains("no such SEG-Y file"), e.getMessage());
    }
}
