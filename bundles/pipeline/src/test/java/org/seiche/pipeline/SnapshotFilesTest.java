package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.io.Npy;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.scalar.cpu.CpuScalarKernel;

/** snapshots: through a pipeline on the scalar propagator: the files, their frames, and what is refused. */
class SnapshotFilesTest {
    private static final int ROWS = 12;
    private static final int COLUMNS = 16;
    private static final int NT = 40;

    @TempDir
    Path dir;

    private PipelineService runtime() {
        PipelineService p = PipelineTestSupport.runtime();
        p.addPropagator(new ScalarPropagator(new CpuScalarKernel()), Map.of());
        return p;
    }

    /** Two shots on a 12 x 16 model (dt stable: no sub-stepping), receivers as given, then the extra lines. */
    private Path pipeline(String name, String receivers, String extra) throws IOException {
        return pipeline(name, "forward", receivers, extra);
    }

    private Path pipeline(String name, String task, String receivers, String extra) throws IOException {
        String yaml = "task: " + task + "\n" + """
                precision: float32
                model:
                  spacing: 5.0
                  parameters:
                    v: {synthetic: {shape: [12, 16], layers: [{top: 0, value: 1500}, {top: 30, value: 2000}]}}
                propagator: {name: scalar, pml_width: 6}
                survey:
                  dt: 0.001
                  nt: 40
                  sources:
                    locations: [[[2, 4]], [[3, 11]]]
                    wavelet: {type: ricker, freq: 50.0, peak_time: 0.02}
                  receivers:
                    locations: %s
                output: %s
                """.formatted(receivers, name) + extra;
        Path p = dir.resolve(name + ".yaml");
        Files.writeString(p, yaml);
        return p;
    }

    /** A receiver in every cell, row-major, for both shots. */
    private static String everyCell() {
        StringBuilder shot = new StringBuilder("[");
        for (int c = 0; c < ROWS * COLUMNS; c++) {
            shot.append(c == 0 ? "" : ", ").append('[').append(c / COLUMNS).append(", ").append(c % COLUMNS).append(']');
        }
        shot.append(']');
        return "[" + shot + ", " + shot + "]";
    }

    @Test
    void npyFramesAreTheFieldAReceiverInEveryCellRecords() throws IOException {
        PipelineService runtime = runtime();
        runtime.run(runtime.read(pipeline("snap", "[[[0, 0]], [[0, 1]]]",
                "snapshots: {every: 6, shots: [1], format: npy}\n")));
        runtime.run(runtime.read(pipeline("every_cell", everyCell(), "")));
        Path folder = dir.resolve("snap").resolve("snapshots");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(2, files.count(), "shot_1_wavefield.npy and snapshots.json only");
        }
        NdArray frames = Npy.read(folder.resolve("shot_1_wavefield.npy"));
        // 40 inner steps, every 6: frames after steps 6, 12, .., 36
        assertArrayEquals(new int[] {NT / 6, ROWS, COLUMNS}, frames.shape());
        NdArray data = Npy.read(dir.resolve("every_cell").resolve("receiver_data.npy"));
        int n = ROWS * COLUMNS;
        for (int k = 0; k < NT / 6; k++) {
            int step = (k + 1) * 6;
            for (int c = 0; c < n; c++) {
                assertEquals(data.data()[(n + c) * NT + step], frames.data()[k * n + c], "frame " + k + " cell " + c);
            }
        }
        String json = Files.readString(folder.resolve("snapshots.json"));
        assertTrue(json.contains("\"frames\" : 6"), json);
        // again into the same folder, as PNG frames: the new snapshots/ replaces the old one whole
        runtime.run(runtime.read(pipeline("snap", "[[[0, 0]], [[0, 1]]]",
                "snapshots: {every: 6, shots: [1], format: png}\n")));
        assertFalse(Files.exists(folder.resolve("shot_1_wavefield.npy")));
        try (Stream<Path> pngs = Files.list(folder.resolve("shot_1_wavefield"))) {
            assertEquals(NT / 6, pngs.filter(f -> f.toString().endsWith(".png")).count());
        }
        // a frame is drawn at least 480 pixels across (its panel), with axes and a colour bar beside it
        assertTrue(ImageIO.read(folder.resolve("shot_1_wavefield").resolve("frame_0005.png").toFile()).getWidth() > 480);
    }

    @Test
    void aGifHoldsEveryFrameAndGradientsAreBitEqualWithAdjointSnapshots() throws IOException {
        PipelineService runtime = runtime();
        String gradient = "gradient_wrt: [v]\nobserved: {file: observed.npy}\n";
        NdArray observed = NdArray.zeros(2, 1, NT);
        observed.data()[30] = 1e-3;
        Npy.write(dir.resolve("observed.npy"), observed, org.seiche.api.Precision.FLOAT32);
        String receivers = "[[[5, 5]], [[6, 12]]]";
        runtime.run(runtime.read(pipeline("plain", "gradient", receivers, gradient)));
        runtime.run(runtime.read(pipeline("snapped", "gradient", receivers, gradient
                + "snapshots: {every: 5, shots: all, format: gif, adjoint: true}\n")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("plain").resolve("gradient_v.npy")),
                Files.readAllBytes(dir.resolve("snapped").resolve("gradient_v.npy")), "gradient changed by snapshots");
        Path folder = dir.resolve("snapped").resolve("snapshots");
        for (String movie : new String[] {"shot_0_wavefield", "shot_1_wavefield", "shot_0_wavefield_adjoint",
                "shot_1_wavefield_adjoint"}) {
            assertFalse(Files.exists(folder.resolve(movie + ".npy")), "the frames' array is gone once drawn");
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try (ImageInputStream in = ImageIO.createImageInputStream(folder.resolve(movie + ".gif").toFile())) {
                reader.setInput(in);
                assertEquals(NT / 5, reader.getNumImages(true), movie);
            } finally {
                reader.dispose();
            }
        }
    }

    @Test
    void badSettingsAreRefusedInOneLineBeforeAnything() throws IOException {
        PipelineService runtime = runtime();
        String receivers = "[[[5, 5]], [[6, 12]]]";
        Map<String, String> refusals = Map.of(
                "snapshots: {every: 0}", "snapshots.every: must be at least 1 (inner time steps between frames), got 0",
                "snapshots: {every: 5, format: mp4}", "snapshots.format: 'mp4' is not npy, png or gif",
                "snapshots: {every: 5, speed: 2}", "snapshots.speed: unknown key (known here: adjoint, every, fields, format, shots)",
                "snapshots: {every: 5, adjoint: true}", "snapshots.adjoint: task forward runs no adjoint (gradient does)",
                "snapshots: {every: 5, fields: [vx]}",
                "snapshots.fields: 'vx' is not a field of propagator scalar (it has wavefield)",
                "snapshots: {every: 5, shots: [2]}", "snapshots.shots: shot 2 is out of range (the survey has 2 shots, 0 .. 1)",
                "snapshots: {every: 41}", "snapshots.every: 41 is more than the run's 40 inner time steps: no frame would be taken");
        int i = 0;
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            String name = "bad" + i++;
            SeicheException e = assertThrows(SeicheException.class,
                    () -> runtime.run(runtime.read(pipeline(name, receivers, r.getKey() + "\n"))), r.getKey());
            assertEquals(r.getValue(), e.getMessage());
            assertFalse(Files.exists(dir.resolve(name)), "nothing written for " + r.getKey());
            try (Stream<Path> left = Files.list(dir)) {
                assertTrue(left.noneMatch(f -> f.getFileName().toString().contains("snapshots-partial")), "no leftover");
            }
        }
    }
}
