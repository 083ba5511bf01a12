package org.seiche.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

/**
 * Headless PNG pictures drawn with the JDK's imaging: 2-D arrays as images with a title
 * and colour bars, and a curve with axes. Written whole or not at all.
 */
public final class Png {
    /** Colour maps: a sequential one for models, a diverging one (0 = white) for gradients and data. */
    public enum Colours { MODEL, SIGNED }

    private static final int BAR = 16;
    private static final double[][] VIRIDIS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
    private static final int MARGIN = 40;

    private Png() {
    }

    /** A [rows, columns] array (dimension 0 = depth, down the page). */
    public static void image(Path file, NdArray a, Colours colours, String title) {
        images(file, List.of(a), List.of(""), colours, title);
    }

    /**
     * A shot gather [nt, receivers] (time down the page): each axis stretched on its own to
     * about the picture's size, as traces are few and samples many.
     */
    public static void gather(Path file, NdArray a, String title) {
        int sx = Math.max(1, 480 / a.dim(1));
        int sy = Math.max(1, 480 / a.dim(0));
        BufferedImage img = new BufferedImage(a.dim(1) * sx + BAR + 90 + MARGIN, a.dim(0) * sy + 2 * MARGIN,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        draw(img, g, MARGIN, MARGIN, a, Colours.SIGNED, sx, sy, "");
        g.dispose();
        write(file, img);
    }

    /**
     * Arrays of one shape side by side, each with its own label and colour scale (a gradient
     * beside an update has other units).
     */
    public static void images(Path file, List<NdArray> arrays, List<String> labels, Colours colours, String title) {
        NdArray first = arrays.get(0);
        for (NdArray a : arrays) {
            if (a.ndim() != 2 || !a.sameShape(first)) {
                throw new IllegalArgumentException("images of arrays shaped " + a.shapeString() + " and " + first.shapeString());
            }
        }
        int rows = first.dim(0);
        int cols = first.dim(1);
        int scale = Math.max(1, 480 / Math.max(rows, cols));
        int panel = cols * scale + BAR + 90;
        int w = arrays.size() * panel + MARGIN;
        int h = rows * scale + 2 * MARGIN + (labels.stream().anyMatch(l -> !l.isEmpty()) ? 16 : 0);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        for (int k = 0; k < arrays.size(); k++) {
            draw(img, g, MARGIN + k * panel, h - MARGIN - rows * scale, arrays.get(k), colours, scale, scale, labels.get(k));
        }
        g.dispose();
        write(file, img);
    }

    /**
     * One array with its colour bar, its top-left corner at (x0, y0), a cell sx by sy pixels.
     * The cells are written straight into the pixels: drawing them as shapes took most of
     * the time of an inversion iteration's pictures.
     */
    private static void draw(BufferedImage img, Graphics2D g, int x0, int y0, NdArray a, Colours colours, int sx, int sy,
                             String label) {
        double lo;
        double hi;
        if (colours == Colours.SIGNED) {
            // clip at the 99th percentile so that a few edge cells do not wash the picture out
            hi = percentileAbs(a.data(), 0.99);
            if (!(hi > 0)) {
                hi = percentileAbs(a.data(), 1.0);
            }
            if (!(hi > 0)) {
                hi = 1;
            }
            lo = -hi;
        } else {
            lo = Arrays.stream(a.data()).min().orElse(0);
            hi = Arrays.stream(a.data()).max().orElse(1);
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        draw(img, g, x0, y0, a, colours, sx, sy, label, lo, hi);
    }

    /** As above with the colour scale's ends given. */
    private static void draw(BufferedImage img, Graphics2D g, int x0, int y0, NdArray a, Colours colours, int sx, int sy,
                             String label, double lo, double hi) {
        int rows = a.dim(0);
        int cols = a.dim(1);
        g.setColor(Color.BLACK);
        g.drawString(label, x0, y0 - 6);
        int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int width = img.getWidth();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                fill(pixels, width, x0 + j * sx, y0 + i * sy, sx, sy,
                        colour(colours, (a.data()[i * cols + j] - lo) / (hi - lo)));
            }
        }
        int bx = x0 + cols * sx + 12;
        int bh = rows * sy;
        for (int y = 0; y < bh; y++) {
            fill(pixels, width, bx, y0 + y, BAR, 1, colour(colours, 1 - y / (double) Math.max(1, bh - 1)));
        }
        g.setColor(Color.BLACK);
        g.drawString(String.format("%.3g", hi), bx + BAR + 4, y0 + 10);
        g.drawString(String.format("%.3g", lo), bx + BAR + 4, y0 + bh);
    }

    /**
     * One frame of a wavefield movie [rows, columns] on the diverging map, its colour scale
     * fixed at -clip .. clip (every frame of a movie alike, so that amplitudes compare).
     */
    public static void frame(Path file, NdArray a, double clip, String title) {
        write(file, framePicture(a, clip, title));
    }

    /** The picture of {@link #frame}. */
    static BufferedImage framePicture(NdArray a, double clip, String title) {
        if (a.ndim() != 2) {
            throw new IllegalArgumentException("a frame of a " + a.ndim() + "-D array " + a.shapeString());
        }
        double c = clip > 0 && Double.isFinite(clip) ? clip : 1;
        int scale = Math.max(1, 480 / Math.max(a.dim(0), a.dim(1)));
        BufferedImage img = new BufferedImage(a.dim(1) * scale + BAR + 90 + MARGIN, a.dim(0) * scale + 2 * MARGIN,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        draw(img, g, MARGIN, MARGIN, a, Colours.SIGNED, scale, scale, "", -c, c);
        g.dispose();
        return img;
    }

    /** y against 0..n-1 (iterations from the start), on a logarithmic axis when all values are positive and span a decade. */
    public static void curve(Path file, double[] y, String title, String yLabel) {
        int w = 640;
        int h = 400;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        double min = Arrays.stream(y).min().orElse(0);
        double max = Arrays.stream(y).max().orElse(1);
        boolean log = min > 0 && max / min > 10;
        double lo = log ? Math.log10(min) : min;
        double hi = log ? Math.log10(max) : max;
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        int x0 = 80;
        int y0 = h - 50;
        int pw = w - x0 - 30;
        int ph = y0 - MARGIN;
        g.setColor(Color.BLACK);
        g.drawLine(x0, y0, x0 + pw, y0);
        g.drawLine(x0, y0, x0, MARGIN);
        g.drawString(String.format("%.3g", log ? Math.pow(10, hi) : hi), 5, MARGIN + 5);
        g.drawString(String.format("%.3g", log ? Math.pow(10, lo) : lo), 5, y0);
        g.drawString(yLabel + (log ? " (log)" : ""), 5, MARGIN + 22);
        g.drawString("iteration", x0 + pw / 2 - 20, h - 15);
        g.drawString("0", x0, y0 + 15);
        g.drawString(String.valueOf(y.length - 1), x0 + pw - 10, y0 + 15);
        g.setColor(new Color(31, 119, 180));
        g.setStroke(new BasicStroke(2f));
        int px = -1;
        int py = -1;
        for (int i = 0; i < y.length; i++) {
            double v = log ? Math.log10(y[i]) : y[i];
            int x = x0 + (y.length == 1 ? pw / 2 : (int) Math.round(i * pw / (double) (y.length - 1)));
            int yy = y0 - (int) Math.round((v - lo) / (hi - lo) * ph);
            if (px >= 0) {
                g.drawLine(px, py, x, yy);
            }
            g.fillOval(x - 3, yy - 3, 6, 6);
            px = x;
            py = yy;
        }
        g.dispose();
        write(file, img);
    }

    private static void fill(int[] pixels, int width, int x, int y, int w, int h, int rgb) {
        for (int r = y; r < y + h; r++) {
            Arrays.fill(pixels, r * width + x, r * width + x + w, rgb);
        }
    }

    private static Graphics2D canvas(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(title, MARGIN, 24);
        return g;
    }

    /** 0xRRGGBB of t in [0, 1] on the colour map. */
    private static int colour(Colours c, double t) {
        double u = Math.max(0, Math.min(1, Double.isNaN(t) ? 0.5 : t));
        if (c == Colours.SIGNED) {
            // blue - white - red
            if (u < 0.5) {
                int s = (int) (255 * (u / 0.5));
                return rgb(s, s, 255);
            }
            int s = (int) (255 * ((1 - u) / 0.5));
            return rgb(255, s, s);
        }
        // dark blue - teal - yellow, close to viridis
        double p = u * (VIRIDIS.length - 1);
        int k = Math.min(VIRIDIS.length - 2, (int) p);
        double f = p - k;
        return rgb((int) (VIRIDIS[k][0] + f * (VIRIDIS[k + 1][0] - VIRIDIS[k][0])),
                (int) (VIRIDIS[k][1] + f * (VIRIDIS[k + 1][1] - VIRIDIS[k][1])),
                (int) (VIRIDIS[k][2] + f * (VIRIDIS[k + 1][2] - VIRIDIS[k][2])));
    }

    private static int rgb(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    private static double percentileAbs(double[] v, double q) {
        double[] a = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = Math.abs(v[i]);
        }
        Arrays.sort(a);
        return a.length == 0 ? 1 : a[Math.min(a.length - 1, (int) (q * (a.length - 1)))];
    }

    private static void write(Path file, BufferedImage img) {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                PngEncoder.write(out, ((DataBufferInt) img.getRaster().getDataBuffer()).getData(), img.getWidth(),
                        img.getHeight());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SeicheException(file + ": cannot write the picture (" + e.getMessage() + ")");
        }
    }
}
