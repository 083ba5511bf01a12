package org.seiche.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;

/**
 * Headless PNG pictures drawn with the JDK's imaging: arrays as images with axes in the
 * survey's units, a colour bar naming the quantity and the clip used, 3-D arrays as three
 * orthogonal slices, and a curve with labelled axes. Written whole or not at all.
 */
public final class Png {
    /** Colour maps: viridis for models, blue-white-red (0 = white) for gradients and data. */
    public enum Colours { MODEL, SIGNED }

    /** The part of the values the colour map spans: lo .. hi, and how they were chosen. */
    record Scale(double lo, double hi, String note) {
    }

    /**
     * A 2-D array [down, across] drawn w by h pixels, labelled above (a slice's position);
     * cut: the row and column where the other slices cross it (dashed), or null.
     */
    private record Panel(NdArray a, Axis down, Axis across, String label, int w, int h, Scale scale, String quantity,
                         int[] cut) {
        Panel(NdArray a, Axis down, Axis across, String label, int w, int h, Scale scale, String quantity) {
            this(a, down, across, label, w, h, scale, quantity, null);
        }
    }

    /** The picture and where its panels and colour bars are (for the tests). */
    record Figure(BufferedImage image, List<Rectangle> panels, List<Rectangle> bars) {
    }

    /** |values| above this percentile are drawn at the ends of the diverging map. */
    static final double CLIP_PERCENTILE = 0.99;
    private static final double[][] VIRIDIS = {{68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142},
        {33, 144, 141}, {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};
    private static final int BAR = 14;
    private static final int LEFT = 72;
    private static final int RIGHT = 128;
    private static final int TOP = 54;
    private static final int BOTTOM = 72;
    private static final int FONT = 12;

    private Png() {
    }

    /**
     * A 1-D array as a line over its axis, a 2-D array as an image, or a 3-D one as three
     * slices through the cell sliceAt (null: the centre):
     * depth-x at that y, depth-y at that x, and y-x at that depth, on one colour scale.
     * axes: one per dimension, as {@link Axis#model} gives; quantity: the colour bar's label.
     */
    public static void image(Path file, NdArray a, Axis[] axes, int[] sliceAt, Colours colours, String title,
                             String quantity) {
        write(file, picture(a, axes, sliceAt, colours, title, quantity).image());
    }

    static Figure picture(NdArray a, Axis[] axes, int[] sliceAt, Colours colours, String title, String quantity) {
        if (axes.length != a.ndim()) {
            throw new IllegalArgumentException(axes.length + " axes for an array shaped " + a.shapeString());
        }
        if (a.ndim() == 1) {
            return new Figure(linePicture(a.data(), axes[0], Double.NaN, title, quantity), List.of(), List.of());
        }
        Scale scale = scale(a.data(), colours);
        if (a.ndim() == 2) {
            int[] wh = size(a.dim(0) * axes[0].step(), a.dim(1) * axes[1].step(), Math.max(a.dim(0), a.dim(1)), 480, 960);
            return figure(title, List.of(new Panel(a, axes[0], axes[1], "", wh[1], wh[0], scale, quantity)), colours);
        }
        if (a.ndim() != 3) {
            throw new IllegalArgumentException("no picture of a " + a.ndim() + "-D array " + a.shapeString());
        }
        return figure(title, slices(a, axes, sliceAt, scale, quantity, null), colours);
    }

    /**
     * A 3-D array whose axes have different units (a data cube [time, y, x]) as three slices
     * like {@link #image}, each axis stretched on its own to pixels[d] pixels.
     */
    public static void cube(Path file, NdArray a, Axis[] axes, int[] sliceAt, int[] pixels, Colours colours, String title,
                            String quantity) {
        write(file, cubePicture(a, axes, sliceAt, pixels, colours, title, quantity).image());
    }

    static Figure cubePicture(NdArray a, Axis[] axes, int[] sliceAt, int[] pixels, Colours colours, String title,
                              String quantity) {
        if (a.ndim() != 3 || axes.length != 3 || pixels.length != 3) {
            throw new IllegalArgumentException("a cube of an array shaped " + a.shapeString());
        }
        return figure(title, slices(a, axes, sliceAt, scale(a.data(), colours), quantity, pixels), colours);
    }

    /**
     * The three slices of a 3-D array through the cell sliceAt (null: the centre): depth-x at
     * that y, depth-y at that x, and y-x at that depth, on one colour scale stated once; each
     * axis pixels[d] long, or (null) all true to scale.
     */
    private static List<Panel> slices(NdArray a, Axis[] axes, int[] sliceAt, Scale scale, String quantity, int[] pixels) {
        int[] at = sliceAt != null ? sliceAt : new int[] {a.dim(0) / 2, a.dim(1) / 2, a.dim(2) / 2};
        for (int d = 0; d < 3; d++) {
            if (at.length != 3 || at[d] < 0 || at[d] >= a.dim(d)) {
                throw new IllegalArgumentException("slices at " + Arrays.toString(at) + " outside " + a.shapeString());
            }
        }
        // one pixel size for the three slices, so that their lengths compare
        double[] extent = new double[3];
        Arrays.setAll(extent, d -> a.dim(d) * axes[d].step());
        double longest = Arrays.stream(extent).max().orElse(1);
        int cells = Math.max(a.dim(0), Math.max(a.dim(1), a.dim(2)));
        double perMetre = Math.max(320, Math.min(cells, 480)) / longest;
        int[] px = new int[3];
        Arrays.setAll(px, d -> pixels != null ? pixels[d] : Math.max(40, (int) Math.round(extent[d] * perMetre)));
        // the range stated once, under the first slice
        Scale same = new Scale(scale.lo(), scale.hi(), "");
        return List.of(
                new Panel(slice(a, 1, at[1]), axes[0], axes[2], axes[1].at(at[1]), px[2], px[0], scale, quantity,
                        new int[] {at[0], at[2]}),
                new Panel(slice(a, 2, at[2]), axes[0], axes[1], axes[2].at(at[2]), px[1], px[0], same, quantity,
                        new int[] {at[0], at[1]}),
                new Panel(slice(a, 0, at[0]), axes[1], axes[2], axes[0].at(at[0]), px[2], px[1], same, quantity,
                        new int[] {at[1], at[2]}));
    }

    /**
     * 2-D arrays of one shape side by side, each with its label, its own colour scale and
     * quantity (a gradient beside an update has other units).
     */
    public static void images(Path file, List<NdArray> arrays, List<String> labels, Axis[] axes, Colours colours,
                              String title, List<String> quantities) {
        NdArray first = arrays.get(0);
        List<Panel> panels = new ArrayList<>();
        for (int k = 0; k < arrays.size(); k++) {
            NdArray a = arrays.get(k);
            if (a.ndim() != 2 || !a.sameShape(first) || axes.length != 2) {
                throw new IllegalArgumentException("images of arrays shaped " + a.shapeString() + " and " + first.shapeString());
            }
            int[] wh = size(a.dim(0) * axes[0].step(), a.dim(1) * axes[1].step(), Math.max(a.dim(0), a.dim(1)), 360, 720);
            panels.add(new Panel(a, axes[0], axes[1], labels.get(k), wh[1], wh[0], scale(a.data(), colours),
                    quantities.get(k)));
        }
        write(file, figure(title, panels, colours).image());
    }

    /**
     * A shot gather [nt, receivers] (time down the page, dt seconds between samples) on the
     * diverging map: each axis stretched on its own, as traces are few and samples many.
     */
    public static void gather(Path file, NdArray a, double dt, String title, String quantity) {
        write(file, gatherPicture(a, dt, title, quantity).image());
    }

    static Figure gatherPicture(NdArray a, double dt, String title, String quantity) {
        int w = clamp(a.dim(1), 480, 960);
        int h = clamp(a.dim(0), 480, 720);
        Panel p = new Panel(a, Axis.seconds(dt), Axis.index("receiver"), "", w, h, scale(a.data(), Colours.SIGNED),
                quantity);
        return figure(title, List.of(p), Colours.SIGNED);
    }

    /** [down, across] of one 3-D array's cells with index `at` along dimension `fixed`. */
    private static NdArray slice(NdArray a, int fixed, int at) {
        int[] n = a.shape();
        int[] keep = fixed == 0 ? new int[] {1, 2} : fixed == 1 ? new int[] {0, 2} : new int[] {0, 1};
        double[] out = new double[n[keep[0]] * n[keep[1]]];
        int[] idx = new int[3];
        idx[fixed] = at;
        for (int i = 0; i < n[keep[0]]; i++) {
            idx[keep[0]] = i;
            for (int j = 0; j < n[keep[1]]; j++) {
                idx[keep[1]] = j;
                out[i * n[keep[1]] + j] = a.data()[(idx[0] * n[1] + idx[1]) * n[2] + idx[2]];
            }
        }
        return new NdArray(new int[] {n[keep[0]], n[keep[1]]}, out);
    }

    /** [height, width] in pixels of an extent in metres, true to scale, its longer side from min to max pixels. */
    private static int[] size(double height, double width, int cells, int min, int max) {
        double perMetre = clamp(cells, min, max) / Math.max(height, width);
        return new int[] {Math.max(40, (int) Math.round(height * perMetre)), Math.max(40, (int) Math.round(width * perMetre))};
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** The diverging map clipped symmetrically at the 99th percentile of |values|; the sequential one over min..max. */
    static Scale scale(double[] v, Colours colours) {
        if (colours == Colours.SIGNED) {
            double clip = percentileAbs(v, CLIP_PERCENTILE);
            String how = "clip " + Math.round(CLIP_PERCENTILE * 100) + "th percentile of |values|";
            if (!(clip > 0)) {
                clip = percentileAbs(v, 1.0);
                how = "clip at the largest |value|";
            }
            if (!(clip > 0)) {
                return new Scale(-1, 1, "all values are 0");
            }
            return new Scale(-clip, clip, how + ": ±" + Ticks.significant(clip));
        }
        double lo = Arrays.stream(v).min().orElse(0);
        double hi = Arrays.stream(v).max().orElse(1);
        if (!(hi > lo)) {
            return new Scale(lo - 1, lo + 1, "all values are " + Ticks.significant(lo));
        }
        return new Scale(lo, hi, "colours span min " + Ticks.significant(lo) + " to max " + Ticks.significant(hi));
    }

    private static Figure figure(String title, List<Panel> panels, Colours colours) {
        int w = 0;
        int h = 0;
        for (Panel p : panels) {
            w += LEFT + p.w() + RIGHT;
            h = Math.max(h, p.h());
        }
        BufferedImage img = new BufferedImage(Math.max(w, 200), TOP + h + BOTTOM, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        List<Rectangle> at = new ArrayList<>();
        List<Rectangle> bars = new ArrayList<>();
        int x = LEFT;
        for (Panel p : panels) {
            Rectangle r = new Rectangle(x, TOP, p.w(), p.h());
            at.add(r);
            bars.add(draw(img, g, r, p, colours));
            x += LEFT + p.w() + RIGHT;
        }
        g.dispose();
        return new Figure(img, at, bars);
    }

    /**
     * One panel with its axes and colour bar; returns the bar's place. The cells are written
     * straight into the pixels: drawing them as shapes took most of the time of an inversion
     * iteration's pictures.
     */
    private static Rectangle draw(BufferedImage img, Graphics2D g, Rectangle r, Panel p, Colours colours) {
        int rows = p.a().dim(0);
        int cols = p.a().dim(1);
        double[] v = p.a().data();
        Scale s = p.scale();
        // an odd number of colours, so that 0 on the diverging map is its white middle
        int[] lut = new int[257];
        Arrays.setAll(lut, k -> colour(colours, k / 256.0));
        int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int width = img.getWidth();
        int[] column = new int[r.width];
        Arrays.setAll(column, c -> (int) ((long) c * cols / r.width));
        double toIndex = 256 / (s.hi() - s.lo());
        for (int y = 0; y < r.height; y++) {
            int row = (int) ((long) y * rows / r.height) * cols;
            int base = (r.y + y) * width + r.x;
            for (int c = 0; c < r.width; c++) {
                double t = (v[row + column[c]] - s.lo()) * toIndex;
                pixels[base + c] = lut[Double.isNaN(t) ? 128 : (int) Math.max(0, Math.min(256, t + 0.5))];
            }
        }
        Rectangle bar = new Rectangle(r.x + r.width + 14, r.y, BAR, r.height);
        for (int y = 0; y < bar.height; y++) {
            int rgb = lut[(int) Math.round(256 * (1 - y / (double) Math.max(1, bar.height - 1)))];
            Arrays.fill(pixels, (bar.y + y) * width + bar.x, (bar.y + y) * width + bar.x + BAR, rgb);
        }
        if (p.cut() != null) {
            // where the other two slices cross this one
            Graphics2D d = (Graphics2D) g.create();
            d.setColor(new Color(0, 0, 0, 150));
            d.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            int cy = r.y + (int) ((p.cut()[0] + 0.5) * r.height / rows);
            int cx = r.x + (int) ((p.cut()[1] + 0.5) * r.width / cols);
            d.drawLine(r.x, cy, r.x + r.width - 1, cy);
            d.drawLine(cx, r.y, cx, r.y + r.height - 1);
            d.dispose();
        }
        g.setColor(Color.BLACK);
        g.drawRect(r.x - 1, r.y - 1, r.width + 1, r.height + 1);
        g.drawRect(bar.x - 1, bar.y - 1, bar.width + 1, bar.height + 1);
        FontMetrics fm = g.getFontMetrics();
        if (!p.label().isEmpty()) {
            g.drawString(p.label(), r.x, r.y - 8);
        }
        // across: ticks below the panel, at the cells' centres
        double pxAcross = r.width / (double) cols;
        double[] across = ticks(p.across(), cols, r.width, 60);
        String[] acrossLabels = Ticks.labels(across);
        for (int k = 0; k < across.length; k++) {
            int tx = r.x + (int) Math.round((across[k] / p.across().step() + 0.5) * pxAcross);
            g.drawLine(tx, r.y + r.height, tx, r.y + r.height + 4);
            g.drawString(acrossLabels[k], tx - fm.stringWidth(acrossLabels[k]) / 2, r.y + r.height + 6 + fm.getAscent());
        }
        String acrossName = p.across().label();
        g.drawString(acrossName, r.x + (r.width - fm.stringWidth(acrossName)) / 2, r.y + r.height + 22 + fm.getAscent());
        g.setColor(Color.DARK_GRAY);
        g.drawString(s.note(), r.x - LEFT + 8, r.y + r.height + 42 + fm.getAscent());
        g.setColor(Color.BLACK);
        // down: ticks left of the panel
        double pxDown = r.height / (double) rows;
        double[] down = ticks(p.down(), rows, r.height, 45);
        String[] downLabels = Ticks.labels(down);
        for (int k = 0; k < down.length; k++) {
            int ty = r.y + (int) Math.round((down[k] / p.down().step() + 0.5) * pxDown);
            g.drawLine(r.x - 5, ty, r.x - 1, ty);
            g.drawString(downLabels[k], r.x - 8 - fm.stringWidth(downLabels[k]), ty + fm.getAscent() / 2 - 1);
        }
        vertical(g, p.down().label(), r.x - LEFT + 4 + fm.getAscent(), r.y + r.height / 2);
        // the colour bar: lo at the bottom, hi at the top
        double[] values = Ticks.values(s.lo(), s.hi(), Math.max(4, bar.height / 60), 0);
        String[] labels = Ticks.labels(values);
        int widest = 0;
        for (int k = 0; k < values.length; k++) {
            int ty = bar.y + (int) Math.round((s.hi() - values[k]) / (s.hi() - s.lo()) * (bar.height - 1));
            g.drawLine(bar.x + BAR, ty, bar.x + BAR + 4, ty);
            widest = Math.max(widest, fm.stringWidth(labels[k]));
            g.drawString(labels[k], bar.x + BAR + 7, ty + fm.getAscent() / 2 - 1);
        }
        vertical(g, p.quantity(), bar.x + BAR + 12 + widest + fm.getAscent(), bar.y + bar.height / 2);
        return bar;
    }

    /** Tick values along an axis of n cells drawn on `pixels` pixels, about one per `apart` pixels; an index's are whole. */
    static double[] ticks(Axis axis, int n, int pixels, int apart) {
        return Ticks.values(0, (n - 1) * axis.step(), Math.max(3, pixels / apart), axis.step() == 1 ? 1 : 0);
    }

    /** text read bottom to top, centred on y, its baseline at x. */
    private static void vertical(Graphics2D g, String text, int x, int y) {
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
        g.setTransform(saved);
    }

    /**
     * One frame of a wavefield movie [rows, columns] on the diverging map, its colour scale
     * fixed at -clip .. clip (every frame of a movie alike, so that amplitudes compare).
     */
    public static void frame(Path file, NdArray a, double clip, String title) {
        write(file, framePicture(a, clip, title));
    }

    /**
     * The picture of {@link #frame}: axes in cells (a frame knows no spacing); a 1-D frame as a
     * line between -clip and clip, a 3-D one as three slices through its centre.
     */
    static BufferedImage framePicture(NdArray a, double clip, String title) {
        double c = clip > 0 && Double.isFinite(clip) ? clip : 1;
        Scale scale = new Scale(-c, c, "clip fixed for the whole movie: \u00b1" + Ticks.significant(c));
        if (a.ndim() == 1) {
            return linePicture(a.data(), Axis.index("x (cells)"), c, title, "wavefield");
        }
        if (a.ndim() == 3) {
            Axis[] cells = {Axis.index("depth (cells)"), Axis.index("y (cells)"), Axis.index("x (cells)")};
            return figure(title, slices(a, cells, null, scale, "wavefield", null), Colours.SIGNED).image();
        }
        if (a.ndim() != 2) {
            throw new IllegalArgumentException("a frame of a " + a.ndim() + "-D array " + a.shapeString());
        }
        int[] wh = size(a.dim(0), a.dim(1), Math.max(a.dim(0), a.dim(1)), 480, 960);
        Panel p = new Panel(a, Axis.index("depth (cells)"), Axis.index("x (cells)"), "", wh[1], wh[0], scale, "wavefield");
        return figure(title, List.of(p), Colours.SIGNED).image();
    }

    /**
     * y against 0..n-1 (iterations from the start), on a logarithmic axis with labelled
     * decades when all values are positive and span more than one.
     */
    public static void curve(Path file, double[] y, String title, String yLabel) {
        write(file, curvePicture(y, title, yLabel));
    }

    static BufferedImage curvePicture(double[] y, String title, String yLabel) {
        return linePicture(y, Axis.index("iteration"), 0, title, yLabel);
    }

    /**
     * y[i] against i * x.step() with labelled axes. range > 0: y spans -range .. range (values
     * beyond it drawn at its ends); 0: y spans the values, on a logarithmic axis with labelled
     * decades when all are positive and span more than one decade; NaN: the values, linear.
     */
    private static BufferedImage linePicture(double[] y, Axis x, double range, String title, String yLabel) {
        int w = 640;
        int h = 420;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        FontMetrics fm = g.getFontMetrics();
        double min = range > 0 ? -range : Arrays.stream(y).min().orElse(0);
        double max = range > 0 ? range : Arrays.stream(y).max().orElse(1);
        boolean log = range == 0 && min > 0 && max / min > 10;
        double lo = log ? Math.log10(min) : min;
        double hi = log ? Math.log10(max) : max;
        if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        int x0 = 90;
        int y0 = h - 56;
        int pw = w - x0 - 30;
        int ph = y0 - TOP;
        int last = Math.max(1, y.length - 1);
        double[] along = Ticks.values(0, last * x.step(), 8, x.step() == 1 ? 1 : 0);
        String[] alongLabels = Ticks.labels(along);
        for (int k = 0; k < along.length; k++) {
            int px = x0 + (int) Math.round(along[k] / x.step() * pw / last);
            grid(g, px, y0, px, TOP);
            g.drawString(alongLabels[k], px - fm.stringWidth(alongLabels[k]) / 2, y0 + 6 + fm.getAscent());
        }
        double[] levels = log ? decades(lo, hi) : Ticks.values(lo, hi, 6, 0);
        String[] levelLabels = Ticks.labels(levels);
        for (int k = 0; k < levels.length; k++) {
            int yy = y0 - (int) Math.round((levels[k] - lo) / (hi - lo) * ph);
            grid(g, x0, yy, x0 + pw, yy);
            String label = log ? Ticks.significant(Math.pow(10, levels[k])) : levelLabels[k];
            g.drawString(label, x0 - 8 - fm.stringWidth(label), yy + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, TOP, pw, ph);
        g.drawString(x.label(), x0 + (pw - fm.stringWidth(x.label())) / 2, y0 + 24 + fm.getAscent());
        vertical(g, yLabel + (log ? " (log scale)" : ""), 6 + fm.getAscent(), TOP + ph / 2);
        g.setColor(new Color(31, 119, 180));
        g.setStroke(new BasicStroke(2f));
        int px = -1;
        int py = -1;
        // dots only where they stay apart
        boolean dots = y.length <= pw / 8;
        for (int i = 0; i < y.length; i++) {
            double v = log ? Math.log10(y[i]) : y[i];
            int xx = x0 + (y.length == 1 ? pw / 2 : (int) Math.round(i * pw / (double) last));
            int yy = y0 - (int) Math.round((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo) * ph);
            if (px >= 0) {
                g.drawLine(px, py, xx, yy);
            }
            if (dots) {
                g.fillOval(xx - 3, yy - 3, 6, 6);
            }
            px = xx;
            py = yy;
        }
        g.dispose();
        return img;
    }

    /** log10 of the ticks of a log axis: the decades, with 2 and 5 times them when fewer than three decades show. */
    static double[] decades(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        boolean fine = hi - lo < 3;
        for (int k = (int) Math.floor(lo); k <= (int) Math.ceil(hi); k++) {
            for (double m : fine ? new double[] {1, 2, 5} : new double[] {1}) {
                double t = k + Math.log10(m);
                if (t >= lo - 1e-9 && t <= hi + 1e-9) {
                    out.add(t);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void grid(Graphics2D g, int x1, int y1, int x2, int y2) {
        g.setColor(new Color(225, 225, 225));
        g.drawLine(x1, y1, x2, y2);
        g.setColor(Color.BLACK);
    }

    private static Graphics2D canvas(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, FONT + 1));
        g.drawString(title, 8, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, FONT));
        return g;
    }

    /** 0xRRGGBB of t in [0, 1] on the colour map. */
    static int colour(Colours c, double t) {
        double u = Math.max(0, Math.min(1, Double.isNaN(t) ? 0.5 : t));
        if (c == Colours.SIGNED) {
            // blue - white - red
            if (u < 0.5) {
                int s = (int) Math.round(255 * (u / 0.5));
                return rgb(s, s, 255);
            }
            int s = (int) Math.round(255 * ((1 - u) / 0.5));
            return rgb(255, s, s);
        }
        double p = u * (VIRIDIS.length - 1);
        int k = Math.min(VIRIDIS.length - 2, (int) p);
        double f = p - k;
        return rgb((int) Math.round(VIRIDIS[k][0] + f * (VIRIDIS[k + 1][0] - VIRIDIS[k][0])),
                (int) Math.round(VIRIDIS[k][1] + f * (VIRIDIS[k + 1][1] - VIRIDIS[k][1])),
                (int) Math.round(VIRIDIS[k][2] + f * (VIRIDIS[k + 1][2] - VIRIDIS[k][2])));
    }

    private static int rgb(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    /** The q-quantile of |v|; of every k-th value beyond 10^6 of them (a large cube's sort took seconds). */
    private static double percentileAbs(double[] v, double q) {
        int stride = Math.max(1, v.length / 1_000_000);
        double[] a = new double[(v.length + stride - 1) / stride];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.abs(v[i * stride]);
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
