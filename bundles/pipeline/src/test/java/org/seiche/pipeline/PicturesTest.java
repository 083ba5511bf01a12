package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;
import org.seiche.pipeline.file.PictureKeys;
import org.seiche.pipeline.file.PipelineFile;
import org.seiche.pipeline.file.Services;

/** pictures: {slice_at}, and which arrays get which picture. */
class PicturesTest {
    @TempDir
    Path dir;

    private PipelineSpec read(String yaml) throws IOException {
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, yaml);
        return PipelineFile.read(p, new Services(), w -> {
            throw new AssertionError("unexpected warning: " + w);
        });
    }

    private static String cube(String pictures) {
        return "task: model\nmodel:\n  spacing: 10.0\n  parameters:\n    v: {constant: 1500, shape: [4, 5, 6]}\n" + pictures;
    }

    @Test
    void theSlicePointIsReadAndChecked() throws IOException {
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) read(cube("pictures: {slice_at: [1, 2, 3]}\n")).options()
                .get(PictureKeys.SLICE_AT));
        assertNull(read(cube("")).options().get(PictureKeys.SLICE_AT), "the centre unless given");
        String outside = assertThrows(SeicheException.class, () -> read(cube("pictures: {slice_at: [1, 5, 3]}\n")))
                .getMessage();
        assertEquals("pictures.slice_at: cell [1, 5, 3] is outside the model [4, 5, 6] (indices from 0)", outside);
        assertTrue(assertThrows(SeicheException.class, () -> read(cube("pictures: {slice_at: [1, 2]}\n"))).getMessage()
                .contains("expected 3 cell indices [z, y, x], got 2"));
        String unknown = assertThrows(SeicheException.class, () -> read(cube("pictures: {slice: [1, 2, 3]}\n")))
                .getMessage();
        assertTrue(unknown.contains("pictures.slice: unknown key") && unknown.contains("(known here: slice_at)"), unknown);
        String flat = assertThrows(SeicheException.class, () -> read("task: model\nmodel:\n  spacing: 10.0\n  parameters:\n"
                + "    v: {constant: 1500, shape: [4, 5]}\npictures: {slice_at: [1, 2]}\n")).getMessage();
        assertTrue(flat.contains("slices are drawn of 3-D models only; this model is 2-D"), flat);
    }

    @Test
    void aCubeIsDrawnAsThreeSlicesAndOtherShapesAreLeftOut() throws IOException {
        PipelineSpec spec = read(cube("pictures: {slice_at: [0, 0, 0]}\n"));
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("model_v", spec.model().parameter("v"));
        arrays.put("gradient_v", NdArray.zeros(4, 5, 6));
        arrays.put("gradient_source_amplitudes", NdArray.zeros(1, 1, 7));
        var pictures = Pictures.of(arrays, spec);
        assertEquals(java.util.Set.of("model_v", "gradient_v"), pictures.keySet());
        Path f = dir.resolve("model_v.png");
        pictures.get("model_v").accept(f);
        BufferedImage img = ImageIO.read(f.toFile());
        assertTrue(img.getWidth() > 3 * 320, "three panels side by side: " + img.getWidth());
    }

    @Test
    void parametersAreLabelledWithTheirUnits() {
        assertEquals("v (m/s)", Pictures.quantity("v"));
        assertEquals("rho (kg/m³)", Pictures.quantity("rho"));
        assertEquals("epsilon", Pictures.quantity("epsilon"));
    }

    /** Receivers on an even y-x grid, in any order, become a cube [time, y, x]; others do not. */
    @Test
    void aReceiverGridOfA3dSurveyIsACube() {
        // 3 x 2 nodes: y 2, 4, 6 and x 5, 8, listed out of order, at depth 1; trace r holds 10 r + t
        int[] yx = {4, 8, 2, 5, 6, 5, 2, 8, 4, 5, 6, 8};
        int n = yx.length / 2;
        int nt = 4;
        int[] cells = new int[n * 3];
        double[] traces = new double[n * nt];
        for (int r = 0; r < n; r++) {
            cells[3 * r] = 1;
            cells[3 * r + 1] = yx[2 * r];
            cells[3 * r + 2] = yx[2 * r + 1];
            for (int t = 0; t < nt; t++) {
                traces[r * nt + t] = 10 * r + t;
            }
        }
        org.seiche.api.Locations grid = new org.seiche.api.Locations(1, n, 3, cells);
        Pictures.Cube cube = Pictures.Cube.of(new NdArray(new int[] {n, nt}, traces), grid, new double[] {5, 10, 20}, 0.002);
        assertArrayEquals(new int[] {nt, 3, 2}, cube.values().shape());
        // receiver 0 (y 4, x 8) is node (1, 1); receiver 5 (y 6, x 8) node (2, 1), the largest at t = 3
        assertEquals(2, cube.values().data()[2 * 6 + 1 * 2 + 1]);
        assertArrayEquals(new int[] {3, 2, 1}, cube.peak());
        assertEquals(20, cube.axes()[1].step(), 1e-12, "2 cells of 10 m between receiver rows");
        assertEquals(60, cube.axes()[2].step(), 1e-12, "3 cells of 20 m between receiver columns");
        cells[3 * 5 + 2] = 5;
        assertNull(Pictures.Cube.of(new NdArray(new int[] {n, nt}, traces), grid, new double[] {5, 10, 20}, 0.002),
                "a node twice, another missing: a gather instead");
    }
}
