package org.seiche.pipeline.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;

/** What a pipeline file can say beyond CONTRACT.md: extends, synthetic models, smoothing, regular surveys. */
class PipelineFileTest {
    @TempDir
    Path dir;

    private PipelineSpec read(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, yaml);
        return PipelineFile.read(p, new Services(), w -> { });
    }

    private NdArray model(String parameter) throws IOException {
        return read("model.yaml", "task: model\nmodel:\n  spacing: [10.0, 5.0]\n  parameters:\n    v: " + parameter + "\n")
                .model().parameter("v");
    }

    @Test
    void layersHoldTheirValueAndGradientBelowTheirTop() throws IOException {
        NdArray v = model("{synthetic: {shape: [6, 3], layers: [{top: 0, value: 1500}, "
                + "{top: 20, value: 2000, gradient: 2.0}]}}");
        double[] column = new double[6];
        for (int i = 0; i < 6; i++) {
            column[i] = v.data()[i * 3 + 1];
        }
        assertArrayEquals(new double[] {1500, 1500, 2000, 2020, 2040, 2060}, column);
    }

    @Test
    void aFaultDropsTheLayersBeyondItByItsThrow() throws IOException {
        // vertical fault at x = 12 m: columns 3 and beyond (x = 15, 20 m) are the hanging wall
        NdArray v = model("{synthetic: {shape: [5, 5], layers: [{top: 0, value: 1}, {top: 20, value: 2}], "
                + "fault: {x: 12, dip: 90, throw: 20}}}");
        for (int i = 0; i < 5; i++) {
            assertEquals(i >= 2 ? 2 : 1, v.data()[i * 5], "footwall row " + i);
            assertEquals(i >= 4 ? 2 : 1, v.data()[i * 5 + 4], "hanging wall row " + i);
        }
        // a 45 degree fault through x = 0: the plane is at x = depth
        NdArray dipping = model("{synthetic: {shape: [5, 5], layers: [{top: 0, value: 1}, {top: 10, value: 2}], "
                + "fault: {x: 0, dip: 45, throw: 10}}}");
        assertEquals(2, dipping.data()[4 * 5 + 4], "row 4 (40 m) col 4 (20 m) is on the footwall");
        assertEquals(1, dipping.data()[1 * 5 + 4], "row 1 (10 m) col 4 (20 m) is on the hanging wall, 10 m up");
    }

    @Test
    void aLensReplacesOrChangesTheCellsInsideIt() throws IOException {
        NdArray v = model("{synthetic: {shape: [5, 9], layers: [{top: 0, value: 1500}], "
                + "lens: [{centre: [20, 20], radii: [10, 10], value: 1000}, {centre: [20, 20], radii: [1, 1], add: -100}]}}");
        assertEquals(900, v.data()[2 * 9 + 4]);
        assertEquals(1000, v.data()[1 * 9 + 4]);
        assertEquals(1000, v.data()[2 * 9 + 6]);
        assertEquals(1500, v.data()[2 * 9 + 7]);
        assertEquals(1500, v.data()[0]);
        // a box of the same half-widths takes the corners an ellipsoid leaves out
        NdArray box = model("{synthetic: {shape: [5, 9], layers: [{top: 0, value: 1500}], "
                + "lens: {centre: [20, 20], radii: [10, 10], add: 1, box: true}}}");
        assertEquals(1501, box.data()[1 * 9 + 2], "(10 m, 10 m): a corner of the box");
        assertEquals(1500, v.data()[1 * 9 + 2], "which the ellipsoid leaves out");
        assertEquals(1501, box.data()[3 * 9 + 6], "(30 m, 30 m): the opposite corner");
        assertEquals(1500, box.data()[4 * 9 + 4], "(40 m, 20 m): outside");
    }

    @Test
    void smoothingKeepsConstantsAndSpreadsEdges() throws IOException {
        NdArray flat = model("{constant: 1800, shape: [8, 8], smooth: 20}");
        for (double x : flat.data()) {
            assertEquals(1800, x, 1e-9);
        }
        NdArray step = model("{synthetic: {shape: [20, 4], layers: [{top: 0, value: 0}, {top: 100, value: 1}]}, smooth: [20, 0]}");
        assertTrue(step.data()[9 * 4] > 0.1 && step.data()[9 * 4] < 0.5, "just above the step: " + step.data()[9 * 4]);
        assertEquals(step.data()[9 * 4], step.data()[9 * 4 + 3], 0, "no smoothing along x");
        assertEquals(1.0, step.data()[9 * 4] + step.data()[10 * 4], 1e-12, "symmetric about the step");
    }

    @Test
    void anArrayGivenTwiceIsRefused() throws IOException {
        // as an extending pipeline's {constant: ..} merged over its base's {file: ..} reads
        SeicheException e = assertThrows(SeicheException.class, () -> model("{file: v.npy, constant: 1, shape: [4, 4]}"));
        assertTrue(e.getMessage().startsWith("model.parameters.v: gives its values twice (file, constant): keep one"),
                e.getMessage());
    }

    @Test
    void badSyntheticFieldsAreNamed() throws IOException {
        SeicheException e = assertThrows(SeicheException.class,
                () -> model("{synthetic: {shape: [4, 4], layers: [{top: 5, value: 1}]}}"));
        assertEquals("model.parameters.v.synthetic.layers[0].top: must be 0: the first layer starts at the surface", e.getMessage());
        e = assertThrows(SeicheException.class, () -> model("{constant: 1, shape: [4, 4], smoth: 3}"));
        assertEquals("model.parameters.v.smoth: unknown key, did you mean smooth? (known here: constant, dataset, file, hdf5, "
                + "segy, shape, shots_by, smooth, synthetic)", e.getMessage());
        e = assertThrows(SeicheException.class,
                () -> model("{synthetic: {shape: [4, 4], layers: [{top: 0, value: 1}], lens: {centre: [1, 1], radii: [1, 1]}}}"));
        assertEquals("model.parameters.v.synthetic.lens: give value (replaces) or add (changes by), one of them", e.getMessage());
    }

    private static final String SURVEY = """
            propagator: {name: scalar}
            survey:
              dt: 0.001
              nt: 10
              sources:
                locations: {regular: {shots: 3, first: [1, 2], shot_step: [0, 4]}}
                wavelet: {type: ricker, freq: 25.0}
              receivers:
                locations: {regular: {shots: 3, per_shot: 4, first: [0, 1], step: [0, 3]}}
            """;

    @Test
    void regularLocationsStepOverShotsAndWithinThem() throws IOException {
        PipelineSpec spec = read("p.yaml", "model: {spacing: 5.0, parameters: {v: {constant: 1500, shape: [10, 20]}}}\n"
                + SURVEY);
        Locations src = spec.survey().sources().get(0).locations();
        assertArrayEquals(new int[] {1, 2, 1, 6, 1, 10}, src.cells());
        Locations rec = spec.survey().receivers().get(0).locations();
        assertEquals(3, rec.shots());
        assertEquals(4, rec.perShot());
        assertEquals(10, rec.coordinate(2, 3, 1));
        assertEquals(0, rec.coordinate(2, 3, 0));
    }

    /** A 3-D survey: shots on a 2 x 2 grid, each with a 3 x 4 carpet of receivers. */
    @Test
    void regularLocationsMayFormGrids() throws IOException {
        PipelineSpec spec = read("g.yaml", """
                model: {spacing: 5.0, parameters: {v: {constant: 1500, shape: [6, 20, 20]}}}
                propagator: {name: scalar}
                survey:
                  dt: 0.001
                  nt: 10
                  sources:
                    locations: {regular: {shots: [2, 2], first: [1, 4, 4], shot_step: [[0, 10, 0], [0, 0, 10]]}}
                    wavelet: {type: ricker, freq: 25.0}
                  receivers:
                    locations: {regular: {shots: 4, per_shot: [3, 4], first: [2, 1, 2], step: [[0, 6, 0], [0, 0, 5]]}}
                """);
        Locations src = spec.survey().sources().get(0).locations();
        assertArrayEquals(new int[] {1, 4, 4, 1, 4, 14, 1, 14, 4, 1, 14, 14}, src.cells(), "the last grid index fastest");
        Locations rec = spec.survey().receivers().get(0).locations();
        assertEquals(12, rec.perShot());
        assertEquals(7, rec.coordinate(3, 5, 1), "receiver 5 = (1, 1): y 1 + 6");
        assertEquals(7, rec.coordinate(3, 5, 2), "x 2 + 5");
        assertEquals(13, rec.coordinate(0, 11, 1));
        assertEquals(17, rec.coordinate(0, 11, 2));
        SeicheException e = assertThrows(SeicheException.class, () -> read("h.yaml", """
                model: {spacing: 5.0, parameters: {v: {constant: 1500, shape: [6, 20, 20]}}}
                propagator: {name: scalar}
                survey:
                  dt: 0.001
                  nt: 10
                  sources:
                    locations: {regular: {shots: [2, 2], first: [1, 4, 4], shot_step: [[0, 10, 0]]}}
                    wavelet: {type: ricker, freq: 25.0}
                  receivers:
                    locations: {regular: {shots: 4, first: [2, 1, 2]}}
                """));
        assertEquals("survey.sources.locations.regular.shot_step: give 2 steps (one per count of shots), got 1",
                e.getMessage());
    }

    @Test
    void anExtendingFileOverridesTheFieldsItGivesAndKeepsTheRest() throws IOException {
        NdArray v = NdArray.filled(1500, 10, 20);
        Files.createDirectories(dir.resolve("common"));
        org.seiche.io.Npy.write(dir.resolve("common/v.npy"), v, org.seiche.api.Precision.FLOAT64);
        read("common/base.yaml", "task: forward\nmodel: {spacing: 5.0, parameters: {v: {file: v.npy}}}\n"
                + "output: base_out\n" + SURVEY);
        PipelineSpec spec = read("child.yaml", "extends: common/base.yaml\ntask: gradient\n"
                + "survey: {nt: 12}\nobserved: {constant: 0, shape: [3, 4, 12]}\n");
        assertEquals(org.seiche.api.Task.GRADIENT, spec.task());
        assertEquals(12, spec.survey().nt(), "the child's nt");
        assertEquals(0.001, spec.survey().dt(), "the base's dt, merged into the same mapping");
        assertEquals(1500, spec.model().parameter("v").data()[0], "the base's file, relative to the base");
        assertEquals(dir.resolve("common/base_out").normalize(), spec.output(), "the base's output, relative to the base");
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\n");
        SeicheException e = assertThrows(SeicheException.class, () -> PipelineFile.read(dir.resolve("a.yaml"), new Services(), w -> { }));
        assertTrue(e.getMessage().contains("which extends it again"), e.getMessage());
        Files.writeString(dir.resolve("orphan.yaml"), "extends: nowhere.yaml\n");
        e = assertThrows(SeicheException.class, () -> PipelineFile.read(dir.resolve("orphan.yaml"), new Services(), w -> { }));
        assertEquals(dir.resolve("nowhere.yaml").toAbsolutePath().normalize() + ": no such pipeline file", e.getMessage());
    }

    @Test
    void aTrueModelOfAnotherShapeIsRefused() throws IOException {
        SeicheException e = assertThrows(SeicheException.class, () -> read("t.yaml",
                "task: invert\nmodel: {spacing: 5.0, parameters: {v: {constant: 1500, shape: [10, 20]}}}\n" + SURVEY
                        + "inversion: {parameters: [v], true_model: {v: {constant: 1500, shape: [10, 21]}}}\n"));
        assertEquals("inversion.true_model.v: shape [10, 21] differs from the model's [10, 20]", e.getMessage());
    }
}
