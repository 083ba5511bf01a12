package org.seiche.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.segy.Python;

/** Datasets h5py writes read by Seiche; Seiche's archives read by h5py. */
class Hdf5Test {
    @TempDir
    static Path dir;
    static Path written;

    @BeforeAll
    static void writeWithH5py() {
        written = dir.resolve("h5py.h5");
        Python.run(script(), List.of("write", written.toString()));
    }

    static Path script() {
        return Python.resource(Hdf5Test.class, "/hdf5/h5py_files.py");
    }

    /** h5py_files.py's values: 0.5 i - 3 in C order. */
    static void assertValues(int[] shape, NdArray a) {
        assertArrayEquals(shape, a.shape());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(0.5 * i - 3, a.data()[i], "flat index " + i);
        }
    }

    @Test
    void readsFloatDatasetsOfEitherByteOrder() {
        assertValues(new int[] {2, 3, 4}, Hdf5.read(written, "/f32"));
        assertValues(new int[] {3, 5}, Hdf5.read(written, "f64_be"));
    }

    @Test
    void readsChunkedCompressedDatasets() {
        assertValues(new int[] {40, 30}, Hdf5.read(written, "/chunked"));
    }

    @Test
    void readsIntegerDatasetsInGroups() {
        NdArray loc = Hdf5.read(written, "/survey/locations");
        assertArrayEquals(new int[] {2, 3, 2}, loc.shape());
        for (int i = 0; i < loc.size(); i++) {
            assertEquals(i, loc.data()[i]);
        }
        assertEquals(5.0, Hdf5.read(written, "/survey/i64").data()[5]);
        assertEquals(2.5, Hdf5.read(written, "/scalar").data()[0]);
    }

    @Test
    void refusesWhatIsNotANumericDataset() {
        for (String[] c : new String[][] {{"/none", "no dataset /none"}, {"/survey", "not a dataset"}, {"/text", "Seiche reads floating-point"}}) {
            SeicheException e = assertThrows(SeicheException.class, () -> Hdf5.read(written, c[0]));
            assertTrue(e.getMessage().startsWith(written.toString()) && e.getMessage().contains(c[1]), e.getMessage());
        }
        SeicheException e = assertThrows(SeicheException.class, () -> Hdf5.read(dir.resolve("none.h5"), "/x"));
        assertTrue(e.getMessage().contains("no such HDF5 file"), e.getMessage());
    }

    @Test
    void h5pyReadsTheArchive() throws IOException {
        Path archive = dir.resolve("run.h5");
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        double[] v = new double[2 * 3 * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(i) * 100;
        }
        arrays.put("receiver_data", new NdArray(new int[] {2, 3, 5}, v));
        arrays.put("gradient_v", new NdArray(new int[] {4, 2}, new double[] {1, 2, 3, 4, 5, 6, 7, 8.5}));
        Map<String, String> attributes = Map.of("pipeline", "task: forward\nmodel: {spacing: 4}\n", "summary", "{\"loss\": 1.5}");
        Hdf5.write(archive, arrays, Precision.FLOAT64, attributes);
        Path out = Files.createDirectories(dir.resolve("dump"));
        Python.run(script(), List.of("dump", archive.toString(), out.toString()));
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            String shape = Files.readString(out.resolve(e.getKey() + ".shape"));
            assertEquals(e.getValue().shapeString().replaceAll("[\\[\\] ]", ""), shape);
            assertEquals("<f8", Files.readString(out.resolve(e.getKey() + ".dtype")));
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out.resolve(e.getKey() + ".f64"))).order(ByteOrder.LITTLE_ENDIAN);
            for (double x : e.getValue().data()) {
                assertEquals(x, b.getDouble());
            }
        }
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            assertEquals(a.getValue(), Files.readString(out.resolve(a.getKey() + ".attr")));
        }
        // float32 precision writes float32 datasets
        Hdf5.write(archive, arrays, Precision.FLOAT32, Map.of());
        Python.run(script(), List.of("dump", archive.toString(), out.toString()));
        assertEquals("<f4", Files.readString(out.resolve("gradient_v.dtype")));
        assertArrayEquals(arrays.get("receiver_data").data(), Hdf5.read(archive, "/receiver_data").data(), 1e-4);
    }
}
