package org.seiche.pipeline.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.io.Npy;
import org.seiche.segy.Geometry;
import org.seiche.segy.SegyReader;
import org.seiche.segy.SegyWriter;

/**
 * survey.from_segy with positions between cells in the headers (cm and dm, with their
 * scalars): the points go off the grid with their Hicks weights, the group's interpolation
 * applying, and the survey keeps their nearest cells.
 */
public class SegyOffGridTest {
    /** A forward scalar pipeline on a 20 x 30 model at 4 m, up to its survey block. */
    public static final String HEAD = """
            task: forward
            precision: float64
            device: cpu
            model: {spacing: 4.0, parameters: {v: {constant: 1500.0, shape: [20, 30]}}}
            propagator: {name: scalar, accuracy: 4, pml_width: 10}
            survey:
            """;
    public static final String WAVELET = "    wavelet: {type: ricker, freq: 40.0}\n";

    @TempDir
    Path dir;

    /**
     * off.sgy: 2 shots, sources at depth 40 m and x 58 m, 62.6 m (cells 10 and 14.5, 15.65),
     * receivers at depth 21.3 m, x 33 m + 12.4 m r (+ 5 cm in shot 1); and the same positions
     * as metres arrays src_m.npy and rec_m.npy, as the headers give them.
     */
    public static void writeSurvey(Path dir) throws IOException {
        // depth 40 m (cell 10) and x 58 m, 62.6 m (cells 14.5, 15.65); receivers at depth 21.3 m, x 33 m + 12.4 m r
        double[] source = {40, 0, 58, 40, 0, 62.6};
        double[] receiver = new double[2 * 3 * 3];
        for (int s = 0; s < 2; s++) {
            for (int r = 0; r < 3; r++) {
                receiver[3 * (s * 3 + r)] = 21.3;
                receiver[3 * (s * 3 + r) + 2] = 33 + 12.4 * r + 0.05 * s;
            }
        }
        SegyWriter.write(dir.resolve("off.sgy"), NdArray.zeros(2, 3, 120), 0.0005,
                new Geometry(new int[] {1, 2}, source, 3, receiver, null));
        // the metres array holds the positions the headers give (45.45 m is 4545 cm, not 33 + 12.4 + 0.05)
        double[] src = new double[4];
        double[] rec = new double[12];
        try (SegyReader in = SegyReader.open(dir.resolve("off.sgy"))) {
            Geometry g = Geometry.read(in, Geometry.ShotsBy.FIELD_RECORD);
            for (int s = 0; s < 2; s++) {
                src[2 * s] = g.source(s)[0];
                src[2 * s + 1] = g.source(s)[2];
                for (int r = 0; r < 3; r++) {
                    rec[2 * (3 * s + r)] = g.receiver(s, r)[0];
                    rec[2 * (3 * s + r) + 1] = g.receiver(s, r)[2];
                }
            }
        }
        assertEquals(45.45, rec[9], "positions as the headers give them");
        Npy.write(dir.resolve("src_m.npy"), new NdArray(new int[] {2, 1, 2}, src), Precision.FLOAT64);
        Npy.write(dir.resolve("rec_m.npy"), new NdArray(new int[] {2, 3, 2}, rec), Precision.FLOAT64);
    }

    private static PipelineSpec read(Path dir, String yaml) throws IOException {
        Path p = dir.resolve("pipeline.yaml");
        Files.writeString(p, yaml);
        return PipelineFile.read(p, new Services(), w -> { });
    }

    @Test
    void offGridHeadersGoThroughHicks() throws IOException {
        writeSurvey(dir);
        PipelineSpec segy = read(dir, HEAD + "  from_segy: off.sgy\n  sources:\n" + WAVELET);
        OffGridTransducers off = (OffGridTransducers) segy.options().get(OffGridTransducers.OPTION);
        OffGrid receivers = off.receivers().get(0);
        // receiver 1 of shot 0 at cells (5.325, 11.35): the product of each axis' Hicks weights
        Hicks.Axis z = Hicks.axis(21.3 / 4, 4, Hicks.defaultBeta(4), 20, false, false);
        Hicks.Axis x = Hicks.axis(45.4 / 4, 4, Hicks.defaultBeta(4), 30, false, false);
        double[] expected = new double[z.weights().length * x.weights().length];
        for (int i = 0; i < z.weights().length; i++) {
            for (int j = 0; j < x.weights().length; j++) {
                expected[i * x.weights().length + j] = z.weights()[i] * x.weights()[j];
            }
        }
        assertArrayEquals(expected, receivers.weights(0, 1), "Hicks weights of the receiver at 21.3 m, 45.4 m");
        assertEquals(64, expected.length, "spread over 8 x 8 cells");
        assertArrayEquals(new int[] {5, 8, 5, 11, 5, 14, 5, 8, 5, 11, 5, 14},
                segy.survey().receivers().get(0).locations().cells(), "the survey keeps the nearest cells");
        assertTrue(off.sources().get(0) != null, "the sources between cells go off the grid too");
        PipelineSpec narrow = read(dir, HEAD + "  from_segy: off.sgy\n  sources:\n" + WAVELET
                + "  receivers: {interpolation: {halfwidth: 2}}\n");
        assertEquals(16, ((OffGridTransducers) narrow.options().get(OffGridTransducers.OPTION)).receivers().get(0).weights(0, 1).length,
                "the receivers group's interpolation applies");
    }
}
