package org.seiche.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.function.IntFunction;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

/**
 * Animated GIFs of wavefield frames through the JDK's GIF writer, looping forever: each
 * frame drawn as {@link Png#frame} draws it (one fixed symmetric colour scale), made one at a
 * time so that a long movie never sits in memory. Written whole or not at all.
 */
public final class Gif {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private Gif() {
    }

    /**
     * Frames 0 .. count-1 as {@code frame} gives them, titled by {@code title}, shown
     * {@code delayCentiseconds} each.
     */
    public static void movie(Path file, int count, IntFunction<NdArray> frame, IntFunction<String> title, double clip,
                             int delayCentiseconds) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new SeicheException(file + ": this JVM has no GIF writer");
        }
        ImageWriter writer = writers.next();
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                for (int k = 0; k < count; k++) {
                    BufferedImage img = Png.framePicture(frame.apply(k), clip, title.apply(k));
                    writer.writeToSequence(new IIOImage(img, null, metadata(writer, img, delayCentiseconds, k == 0)), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write's own failure is the one worth reporting
            }
            throw new SeicheException(file + ": cannot write the movie (" + e.getMessage() + ")");
        }
    }

    /** A frame's delay, and on the first the NETSCAPE2.0 extension that makes viewers loop forever. */
    private static IIOMetadata metadata(ImageWriter writer, BufferedImage img, int delay, boolean first)
            throws IIOInvalidTreeException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delay));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            // sub-block 1: loop count 0 (forever), little-endian
            app.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
