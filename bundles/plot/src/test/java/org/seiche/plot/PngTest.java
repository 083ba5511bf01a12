package org.seiche.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;

class PngTest {
    @TempDir
    Path dir;

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    /** The colour inside cell (i, j) of a panel showing rows x cols cells, off its centre (where slices are marked). */
    private static int cell(BufferedImage img, Rectangle p, int rows, int cols, int i, int j) {
        return rgb(img, p.x + (int) ((j + 0.3) * p.width / cols), p.y + (int) ((i + 0.3) * p.height / rows));
    }

    /** Pixels darker than mid-grey in a rectangle: text and tick marks. */
    private static int dark(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                int p = rgb(img, x, y);
                n += ((p >> 16 & 255) + (p >> 8 & 255) + (p & 255)) < 3 * 110 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void signedImageIsWhiteAtZeroAndRedAtItsMaximumWithAxesAroundIt() {
        NdArray a = NdArray.zeros(10, 20);
        a.data()[0] = 1;
        Png.Figure f = Png.picture(a, Axis.model(new double[] {5, 5}), null, Png.Colours.SIGNED, "gradient", "d loss / d v");
        BufferedImage img = f.image();
        Rectangle p = f.panels().get(0);
        assertEquals(0xFF0000, cell(img, p, 10, 20, 0, 0));
        assertEquals(0xFFFFFF, cell(img, p, 10, 20, 5, 5), "0 is white");
        assertEquals(480, p.width, "the longer side");
        assertEquals(240, p.height, "true to scale");
        assertTrue(img.getWidth() >= p.width + 150 && img.getHeight() >= p.height + 100, "margins for axes and bar");
        // text only: the tick marks end 5 pixels from the panel and bar (without a font the JDK draws no text, or fails)
        assertTrue(dark(img, 0, p.y, p.x - 7, p.y + p.height) > 50, "depth tick labels and name left of the panel");
        assertTrue(dark(img, p.x, p.y + p.height + 6, p.x + p.width, img.getHeight()) > 50, "x tick labels and name below");
        Rectangle bar = f.bars().get(0);
        assertTrue(dark(img, bar.x + bar.width + 6, bar.y, img.getWidth(), bar.y + bar.height) > 50,
                "the colour bar's values and quantity");
    }

    @Test
    void spacingSetsTheAspectAndTheTicks() {
        NdArray a = NdArray.zeros(100, 100);
        Png.Figure f = Png.picture(a, new Axis[] {Axis.metres("depth", 2), Axis.metres("x", 10)}, null,
                Png.Colours.MODEL, "v", "v (m/s)");
        assertEquals(96, f.panels().get(0).height, "200 m of depth beside 1000 m of x");
        assertArrayEquals(new double[] {0, 200, 400, 600, 800}, Png.ticks(Axis.metres("x", 10), 100, 480, 70), 1e-9);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8},
                Png.ticks(Axis.seconds(0.002), 1000, 720, 45), 1e-12);
        assertArrayEquals(new double[] {0, 1, 2}, Png.ticks(Axis.index("receiver"), 3, 480, 70), 0);
    }

    @Test
    void theSignedColourBarRunsFromBlueThroughWhiteToRed() {
        NdArray a = new NdArray(new int[] {2, 2}, new double[] {-1, 1, 0.5, -0.5});
        Png.Figure f = Png.picture(a, Axis.model(new double[] {1, 1}), null, Png.Colours.SIGNED, "t", "amplitude");
        Rectangle bar = f.bars().get(0);
        BufferedImage img = f.image();
        int x = bar.x + bar.width / 2;
        int previous = -1;
        for (int y = bar.y + bar.height - 1; y >= bar.y; y--) {
            int p = rgb(img, x, y);
            int red = p >> 16 & 255;
            int blue = p & 255;
            // going up: red rises then holds, blue holds then falls
            assertTrue(previous < 0 || red >= (previous >> 16 & 255) && blue <= (previous & 255), "at row " + y);
            previous = p;
        }
        assertEquals(0x0000FF, rgb(img, x, bar.y + bar.height - 1));
        assertEquals(0xFF0000, rgb(img, x, bar.y));
        int middle = rgb(img, x, bar.y + bar.height / 2);
        assertTrue((middle >> 8 & 255) > 245 && (middle & 255) > 245 && (middle >> 16) > 245, "white in the middle");
        assertEquals(0xFFFFFF, Png.colour(Png.Colours.SIGNED, 0.5));
    }

    @Test
    void theModelMapIsViridisFromDarkToBright() {
        assertEquals(0x440154, Png.colour(Png.Colours.MODEL, 0));
        assertEquals(0xFDE725, Png.colour(Png.Colours.MODEL, 1));
        double last = -1;
        for (int k = 0; k <= 100; k++) {
            int p = Png.colour(Png.Colours.MODEL, k / 100.0);
            double luminance = 0.2126 * (p >> 16 & 255) + 0.7152 * (p >> 8 & 255) + 0.0722 * (p & 255);
            assertTrue(luminance >= last - 1e-9, "brighter with the value at " + k);
            last = luminance;
        }
    }

    @Test
    void theClipUsedIsStated() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 5 ? 100 : (i % 2 == 0 ? 1 : -1) * 1e-3 * i / 999.0;
        }
        Png.Scale s = Png.scale(v, Png.Colours.SIGNED);
        assertEquals(-s.hi(), s.lo());
        assertTrue(s.hi() < 1e-3 && s.hi() > 9e-4, "the few large values are clipped: " + s.hi());
        assertTrue(s.note().startsWith("clip 99th percentile of |values|: ±9.9"), s.note());
        Png.Scale m = Png.scale(new double[] {1500, 2000, 3000}, Png.Colours.MODEL);
        assertEquals("colours span min 1500 to max 3000", m.note());
        assertEquals(1500, m.lo());
        assertEquals("all values are 0", Png.scale(new double[4], Png.Colours.SIGNED).note());
    }

    @Test
    void aCubeGivesThreeSlicesThroughItsCentre() {
        int nz = 6;
        int ny = 8;
        int nx = 10;
        NdArray a = NdArray.zeros(nz, ny, nx);
        a.data()[(3 * ny + 4) * nx + 5] = 1; // the centre
        a.data()[(0 * ny + 0) * nx + 0] = -1; // on none of the three slices
        Png.Figure f = Png.picture(a, Axis.model(new double[] {10, 10, 10}), null, Png.Colours.SIGNED, "v", "d loss / d v");
        assertEquals(3, f.panels().size());
        BufferedImage img = f.image();
        List<Rectangle> p = f.panels();
        assertEquals(0xFF0000, cell(img, p.get(0), nz, nx, 3, 5), "depth-x at y = 40 m");
        assertEquals(0xFF0000, cell(img, p.get(1), nz, ny, 3, 4), "depth-y at x = 50 m");
        assertEquals(0xFF0000, cell(img, p.get(2), ny, nx, 4, 5), "y-x at depth 30 m");
        assertEquals(0xFFFFFF, cell(img, p.get(0), nz, nx, 0, 0));
        int cutRow = p.get(0).y + (int) (3.5 * p.get(0).height / nz);
        assertTrue(dark(img, p.get(0).x, cutRow, p.get(0).x + p.get(0).width, cutRow + 1) > 20,
                "the depth of the plan view dashed across the section");
        int row1 = p.get(0).y + (int) (1.5 * p.get(0).height / nz);
        assertTrue(dark(img, p.get(0).x, row1, p.get(0).x + p.get(0).width, row1 + 1) <= 1, "only the x of the other cut");
        assertEquals(p.get(0).width, p.get(2).width, "x as long in both slices");
        assertEquals(p.get(0).height, p.get(1).height, "depth as long in both slices");
        assertEquals(p.get(1).width, p.get(2).height, "y as long in both slices");
    }

    @Test
    void theSlicePointCanBeSetAndIsChecked() {
        NdArray a = NdArray.zeros(4, 4, 4);
        a.data()[0] = 1;
        Png.Figure f = Png.picture(a, Axis.model(new double[] {1, 1, 1}), new int[] {0, 0, 0}, Png.Colours.SIGNED, "t", "q");
        for (Rectangle p : f.panels()) {
            assertEquals(0xFF0000, cell(f.image(), p, 4, 4, 0, 0));
        }
        assertThrows(IllegalArgumentException.class,
                () -> Png.picture(a, Axis.model(new double[] {1, 1, 1}), new int[] {0, 4, 0}, Png.Colours.SIGNED, "t", "q"));
    }

    @Test
    void gatherStretchesEachAxisOnItsOwn() throws IOException {
        Path f = dir.resolve("gather.png");
        Png.gather(f, NdArray.zeros(1000, 60), 0.002, "shot", "amplitude");
        BufferedImage img = ImageIO.read(f.toFile());
        Png.Figure fig = Png.gatherPicture(NdArray.zeros(1000, 60), 0.002, "shot", "amplitude");
        assertEquals(new Rectangle(fig.panels().get(0).x, fig.panels().get(0).y, 480, 720), fig.panels().get(0));
        assertEquals(fig.image().getWidth(), img.getWidth());
        assertEquals(fig.image().getHeight(), img.getHeight());
    }

    @Test
    void sideBySidePanelsHaveTheirOwnColourScales() throws IOException {
        NdArray small = NdArray.zeros(10, 20);
        small.data()[0] = 1e-9;
        NdArray large = NdArray.zeros(10, 20);
        large.data()[0] = -1e3;
        Path f = dir.resolve("two.png");
        Png.images(f, List.of(small, large), List.of("gradient", "update"), Axis.model(new double[] {1, 1}),
                Png.Colours.SIGNED, "iteration 1", List.of("d loss / d v", "v update (m/s)"));
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(0xFF0000, rgb(img, 72 + 2, 54 + 2), "the largest value of the first is red");
    }

    @Test
    void theLossCurveLabelsItsDecades() throws IOException {
        assertArrayEquals(new double[] {-3, -2, -1, 0}, Png.decades(Math.log10(8e-4), 0), 1e-12);
        assertArrayEquals(new double[] {-1, Math.log10(0.2), Math.log10(0.5), 0}, Png.decades(-1, 0), 1e-12,
                "1, 2 and 5 when a decade or two show");
        Path f = dir.resolve("loss.png");
        Png.curve(f, new double[] {1, 0.5, 0.01}, "loss", "loss");
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(640, img.getWidth());
        assertTrue(dark(img, 0, 54, 80, 360) > 100, "the loss axis's labels and name");
    }

    /** The plot's colour (matplotlib's first) in a column of pixels: where the line crosses it, or -1. */
    private static int lineAt(BufferedImage img, int x) {
        for (int y = 0; y < img.getHeight(); y++) {
            if (rgb(img, x, y) == 0x1F77B4) {
                return y;
            }
        }
        return -1;
    }

    @Test
    void aLineIsDrawnOverItsAxis() {
        // a ramp 0 .. 99 along x: the line climbs from the bottom left to the top right
        NdArray a = NdArray.zeros(100);
        for (int i = 0; i < 100; i++) {
            a.data()[i] = i;
        }
        BufferedImage img = Png.picture(a, Axis.model(new double[] {5}), null, Png.Colours.MODEL, "v", "v (m/s)").image();
        int left = lineAt(img, 100);
        int right = lineAt(img, 590);
        assertTrue(left > 0 && right > 0 && left > right + 200, "the line rises from " + left + " to " + right);
        assertTrue(dark(img, 90, img.getHeight() - 50, 610, img.getHeight()) > 50, "x ticks and their name below");
    }

    @Test
    void framesOfALineAndOfACubeKeepTheMoviesClip() {
        NdArray line = NdArray.zeros(50);
        line.data()[25] = 10;
        BufferedImage l = Png.framePicture(line, 1, "t");
        // the value 10 drawn at the clip 1: its peak at the plot's top edge, not above it
        int top = Integer.MAX_VALUE;
        for (int x = 90; x < 610; x++) {
            int y = lineAt(l, x);
            top = y >= 0 ? Math.min(top, y) : top;
        }
        assertTrue(top >= 54 - 3 && top <= 54 + 1, "clipped to the top of the plot (y 54, a dot 3 pixels round it): " + top);
        NdArray cube = NdArray.zeros(6, 8, 10);
        cube.data()[(3 * 8 + 4) * 10 + 5] = 10;
        BufferedImage c = Png.framePicture(cube, 1, "t");
        int red = 0;
        for (int y = 0; y < c.getHeight(); y++) {
            for (int x = 0; x < c.getWidth(); x++) {
                red += rgb(c, x, y) == 0xFF0000 ? 1 : 0;
            }
        }
        assertTrue(red > 3 * 20, "the centre cell, beyond the clip, in each of the three slices (" + red + " pixels)");
        assertThrows(IllegalArgumentException.class, () -> Png.framePicture(NdArray.zeros(2, 2, 2, 2), 1, "t"));
    }

    /** A data cube's axes are stretched each on its own: 0.4 s of time beside 80 m of receivers. */
    @Test
    void aCubeOfDataStretchesEachAxis() {
        NdArray a = NdArray.zeros(400, 8, 8);
        Axis[] axes = {Axis.seconds(0.001), Axis.metres("y", 10), Axis.metres("x", 10)};
        Png.Figure f = Png.cubePicture(a, axes, new int[] {200, 4, 4}, new int[] {360, 240, 200}, Png.Colours.SIGNED, "t", "q");
        assertEquals(new Rectangle(f.panels().get(0).x, f.panels().get(0).y, 200, 360), f.panels().get(0), "time down, x across");
        assertEquals(360, f.panels().get(1).height, "time down, y across");
        assertEquals(240, f.panels().get(1).width);
        assertEquals(240, f.panels().get(2).height, "y down, x across");
        assertEquals(200, f.panels().get(2).width);
    }
}
