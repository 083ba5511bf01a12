package org.seiche.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void signedImageIsWhiteAtZeroAndRedAtItsMaximum() throws IOException {
        NdArray a = NdArray.zeros(10, 20);
        a.data()[0] = 1;
        Path f = dir.resolve("g.png");
        Png.image(f, a, Png.Colours.SIGNED, "gradient");
        BufferedImage img = ImageIO.read(f.toFile());
        int scale = 480 / 20;
        assertEquals(0xFFFFFF, img.getRGB(40 + 5 * scale, 40 + 5 * scale) & 0xFFFFFF);
        assertEquals(0xFF0000, img.getRGB(40, 40) & 0xFFFFFF);
    }

    @Test
    void panelsSideBySideHaveTheirOwnColourScales() throws IOException {
        NdArray small = NdArray.zeros(10, 20);
        small.data()[0] = 1e-9;
        NdArray large = NdArray.zeros(10, 20);
        large.data()[0] = -1e3;
        Path f = dir.resolve("two.png");
        Png.images(f, List.of(small, large), List.of("gradient", "update"), Png.Colours.SIGNED, "iteration 1");
        BufferedImage img = ImageIO.read(f.toFile());
        int scale = 480 / 20;
        int panel = 20 * scale + 16 + 90;
        int top = 40 + 16;
        assertEquals(0xFF0000, img.getRGB(40, top) & 0xFFFFFF, "the largest value of the first is red");
        assertEquals(0x0000FF, img.getRGB(40 + panel, top) & 0xFFFFFF, "the most negative of the second is blue");
        assertEquals(0xFFFFFF, img.getRGB(40 + panel + 5 * scale, top + 5 * scale) & 0xFFFFFF);
        assertEquals(2 * panel + 40, img.getWidth());
    }

    @Test
    void gatherStretchesEachAxisOnItsOwn() throws IOException {
        Path f = dir.resolve("gather.png");
        Png.gather(f, NdArray.zeros(600, 60), "shot");
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(60 * 8 + 16 + 90 + 40, img.getWidth());
        assertEquals(600 + 80, img.getHeight());
    }

    @Test
    void curveIsWritten() throws IOException {
        Path f = dir.resolve("loss.png");
        Png.curve(f, new double[] {1, 0.5, 0.01}, "loss", "loss");
        assertEquals(640, ImageIO.read(f.toFile()).getWidth());
    }
}
