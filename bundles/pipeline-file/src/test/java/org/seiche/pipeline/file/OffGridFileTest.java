package org.seiche.pipeline.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.io.Npy;

/** The pipeline file's keys for points off the grid: units, interpolation and its method, halfwidth and beta. */
class OffGridFileTest {
    @TempDir
    Path dir;

    private PipelineSpec read(double[] source, String units, String interpolation) throws IOException {
        Npy.write(dir.resolve("src.npy"), new NdArray(new int[] {1, 1, 2}, source), Precision.FLOAT32);
        Files.writeString(dir.resolve("p.yaml"), """
                model: {spacing: 5.0, parameters: {v: {constant: 2000, shape: [40, 50]}}}
                propagator: scalar
                survey:
                  dt: 0.001
                  nt: 10
                  sources:
                    locations: {file: src.npy%s}
                    wavelet: {freq: 20}
                    %s
                  receivers:
                    locations: [[[2, 3]]]
                """.formatted(units, interpolation));
        return PipelineFile.read(dir.resolve("p.yaml"), new Services(), w -> { });
    }

    private static OffGrid source(PipelineSpec spec) {
        return ((OffGridTransducers) spec.options().get(OffGridTransducers.OPTION)).sources().get(0);
    }

    @Test
    void metresAreFromTheFirstCellsCentreDividedByTheSpacing() throws IOException {
        PipelineSpec metres = read(new double[] {63, 103}, ", units: metres", "");
        PipelineSpec cells = read(new double[] {12.6, 20.6}, ", units: cells", "interpolation: {method: hicks}");
        assertArrayEquals(source(cells).weights(0, 0), source(metres).weights(0, 0), 1e-6);
        assertArrayEquals(source(cells).cells.cells(), source(metres).cells.cells());
        assertEquals(64, source(metres).cells.perShot());
        // the survey keeps the nearest cell; the receivers, whole cells, stay on the grid
        assertArrayEquals(new int[] {13, 21}, metres.survey().sources().get(0).locations().cells());
        assertNull(((OffGridTransducers) metres.options().get(OffGridTransducers.OPTION)).receivers().get(0));
    }

    @Test
    void halfwidthAndBetaSetTheWindow() throws IOException {
        OffGrid narrow = source(read(new double[] {12.6, 20.6}, "", "interpolation: {halfwidth: 2}"));
        assertEquals(16, narrow.cells.perShot());
        double[] defaultBeta = narrow.weights(0, 0);
        double[] beta0 = source(read(new double[] {12.6, 20.6}, "", "interpolation: {halfwidth: 2, beta: 0}")).weights(0, 0);
        // Deepwave's beta for halfwidth 2 is 1.84; beta 0: the bare sinc; the weight of cell (13, 21), entry 2 * 4 + 2, about 0.4 from the point
        // on both axes (the file holds float32 coordinates)
        double x0 = 13 - (double) (float) 12.6;
        double x1 = 21 - (double) (float) 20.6;
        assertEquals(Hicks.sinc(x0) * Hicks.sinc(x1), beta0[10], 1e-14);
        assertEquals(Hicks.sinc(x0) * kaiser(x0, 2, 1.84) * Hicks.sinc(x1) * kaiser(x1, 2, 1.84), defaultBeta[10], 1e-14);
    }

    private static double kaiser(double x, int halfwidth, double beta) {
        return Hicks.besselI0(beta * Math.sqrt(1 - x * x / (halfwidth * halfwidth))) / Hicks.besselI0(beta);
    }

    @Test
    void wholeFloatLocationsStayOnTheGrid() throws IOException {
        assertNull(read(new double[] {12, 20}, ", units: cells", "interpolation: {method: hicks}").options()
                .get(OffGridTransducers.OPTION));
    }

    @Test
    void badKeysAreRefusedNamingTheField() {
        assertEquals("survey.sources.locations.units: 'feet' is not cells or metres",
                assertThrows(SeicheException.class, () -> read(new double[] {1, 2}, ", units: feet", "")).getMessage());
        assertEquals("survey.sources.interpolation.method: 'lanczos' is not a known interpolation (known: hicks)",
                assertThrows(SeicheException.class, () -> read(new double[] {12.5, 20}, "",
                        "interpolation: {method: lanczos}")).getMessage());
        assertEquals("survey.sources.interpolation.halfwidth: must be 1 to 10, got 11",
                assertThrows(SeicheException.class, () -> read(new double[] {12.5, 20}, "",
                        "interpolation: {halfwidth: 11}")).getMessage());
        assertEquals("survey.sources.interpolation.beta: must be a finite number >= 0, got -1.0",
                assertThrows(SeicheException.class, () -> read(new double[] {12.5, 20}, "",
                        "interpolation: {beta: -1}")).getMessage());
        assertThrows(SeicheException.class, () -> read(new double[] {12.5, 20}, "", "interpolation: {width: 3}"));
        assertEquals("survey.sources.locations: shot 0 point 0 at 41.0 on axis 0 is outside the model [0, 39]",
                assertThrows(SeicheException.class, () -> read(new double[] {205, 100.5}, ", units: metres", ""))
                        .getMessage());
    }
}
