package org.seiche.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

/**
 * Headless PNG pictures drawn with the JDK's imaging: a 2-D array as an image with a
 * title and a colour bar, and a curve with axes. Written whole or not at all.
 */
public final class Png {
    /** Colour maps: a sequential one for models, a diverging one (0 = white) for gradients and data. */
    public enum Colours { MODEL, SIGNED }

    private static final int BAR = 16;
    private static final int MARGIN = 40;

    private Png() {
    }

    /** A [rows, columns] array (dimension 0 = depth, down the page). */
    public static void image(Path file, NdArray a, Colours colours, String title) {
        if (a.ndim() != 2) {
            throw new IllegalArgumentException("image of a " + a.ndim() + "-D array");
        }
        int rows = a.dim(0);
        int cols = a.dim(1);
        int scale = Math.max(1, 480 / Math.max(rows, cols));
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
        int w = cols * scale + 2 * MARGIN + BAR + 60;
        int h = rows * scale + 2 * MARGIN;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                g.setColor(colour(colours, (a.data()[i * cols + j] - lo) / (hi - lo)));
                g.fillRect(MARGIN + j * scale, MARGIN + i * scale, scale, scale);
            }
        }
        int bx = MARGIN + cols * scale + 12;
        int bh = rows * scale;
        for (int y = 0; y < bh; y++) {
            g.setColor(colour(colours, 1 - y / (double) Math.max(1, bh - 1)));
            g.fillRect(bx, MARGIN + y, BAR, 1);
        }
        g.setColor(Color.BLACK);
        g.drawString(String.format("%.3g", hi), bx + BAR + 4, MARGIN + 10);
        g.drawString(String.format("%.3g", lo), bx + BAR + 4, MARGIN + bh);
        g.dispose();
        write(file, img);
    }

    /** y against 1..n, on a logarithmic axis when all values are positive and span a decade. */
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
        g.drawString(yLabel + (log ? " (log)" : ""), 5, MARGIN - 10);
        g.drawString("iteration", x0 + pw / 2 - 20, h - 15);
        g.drawString("1", x0, y0 + 15);
        g.drawString(String.valueOf(y.length), x0 + pw - 10, y0 + 15);
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

    private static Color colour(Colours c, double t) {
        double u = Math.max(0, Math.min(1, Double.isNaN(t) ? 0.5 : t));
        if (c == Colours.SIGNED) {
            // blue - white - red
            if (u < 0.5) {
                double s = u / 0.5;
                return new Color((int) (255 * s), (int) (255 * s), 255);
            }
            double s = (1 - u) / 0.5;
            return new Color(255, (int) (255 * s), (int) (255 * s));
        }
        // dark blue - teal - yellow, close to viridis
        double[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double p = u * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) p);
        double f = p - k;
        return new Color((int) (stops[k][0] + f * (stops[k + 1][0] - stops[k][0])),
                (int) (stops[k][1] + f * (stops[k + 1][1] - stops[k][1])),
                (int) (stops[k][2] + f * (stops[k + 1][2] - stops[k][2])));
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
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SeicheException(file + ": cannot write the picture (" + e.getMessage() + ")");
        }
    }
}
