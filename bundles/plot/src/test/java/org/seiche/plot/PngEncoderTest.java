package org.seiche.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class PngEncoderTest {
    @Test
    void aDecoderReadsBackEveryPixel() throws IOException {
        int w = 37;
        int h = 23;
        int[] pixels = new int[w * h];
        Random r = new Random(5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // random rows, and rows repeating the one above (filtered Up)
                pixels[y * w + x] = y % 3 == 2 ? pixels[(y - 1) * w + x] : r.nextInt(1 << 24);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.write(out, pixels, w, h);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(pixels[y * w + x], img.getRGB(x, y) & 0xFFFFFF, "pixel " + x + ", " + y);
            }
        }
    }
}
