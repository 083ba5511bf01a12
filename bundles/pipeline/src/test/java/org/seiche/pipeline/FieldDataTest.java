package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Pipeline;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.hdf5.Hdf5;
import org.seiche.io.Npy;
import org.seiche.segy.Geometry;
import org.seiche.segy.SegyReader;
import org.seiche.segy.SegyWriter;
import org.seiche.pipeline.file.OutputKeys;
import org.seiche.pipeline.file.PipelineFile;
import org.seiche.pipeline.file.SegyOffGridTest;
import org.seiche.pipeline.file.Services;

/** survey.from_segy, {segy: ..} and {hdf5: ..} arrays, and output formats npy, segy and hdf5. */
class FieldDataTest {
    @TempDir
    Path dir;
    final List<String> warnings = new ArrayList<>();

    /**
     * 2 shots: sources at x 108 and 116 m, depth 8 m; receivers at depth 12 m, x from 100 m
     * every 4 m, the second shot's last one at x 500 m. With origin [0, 100] and spacing 4
     * these are cells (2, 2), (2, 4) and (3, 0..2); x 500 m lies outside a 10-cell-wide model.
     */
    private Path segy(double lastX) {
        double[] source = {8, 0, 108, 8, 0, 116};
        double[] receiver = new double[2 * 3 * 3];
        for (int s = 0; s < 2; s++) {
            for (int r = 0; r < 3; r++) {
                receiver[3 * (s * 3 + r)] = 12;
                receiver[3 * (s * 3 + r) + 2] = s == 1 && r == 2 ? lastX : 100 + 4 * r;
            }
        }
        double[] d = new double[2 * 3 * 8];
        for (int i = 0; i < d.length; i++) {
            d[i] = i * 0.5;
        }
        Path f = dir.resolve("data.sgy");
        SegyWriter.write(f, new NdArray(new int[] {2, 3, 8}, d), 0.004, new Geometry(new int[] {7, 9}, source, 3, receiver, null));
        return f;
    }

    private PipelineSpec read(String yaml) throws IOException {
        Path p = dir.resolve("pipeline.yaml");
        Files.writeString(p, yaml);
        return PipelineFile.read(p, new Services(), warnings::add);
    }

    private static String pipeline(String survey) {
        return """
                task: forward
                model: {spacing: 4.0, parameters: {v: {constant: 1.5, shape: [6, 10]}}}
                propagator: linear
                survey:
                """ + survey + """
                  sources: {wavelet: {type: ricker, freq: 10.0}}
                observed: {segy: data.sgy}
                """;
    }

    @Test
    void fromSegyMapsHeadersToCellsAndTakesDtAndNtFromTheFile() throws IOException {
        segy(108);
        for (String by : List.of("field_record", "source_xy")) {
            PipelineSpec spec = read(pipeline("  from_segy: data.sgy\n  shots_by: " + by + "\n  origin: [0, 100]\n"));
            assertEquals(0.004, spec.survey().dt());
            assertEquals(8, spec.survey().nt());
            Locations src = spec.survey().sources().get(0).locations();
            assertArrayEquals(new int[] {2, 2, 2, 4}, src.cells());
            Locations rec = spec.survey().receivers().get(0).locations();
            assertArrayEquals(new int[] {3, 0, 3, 1, 3, 2, 3, 0, 3, 1, 3, 2}, rec.cells());
            assertArrayEquals(new int[] {2, 3, 8}, spec.observed().get(0).shape());
            assertEquals(23.5, spec.observed().get(0).data()[47]);
        }
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void receiversOutsideTheModelAreReportedOnceAndLeftUnused() throws IOException {
        segy(500);
        PipelineSpec spec = read(pipeline("  from_segy: data.sgy\n  origin: [0, 100]\n"));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("1 receiver traces lie outside the model [6, 10]")
                && warnings.get(0).contains("first: trace 6 at depth 12 m, x 500 m"), warnings.get(0));
        assertTrue(spec.survey().receivers().get(0).locations().unused(1, 2));
        NdArray observed = spec.observed().get(0);
        for (int i = 0; i < 8; i++) {
            assertEquals(0.0, observed.data()[5 * 8 + i], "the unused receiver's observed trace is not compared");
            assertEquals((4 * 8 + i) * 0.5, observed.data()[4 * 8 + i], "the others are kept");
        }
    }

    @Test
    void refusesSourcesOutsideAndAConflictingDt() throws IOException {
        segy(108);
        SeicheException outside = assertThrows(SeicheException.class, () -> read(pipeline("  from_segy: data.sgy\n  origin: [0, 112]\n")));
        assertTrue(outside.getMessage().contains("survey.from_segy: trace 1 (field record 7): source at depth 8 m, x 108 m lies outside"),
                outside.getMessage());
        SeicheException dt = assertThrows(SeicheException.class, () -> read(pipeline("  from_segy: data.sgy\n  origin: [0, 100]\n  dt: 0.002\n")));
        assertTrue(dt.getMessage().startsWith("survey.dt: 0.002 differs from survey.from_segy's 0.004"), dt.getMessage());
        SeicheException interval = assertThrows(SeicheException.class, () -> read(pipeline("  dt: 0.002\n  nt: 8\n"
                + "  sources: {locations: [[[0, 0]], [[0, 1]]], wavelet: {type: ricker, freq: 10.0}}\n"
                + "  receivers: {locations: [[[1, 0], [1, 1], [1, 2]], [[1, 0], [1, 1], [1, 2]]]}\n").replace(
                "  sources: {wavelet: {type: ricker, freq: 10.0}}\n", "")));
        assertTrue(interval.getMessage().startsWith("observed.segy: sample interval 0.004 s differs from survey.dt 0.002 s"),
                interval.getMessage());
        SeicheException loc = assertThrows(SeicheException.class, () -> read(pipeline("  from_segy: data.sgy\n  origin: [0, 100]\n"
                + "  receivers: {locations: [[[0, 0]]]}\n")));
        assertTrue(loc.getMessage().startsWith("survey.receivers.locations: comes from survey.from_segy"), loc.getMessage());
    }

    /**
     * Positions between cells in the headers (cm and dm, with their scalars): the data are those
     * of the same points given as a metres array, to the bit (SegyOffGridTest: their Hicks
     * weights); written as SEG-Y, the points come back where they were.
     */
    @Test
    void offGridHeadersGiveTheDataOfTheSameMetresArray() throws IOException {
        SegyOffGridTest.writeSurvey(dir);
        PipelineService runtime = scalarRuntime();
        PipelineSpec segy = runtime.read(write(SegyOffGridTest.HEAD + "  from_segy: off.sgy\n  sources:\n"
                + SegyOffGridTest.WAVELET + "output: {directory: sg, format: segy}\n"));
        PipelineSpec metres = runtime.read(write(SegyOffGridTest.HEAD + "  dt: 0.0005\n  nt: 120\n  sources:\n"
                + "    locations: {file: src_m.npy, units: metres}\n" + SegyOffGridTest.WAVELET
                + "  receivers: {locations: {file: rec_m.npy, units: metres}}\n"));
        Pipeline.Result fromSegy = runtime.run(segy);
        NdArray data = fromSegy.arrays().get("receiver_data");
        assertArrayEquals(runtime.run(metres.toBuilder().output(null).build()).arrays().get("receiver_data").data(), data.data(),
                "the same points as a metres array");
        assertTrue(java.util.Arrays.stream(data.data()).anyMatch(d -> Math.abs(d) > 0));
        try (SegyReader in = SegyReader.open(dir.resolve("sg/receiver_data.sgy"))) {
            Geometry g = Geometry.read(in, Geometry.ShotsBy.FIELD_RECORD);
            assertArrayEquals(new double[] {40, 0, 62.6}, g.source(1), 1e-9, "written where it was, not at its nearest cell");
            assertArrayEquals(new double[] {21.3, 0, 45.45}, g.receiver(1, 1), 1e-9);
        }
    }

    private static PipelineService scalarRuntime() {
        PipelineService p = new PipelineService();
        p.addPropagator(new org.seiche.scalar.internal.ScalarPropagator(new org.seiche.scalar.cpu.CpuScalarKernel()), Map.of());
        p.addDevice(new org.seiche.device.cpu.CpuDevice(2), Map.of());
        p.addLoss(new org.seiche.losses.MeanSquaredError(), Map.of());
        return p;
    }

    @Test
    void hdf5DatasetsAreArraysLikeNpyFiles() throws IOException {
        Hdf5.write(dir.resolve("m.h5"), Map.of("v", NdArray.filled(2.5, 6, 10)), Precision.FLOAT64, Map.of());
        PipelineSpec spec = read("task: model\nmodel: {spacing: 4.0, parameters: {v: {hdf5: m.h5, dataset: /v}}}\n");
        assertArrayEquals(NdArray.filled(2.5, 6, 10).data(), spec.model().parameter("v").data());
        SeicheException e = assertThrows(SeicheException.class,
                () -> read("task: model\nmodel: {spacing: 4.0, parameters: {v: {hdf5: m.h5, shots_by: source_xy}}}\n"));
        assertTrue(e.getMessage().startsWith("model.parameters.v.shots_by: belongs to segy:"), e.getMessage());
    }

    @Test
    void outputFormatsSegyAndHdf5WriteWhatReadsBack() throws IOException {
        segy(108);
        Pipeline runtime = PipelineTestSupport.runtime();
        String survey = "  from_segy: data.sgy\n  origin: [0, 100]\n";
        Pipeline.Result r = runtime.run(runtime.read(write(pipeline(survey) + "output: {directory: sg, format: segy}\n")));
        NdArray modelled = r.arrays().get("receiver_data");
        try (SegyReader in = SegyReader.open(dir.resolve("sg/receiver_data.sgy"))) {
            Geometry g = Geometry.read(in, Geometry.ShotsBy.FIELD_RECORD);
            assertEquals(9, g.fieldRecord(1), "field records of the file read are kept");
            assertArrayEquals(new double[] {8, 0, 116}, g.source(1));
            assertArrayEquals(new double[] {12, 0, 104}, g.receiver(1, 1));
            NdArray back = g.gathers(in);
            for (int i = 0; i < back.size(); i++) {
                assertEquals((float) modelled.data()[i], back.data()[i], "sample " + i);
            }
        }
        assertTrue(Files.exists(dir.resolve("sg/summary.json")));
        // the file written reads back as the survey it was modelled with
        PipelineSpec again = read(pipeline("  from_segy: sg/receiver_data.sgy\n  origin: [0, 100]\n"));
        assertArrayEquals(runtime.read(dir.resolve("pipeline.yaml")).survey().receivers().get(0).locations().cells(),
                again.survey().receivers().get(0).locations().cells());

        runtime.run(runtime.read(write(pipeline(survey) + "output: {directory: h5, format: hdf5}\n")));
        assertArrayEquals(modelled.shape(), Hdf5.read(dir.resolve("h5/results.h5"), "/receiver_data").shape());
        assertFalse(Files.exists(dir.resolve("h5/receiver_data.npy")));

        runtime.run(runtime.read(write(pipeline(survey) + "output: plain\n")));
        assertArrayEquals(modelled.shape(), Npy.read(dir.resolve("plain/receiver_data.npy")).shape());
        SeicheException dt = assertThrows(SeicheException.class, () -> read(pipeline("  dt: 0.0000005\n  nt: 8\n"
                + "  receivers: {locations: [[[1, 0]], [[1, 1]]]}\n").replace("observed: {segy: data.sgy}\n", "")
                .replace("  sources: {", "  sources: {locations: [[[0, 0]], [[0, 1]]], ") + "output: {format: segy}\n"));
        assertTrue(dt.getMessage().startsWith("output.format: survey.dt: sample interval 5.0E-7 s is not a whole number of"
                + " microseconds"), dt.getMessage());
        SeicheException e = assertThrows(SeicheException.class, () -> read(pipeline(survey) + "output: {format: csv}\n"));
        assertTrue(e.getMessage().startsWith("output.format: 'csv' is not npy, segy or hdf5"), e.getMessage());
    }

    @Test
    void extendedFilesKeepTheirFieldDataPathsAndOutputDirectory() throws IOException {
        segy(108);
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.move(dir.resolve("data.sgy"), base.resolve("data.sgy"));
        Files.writeString(base.resolve("base.yaml"), pipeline("  from_segy: data.sgy\n  origin: [0, 100]\n")
                + "output: {directory: out, format: segy}\n");
        PipelineSpec spec = read("extends: base/base.yaml\n");
        assertEquals(dir.resolve("base/out"), spec.output());
        assertEquals("segy", spec.options().get(OutputKeys.OPTION));
        assertArrayEquals(new int[] {2, 3, 8}, spec.observed().get(0).shape());
    }

    private Path write(String yaml) throws IOException {
        Path p = dir.resolve("pipeline.yaml");
        Files.writeString(p, yaml);
        return p;
    }
}
