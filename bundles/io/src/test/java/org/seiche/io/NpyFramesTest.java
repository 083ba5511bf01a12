package org.seiche.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;

/** Frames put one at a time, out of order and from several threads, make the file a whole write makes. */
class NpyFramesTest {
    @TempDir
    Path dir;

    @Test
    void framesPutInAnyOrderGiveTheBytesOfAWholeWrite() throws IOException {
        for (Precision p : Precision.values()) {
            int count = 5;
            NdArray whole = NdArray.zeros(count, 3, 4);
            for (int i = 0; i < whole.size(); i++) {
                whole.data()[i] = Math.sin(i) * 1e3;
            }
            Path streamed = dir.resolve("streamed_" + p.label() + ".npy");
            try (NpyFrames frames = NpyFrames.create(streamed, count, new int[] {3, 4}, p)) {
                IntStream.of(3, 0, 4, 1, 2).parallel().forEach(k -> frames.put(k, slice(whole, k)));
                assertArrayEquals(slice(whole, 4).data(), frames.frame(4).data(), 0.0 + (p == Precision.FLOAT32 ? 1e-4 : 0));
            }
            Path written = dir.resolve("whole_" + p.label() + ".npy");
            Npy.write(written, whole, p);
            assertArrayEquals(Files.readAllBytes(written), Files.readAllBytes(streamed), p.label());
        }
    }

    @Test
    void framesNeverPutReadAsZeroAndAMisfitIsRefused() {
        Path f = dir.resolve("sparse.npy");
        try (NpyFrames frames = NpyFrames.create(f, 3, new int[] {2, 2}, Precision.FLOAT64)) {
            frames.put(1, new NdArray(new int[] {2, 2}, new double[] {1, 2, 3, 4}));
            assertThrows(IllegalArgumentException.class, () -> frames.put(3, NdArray.zeros(2, 2)));
            assertThrows(IllegalArgumentException.class, () -> frames.put(0, NdArray.zeros(2, 3)));
        }
        NdArray back = Npy.read(f);
        assertArrayEquals(new int[] {3, 2, 2}, back.shape());
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0}, back.data());
    }

    private static NdArray slice(NdArray a, int k) {
        int n = a.dim(1) * a.dim(2);
        double[] out = new double[n];
        System.arraycopy(a.data(), k * n, out, 0, n);
        return new NdArray(new int[] {a.dim(1), a.dim(2)}, out);
    }
}
