package org.seiche.wave.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.Storage;
import org.seiche.api.Storage.Compression;

/** Steps streamed to disk come back exactly, in reverse or in order; no file outlives its store or a killed run. */
class DiskStepsTest {
    @TempDir
    Path dir;

    private static Storage.Plan plan(Storage.Mode mode, Compression c) {
        return new Storage.Plan(mode, c, 0, 0, 0);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /**
     * Writes steps whose values name them (from the last when {@code reversed}, as a
     * second-order run's adjoint writes its history), then reads them back from the last,
     * from the first (a tangent forward run) and from the last again.
     */
    private void writeAndReadBack(DoubleSteps steps, int values, int slots, boolean exact) {
        writeAndReadBack(steps, values, slots, exact, false);
    }

    private void writeAndReadBack(DoubleSteps steps, int values, int slots, boolean exact, boolean reversed) {
        for (int j = 0; j < slots; j++) {
            int k = reversed ? slots - 1 - j : j;
            double[] a = steps.target(k);
            int at = steps.targetOffset(k);
            for (int i = 0; i < values; i++) {
                a[at + i] = k * 1000 + i + 0.25;
            }
            steps.written(k);
        }
        for (int pass = 0; pass < 3; pass++) {
            for (int j = 0; j < slots; j++) {
                int k = pass == 1 ? j : slots - 1 - j;
                double[] a = steps.source(k);
                int at = steps.sourceOffset(k);
                for (int i = 0; i < values; i++) {
                    double expected = k * 1000 + i + 0.25;
                    double tolerance = exact ? 0 : Math.abs(expected) * 0x1p-8 + (slots * 1000 + values) / 254.0;
                    assertEquals(expected, a[at + i], tolerance, "step " + k + " value " + i);
                }
                steps.read(k);
            }
        }
    }

    @Test
    void diskStepsComeBackInReverseExactlyAndLeaveNoFile() throws IOException {
        try (DoubleSteps steps = DoubleSteps.of(plan(Storage.Mode.DISK, Compression.NONE), 301, 40, dir, ArraySource.NEW)) {
            writeAndReadBack(steps, 301, 40, true);
            assertEquals(1, files().size(), "one file while the store is open");
            assertEquals(40L * 301 * Double.BYTES, Files.size(files().get(0)));
        }
        try (DoubleSteps steps = DoubleSteps.of(plan(Storage.Mode.DISK, Compression.NONE), 301, 40, dir, ArraySource.NEW)) {
            writeAndReadBack(steps, 301, 40, true, true);
        }
        assertEquals(List.of(), files(), "the store's file is removed when it closes");
    }

    @Test
    void compressedStepsComeBackWithinTheirPrecision() {
        for (Storage.Mode mode : new Storage.Mode[] {Storage.Mode.MEMORY, Storage.Mode.DISK}) {
            for (Compression c : new Compression[] {Compression.BF16, Compression.INT8}) {
                try (DoubleSteps steps = DoubleSteps.of(plan(mode, c), 130, 9, dir, ArraySource.NEW)) {
                    writeAndReadBack(steps, 130, 9, false);
                }
            }
        }
        try (DoubleSteps steps = DoubleSteps.of(plan(Storage.Mode.MEMORY, Compression.NONE), 130, 9, dir, ArraySource.NEW)) {
            writeAndReadBack(steps, 130, 9, true);
        }
    }

    /**
     * A run killed mid-adjoint leaves its file (here: a file named for a process that has
     * ended); the next store opened in the folder removes it, and a live process's file stays.
     */
    @Test
    void theNextRunRemovesAKilledRunsFiles() throws IOException, InterruptedException {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path leftover = dir.resolve(DiskFiles.PREFIX + ended.pid() + "-1.bin");
        Files.write(leftover, new byte[1024]);
        Path live = dir.resolve(DiskFiles.PREFIX + ProcessHandle.current().pid() + "-999999.bin");
        Files.write(live, new byte[16]);
        try (DoubleSteps steps = DoubleSteps.of(plan(Storage.Mode.DISK, Compression.NONE), 10, 3, dir, ArraySource.NEW)) {
            assertFalse(Files.exists(leftover), "a dead run's file is removed");
            assertTrue(Files.exists(live), "a live run's file stays");
            writeAndReadBack(steps, 10, 3, true);
        }
        Files.delete(live);
        assertEquals(List.of(), files());
    }

    /** An adjoint begun again from the last step (a second adjoint after a partial one) reads every step again. */
    @Test
    void readingBegunAgainGivesTheStepsAgain() {
        try (DoubleSteps steps = DoubleSteps.of(plan(Storage.Mode.DISK, Compression.NONE), 50, 20, dir, ArraySource.NEW)) {
            for (int k = 0; k < 20; k++) {
                java.util.Arrays.fill(steps.target(k), k);
                steps.written(k);
            }
            for (int k = 19; k >= 15; k--) {
                assertEquals(k, steps.source(k)[0]);
                steps.read(k);
            }
            for (int k = 19; k >= 0; k--) {
                assertEquals(k, steps.source(k)[49]);
                steps.read(k);
            }
        }
    }

    @Test
    void aStoreClosedMidAdjointStopsItsThreadsAndRemovesItsFile() throws IOException {
        DoubleSteps steps = DoubleSteps.of(plan(Storage.Mode.DISK, Compression.INT8), 1000, 50, dir, ArraySource.NEW);
        for (int k = 0; k < 50; k++) {
            steps.target(k);
            steps.written(k);
        }
        double[] last = steps.source(49);
        assertArrayEquals(new double[1000], last, "zeros written, zeros read");
        steps.read(49);
        steps.source(48);
        steps.close();
        assertEquals(List.of(), files());
    }
}
