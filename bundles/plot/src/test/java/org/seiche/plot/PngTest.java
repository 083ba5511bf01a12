package org.seiche.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

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
    void curveIsWritten() throws IOException {
        Path f = dir.resolve("loss.png");
        Png.curve(f, new double[] {1, 0.5, 0.01}, "loss", "loss");
        assertEquals(640, ImageIO.read(f.toFile()).getWidth());
    }
}
