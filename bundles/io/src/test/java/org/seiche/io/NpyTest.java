package org.seiche.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;

class NpyTest {
    @TempDir
    Path dir;

    /** A fixture written by numpy (see src/test/resources/npy/make_fixtures.py). */
    private static Path fixture(String name) {
        try {
            return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NdArray ramp(int... shape) {
        double[] d = new double[Math.toIntExact(NdArray.size(shape))];
        for (int i = 0; i < d.length; i++) {
            d[i] = i * 0.25 - 3;
        }
        return new NdArray(shape, d);
    }

    private static void assertRefused(Path file, String reason, Runnable read) {
        SeicheException e = assertThrows(SeicheException.class, read::run);
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    // --- round trips ---

    @ParameterizedTest
    @CsvSource({"''", "1", "5", "2;3", "2;3;4", "0;3", "1;1;1"})
    void roundTripsFloat64AndFloat32(String dims) {
        int[] shape = dims.isEmpty() ? new int[0] : Arrays.stream(dims.split(";")).mapToInt(Integer::parseInt).toArray();
        NdArray a = ramp(shape);
        for (Precision p : Precision.values()) {
            Path f = dir.resolve(p.label() + ".npy");
            Npy.write(f, a, p);
            NdArray b = Npy.read(f);
            assertArrayEquals(shape, b.shape());
            assertArrayEquals(a.data(), b.data(), 0.0, p.label());
        }
    }

    @Test
    void float32RoundsToNearestFloat() {
        Path f = dir.resolve("a.npy");
        Npy.write(f, new NdArray(new int[] {3}, new double[] {0.1, Double.NaN, 1e300}), Precision.FLOAT32);
        assertArrayEquals(new double[] {(float) 0.1, Double.NaN, Double.POSITIVE_INFINITY}, Npy.read(f).data(), 0.0);
        assertEquals("<f4", Npy.header(f).dtype());
    }

    @Test
    void roundTripsInt32() {
        Path f = dir.resolve("i.npy");
        int[] data = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 7, 8};
        Npy.writeInt(f, new int[] {3, 2}, data);
        NdArray b = Npy.read(f);
        assertArrayEquals(new int[] {3, 2}, b.shape());
        assertArrayEquals(Arrays.stream(data).asDoubleStream().toArray(), b.data(), 0.0);
        assertEquals("<i4", Npy.header(f).dtype());
    }

    @Test
    void roundTripsAcrossManyBufferChunks() {
        NdArray a = ramp(3, 100_003);
        for (Precision p : Precision.values()) {
            Path f = dir.resolve("big.npy");
            Npy.write(f, a, p);
            assertArrayEquals(a.data(), Npy.read(f).data(), 0.0);
        }
        Path f = dir.resolve("bigint.npy");
        int[] ints = IntStream.range(-150_000, 150_001).toArray();
        Npy.writeInt(f, new int[] {ints.length}, ints);
        assertArrayEquals(Arrays.stream(ints).asDoubleStream().toArray(), Npy.read(f).data(), 0.0);
    }

    @Test
    void overwritesAndLeavesNoPartFile() throws IOException {
        Path f = dir.resolve("o.npy");
        Npy.write(f, ramp(100), Precision.FLOAT64);
        Npy.write(f, ramp(2), Precision.FLOAT64);
        assertArrayEquals(new int[] {2}, Npy.read(f).shape());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    // --- files numpy wrote ---

    @Test
    void readsNumpyFloat32() {
        NdArray a = Npy.read(fixture("f32_2x3.npy"));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new double[] {1.5, -2.25, 3.0, 4.0, 5.125, -6.5}, a.data(), 0.0);
    }

    @Test
    void readsNumpyFloat64ThreeD() {
        NdArray a = Npy.read(fixture("f64_2x3x4.npy"));
        assertArrayEquals(new int[] {2, 3, 4}, a.shape());
        for (int i = 0; i < 24; i++) {
            assertEquals(i * 0.5 - 3.0, a.data()[i], 0.0);
        }
    }

    @Test
    void readsNumpyZeroD() {
        NdArray a = Npy.read(fixture("f32_scalar.npy"));
        assertEquals(0, a.ndim());
        assertArrayEquals(new double[] {7.25}, a.data(), 0.0);
    }

    @Test
    void readsNumpyVersion2Header() {
        NdArray a = Npy.read(fixture("v2_f64.npy"));
        assertArrayEquals(new int[] {4}, a.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4}, a.data(), 0.0);
    }

    @Test
    void readsNumpySmallIntegers() {
        assertArrayEquals(new double[] {-300, 7, 32767}, Npy.read(fixture("i2.npy")).data(), 0.0);
        assertArrayEquals(new double[] {0, 200, 255}, Npy.read(fixture("u1.npy")).data(), 0.0);
    }

    @Test
    void readsNumpyInt64Locations() {
        Locations l = Npy.readLocations(fixture("i64_locations.npy"), 2);
        assertEquals(2, l.shots());
        assertEquals(3, l.perShot());
        assertArrayEquals(new int[] {0, 1, 2, 3, -1, -1, 4, 5, 6, 7, 8, 9}, l.cells());
        assertTrue(l.unused(0, 2));
    }

    @Test
    void headerGivesDtypeAndShape() {
        Npy.Header h = Npy.header(fixture("f64_2x3x4.npy"));
        assertEquals("<f8", h.dtype());
        assertFalse(h.fortranOrder());
        assertArrayEquals(new int[] {2, 3, 4}, h.shape());
        assertEquals(24, h.size());
    }

    @Test
    void writesNumpysBytesExactly() throws IOException {
        Path f32 = dir.resolve("f32_2x3.npy");
        Npy.write(f32, Npy.read(fixture("f32_2x3.npy")), Precision.FLOAT32);
        assertArrayEquals(Files.readAllBytes(fixture("f32_2x3.npy")), Files.readAllBytes(f32));

        Path f64 = dir.resolve("f64_2x3x4.npy");
        Npy.write(f64, Npy.read(fixture("f64_2x3x4.npy")), Precision.FLOAT64);
        assertArrayEquals(Files.readAllBytes(fixture("f64_2x3x4.npy")), Files.readAllBytes(f64));

        Path scalar = dir.resolve("f32_scalar.npy");
        Npy.write(scalar, Npy.read(fixture("f32_scalar.npy")), Precision.FLOAT32);
        assertArrayEquals(Files.readAllBytes(fixture("f32_scalar.npy")), Files.readAllBytes(scalar));
    }

    @Test
    void headersAreAlignedTo64Bytes() {
        for (int[] shape : new int[][] {{}, {1}, {123456789}, {7, 8, 9, 10, 11, 12, 13}}) {
            byte[] h = Npy.headerBytes("<f8", shape);
            assertEquals(0, h.length % 64, Arrays.toString(shape));
            assertEquals('\n', h[h.length - 1]);
        }
    }

    @Test
    void parsesHeaderKeysInAnyOrder() throws IOException {
        Path f = dir.resolve("odd.npy");
        writeRaw(f, "{\"shape\": (2L,) ,'fortran_order':False,'descr':'<i4'}", new byte[] {5, 0, 0, 0, -2, -1, -1, -1});
        NdArray a = Npy.read(f);
        assertArrayEquals(new int[] {2}, a.shape());
        assertArrayEquals(new double[] {5, -2}, a.data(), 0.0);
    }

    // --- every other layout and element type numpy writes ---

    @Test
    void readsNumpyBigEndian() {
        assertArrayEquals(new double[] {1, 2}, Npy.read(fixture("big_endian.npy")).data(), 0.0);
        NdArray f8 = Npy.read(fixture("big_endian_f8.npy"));
        assertArrayEquals(new int[] {2, 2}, f8.shape());
        assertArrayEquals(new double[] {1, -2.5, 1e300, Double.MIN_VALUE}, f8.data(), 0.0);
        assertArrayEquals(new double[] {-1, 2, 70000}, Npy.read(fixture("big_endian_i4.npy")).data(), 0.0);
        assertArrayEquals(new double[] {-0x1p53, 0x1p53}, Npy.read(fixture("i8_big.npy")).data(), 0.0);
    }

    @Test
    void readsNumpyFortranOrderIntoCOrder() {
        NdArray a = Npy.read(fixture("fortran.npy"));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, a.data(), 0.0);
    }

    @Test
    void readsNumpysSaveOfATransposedBigEndianArray() {
        NdArray a = Npy.read(fixture("fortran_transposed_be_f4.npy"));
        assertArrayEquals(new int[] {4, 3, 2}, a.shape());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    assertEquals(100 * i + 10 * j + k, a.data()[(i * 3 + j) * 2 + k], 0.0, i + "," + j + "," + k);
                }
            }
        }
    }

    @Test
    void readsFortranOrderAcrossManyBufferChunks() throws IOException {
        int rows = 3;
        int cols = 100_003;
        // the file holds column after column: value(i, j) = i * cols + j, first axis fastest
        byte[] data = new byte[rows * cols * 8];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                b.putDouble((double) i * cols + j);
            }
        }
        Path f = dir.resolve("wide.npy");
        writeRaw(f, "{'descr': '>f8', 'fortran_order': True, 'shape': (" + rows + ", " + cols + "), }", data);
        NdArray a = Npy.read(f);
        assertArrayEquals(new int[] {rows, cols}, a.shape());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(k, a.data()[k], 0.0);
        }
    }

    @Test
    void readsNumpyFloat16() {
        assertArrayEquals(new double[] {1, -2.5, 65504, 0x1p-24, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NaN, 0.0999755859375}, Npy.read(fixture("f16.npy")).data(), 0.0);
    }

    @Test
    void halfToFloatAgreesWithEveryHalfItCanTellFromItsNeighbours() {
        // every finite half is exactly representable: consecutive halves map to increasing floats
        float previous = Float.NEGATIVE_INFINITY;
        for (int h = 0xfbff; h >= 0x8001; h--) {
            float v = Npy.halfToFloat((short) h);
            assertTrue(v > previous, Integer.toHexString(h));
            previous = v;
        }
        for (int h = 0; h <= 0x7bff; h++) {
            float v = Npy.halfToFloat((short) h);
            assertTrue(h == 0 ? v == 0 : v > previous, Integer.toHexString(h));
            previous = v;
        }
        assertEquals(65504f, previous);
        assertTrue(Float.isNaN(Npy.halfToFloat((short) 0x7e00)));
    }

    @Test
    void readsNumpyIntegersOfEverySize() {
        assertArrayEquals(new double[] {-128, 0, 127}, Npy.read(fixture("i1.npy")).data(), 0.0);
        assertArrayEquals(new double[] {0, 65535}, Npy.read(fixture("u2.npy")).data(), 0.0);
        assertArrayEquals(new double[] {0, 4294967295.0}, Npy.read(fixture("u4.npy")).data(), 0.0);
        assertArrayEquals(new double[] {0, 0x1p63, 0x1p64 - 0x1p11}, Npy.read(fixture("u8.npy")).data(), 0.0);
    }

    @Test
    void readsNumpyBooleansAsZeroAndOne() {
        NdArray a = Npy.read(fixture("bool_mask.npy"));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new double[] {1, 0, 1, 0, 0, 1}, a.data(), 0.0);
    }

    // --- refusals ---

    @Test
    void refusesObjectComplexStringAndDateArraysNamingTheDtype() {
        String[][] cases = {{"object.npy", "dtype '|O' (Python objects) is not supported"},
            {"complex.npy", "dtype '<c8' (complex) is not supported"},
            {"strings.npy", "dtype '<U2' (strings) is not supported"},
            {"datetime.npy", "dtype '<M8[D]' (dates or time spans) is not supported"}};
        for (String[] c : cases) {
            Path f = fixture(c[0]);
            assertRefused(f, c[1], () -> Npy.read(f));
        }
    }

    @Test
    void refusesNumpyStructuredArraysNamingTheDtype() {
        Path f = fixture("structured.npy");
        assertRefused(f, "structured dtype [('a', '<f4'), ('b', '<i4')] (records with named fields) is not supported",
                () -> Npy.read(f));
    }

    @Test
    void refusesMultiByteTypesWithoutAByteOrder() throws IOException {
        Path f = dir.resolve("noorder.npy");
        writeRaw(f, "{'descr': '|f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]);
        assertRefused(f, "dtype '|f4' (a float of this size) is not supported", () -> Npy.read(f));
    }

    @Test
    void refusesBadMagic() throws IOException {
        Path f = dir.resolve("x.npy");
        Files.writeString(f, "a,b,c\n1,2,3\n");
        assertRefused(f, "not a NumPy .npy file (bad magic)", () -> Npy.read(f));
        Files.write(f, new byte[0]);
        assertRefused(f, "not a NumPy .npy file (bad magic)", () -> Npy.read(f));
    }

    @Test
    void refusesTruncatedData() throws IOException {
        Path f = dir.resolve("x.npy");
        byte[] whole = Files.readAllBytes(fixture("f64_2x3x4.npy"));
        Files.write(f, Arrays.copyOf(whole, whole.length - 8 * 4 - 3));
        assertRefused(f, "file is truncated: header says 24 values, found 19", () -> Npy.read(f));
        Files.write(f, Arrays.copyOf(whole, 40));
        assertRefused(f, "file is truncated: the header is cut off", () -> Npy.read(f));
    }

    @Test
    void refusesUnknownVersionAndMalformedHeaders() throws IOException {
        Path f = dir.resolve("x.npy");
        byte[] whole = Files.readAllBytes(fixture("f32_2x3.npy"));
        whole[6] = 4;
        Files.write(f, whole);
        assertRefused(f, "unsupported .npy format version 4.0", () -> Npy.read(f));
        writeRaw(f, "{'descr': '<f4', 'fortran_order': False 'shape': (1,)}", new byte[4]);
        assertRefused(f, "malformed .npy header", () -> Npy.read(f));
        writeRaw(f, "{'descr': '<f4', 'fortran_order': False}", new byte[4]);
        assertRefused(f, "no 'shape' tuple", () -> Npy.read(f));
        writeRaw(f, "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,)}", new byte[4]);
        assertRefused(f, "bad dimension -1", () -> Npy.read(f));
    }

    @Test
    void refusesMissingFile() {
        Path f = dir.resolve("missing.npy");
        assertRefused(f, "cannot read (No such file or directory)", () -> Npy.read(f));
    }

    @Test
    void reportsWriteFailures() {
        Path f = dir.resolve("no-such-dir").resolve("out.npy");
        assertRefused(f, "cannot write (No such file or directory)", () -> Npy.write(f, ramp(2), Precision.FLOAT32));
    }

    @Test
    void readsWholeNumberFloatLocationsAndRefusesOthers() {
        Path f = dir.resolve("loc.npy");
        Npy.write(f, new NdArray(new int[] {1, 2, 3}, new double[] {0, 1, 2, -1, -1, -1}), Precision.FLOAT32);
        assertArrayEquals(new int[] {0, 1, 2, -1, -1, -1}, Npy.readLocations(f, 3).cells());
        assertRefused(f, "locations must have shape [shots, perShot, 2], got [1, 2, 3]", () -> Npy.readLocations(f, 2));

        Npy.write(f, new NdArray(new int[] {1, 2}, new double[] {0, 1}), Precision.FLOAT32);
        assertRefused(f, "locations must have shape [shots, perShot, 2], got [1, 2]", () -> Npy.readLocations(f, 2));

        Npy.write(f, new NdArray(new int[] {1, 1, 2}, new double[] {0, 1.5}), Precision.FLOAT64);
        assertRefused(f, "value 1.5 at flat index 1 is not a grid-cell index", () -> Npy.readLocations(f, 2));
    }

    /** A version 1.0 file with the given header dict and data bytes. */
    private static void writeRaw(Path f, String dict, byte[] data) throws IOException {
        byte[] text = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + text.length + data.length];
        byte[] pre = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) text.length, (byte) (text.length >> 8)};
        System.arraycopy(pre, 0, out, 0, 10);
        System.arraycopy(text, 0, out, 10, text.length);
        System.arraycopy(data, 0, out, 10 + text.length, data.length);
        Files.write(f, out);
    }
}
