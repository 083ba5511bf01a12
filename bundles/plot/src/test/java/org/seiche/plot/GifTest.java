package org.seiche.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;

/** A movie of frames reads back through ImageIO with every frame, its delay and the loop extension. */
class GifTest {
    @TempDir
    Path dir;

    @Test
    void everyFrameIsInTheGifWhichLoops() throws IOException {
        Path file = dir.resolve("movie.gif");
        List<Integer> made = new ArrayList<>();
        Gif.movie(file, 4, k -> {
            made.add(k);
            return pulse(k);
        }, k -> "frame " + k, 1.0, 12);
        assertEquals(List.of(0, 1, 2, 3), made, "frames are made one at a time, in order");
        assertFalse(Files.exists(dir.resolve("movie.gif.part")));
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            assertEquals(4, reader.getNumImages(true));
            BufferedImage first = reader.read(0);
            BufferedImage last = reader.read(3);
            assertEquals(first.getWidth(), last.getWidth());
            // the pulse moved: the frames differ somewhere in the picture
            boolean differ = false;
            for (int y = 0; y < first.getHeight() && !differ; y++) {
                for (int x = 0; x < first.getWidth() && !differ; x++) {
                    differ = first.getRGB(x, y) != last.getRGB(x, y);
                }
            }
            assertTrue(differ);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
            assertEquals("12", control.getAttribute("delayTime"));
            IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            byte[] loop = (byte[]) app.getUserObject();
            assertEquals(1, loop[0]);
            assertEquals(0, loop[1] | loop[2], "loops forever");
        } finally {
            reader.dispose();
        }
    }

    @Test
    void aFrameIsAPngWithTheClipsColours() throws IOException {
        Path file = dir.resolve("frame.png");
        Png.frame(file, pulse(1), 1.0, "wavefield");
        BufferedImage img = ImageIO.read(file.toFile());
        assertTrue(img.getWidth() > 30 * 16, "a cell is many pixels wide: " + img.getWidth());
        // the pulse (at the clip) is drawn in the map's red end, its side lobe (half the clip) in
        // blue: counted against a frame of zeros, whose colour bar has the same red and blue
        int[] pulse = redAndBlue(img);
        int[] zeros = redAndBlue(Png.framePicture(NdArray.zeros(20, 30), 1.0, "wavefield"));
        assertTrue(pulse[0] - zeros[0] >= 100, "a red cell where the pulse is: " + pulse[0] + " red pixels, " + zeros[0]
                + " without it");
        assertTrue(pulse[1] - zeros[1] >= 100, "a blue cell where its side lobe is: " + pulse[1] + " blue pixels, "
                + zeros[1] + " without it");
    }

    /** Pixels of the diverging map's red end and of its blue half. */
    private static int[] redAndBlue(BufferedImage img) {
        int red = 0;
        int blue = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                red += r > 150 && g < 60 && b < 60 ? 1 : 0;
                blue += b > 150 && r < 170 && g < 170 ? 1 : 0;
            }
        }
        return new int[] {red, blue};
    }

    /** A unit pulse moving across a 20 x 30 grid, with a negative side lobe. */
    private static NdArray pulse(int k) {
        NdArray a = NdArray.zeros(20, 30);
        a.data()[10 * 30 + 5 * k] = 1;
        a.data()[10 * 30 + 5 * k + 1] = -0.5;
        return a;
    }
}
