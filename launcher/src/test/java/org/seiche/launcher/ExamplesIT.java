package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.io.Npy;

/**
 * Every example of examples/ run as a user runs it (its run.sh, in a copy of its folder),
 * and the property it is there to show.
 */
class ExamplesIT {
    @TempDir
    Path tmp;

    /** A copy of examples/NAME with its committed files only (pipelines, scripts, inputs), not the results of earlier runs. */
    private Path copy(String name) throws IOException {
        Path from = Fwi.HOME.resolve("examples").resolve(name);
        Path to = Files.createDirectories(tmp.resolve(name));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (n.endsWith(".yaml") || n.endsWith(".sh") || n.endsWith(".npy")) {
                    Files.copy(f, to.resolve(n));
                }
            }
        }
        return to;
    }

    private Path runExample(String name) throws IOException {
        Path dir = copy(name);
        Fwi.Outcome o = Fwi.script(dir, "run.sh", "--quiet");
        assertEquals(0, o.exit(), o.err());
        return dir;
    }

    private static NdArray npy(Path dir, String file) {
        NdArray a = Npy.read(dir.resolve(file));
        for (double v : a.data()) {
            assertTrue(Double.isFinite(v), file + " holds " + v);
        }
        return a;
    }

    /** The numbers of a JSON list "key" : [ ... ]. */
    static double[] list(Path json, String key) throws IOException {
        String s = Files.readString(json);
        int open = s.indexOf('[', s.indexOf("\"" + key + "\""));
        return Arrays.stream(s.substring(open + 1, s.indexOf(']', open)).split(",")).map(String::strip)
                .mapToDouble(Double::parseDouble).toArray();
    }

    /** Every value of "key" : number in a JSON file, in order (one per iteration in history.json). */
    static double[] values(Path json, String key) throws IOException {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(Files.readString(json));
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void assertDecreasing(double[] v, String what) {
        for (int i = 1; i < v.length; i++) {
            assertTrue(v[i] < v[i - 1], what + " rises at " + i + ": " + Arrays.toString(v));
        }
    }

    private static void assertPictures(Path dir, String... files) {
        for (String f : files) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " is written");
        }
    }

    /**
     * The quickstart's forward run: four shots of 60 receivers and 600 samples, and the first
     * arrival crossing the spread at the top layer's 1500 m/s (the direct wave: the head wave
     * off the 1800 m/s layer overtakes it only beyond 660 m, past the farthest receiver).
     */
    @Test
    void quickstartRecordsTheDirectWaveAtTheTopLayersSpeed() throws IOException {
        Path dir = copy("quickstart");
        Fwi.Outcome o = Fwi.runIn(dir, "run", "pipeline.yaml", "--quiet");
        assertEquals(0, o.exit(), o.err());
        NdArray data = npy(dir, "out/receiver_data.npy");
        assertEquals("[4, 60, 600]", Arrays.toString(data.shape()));
        Locations sources = Npy.readLocations(dir.resolve("source_locations.npy"), 2);
        Locations receivers = Npy.readLocations(dir.resolve("receiver_locations.npy"), 2);
        double h = 5;
        double dt = 0.001;
        int nt = data.dim(2);
        for (int s = 0; s < 4; s++) {
            // least squares of first-break time (|d| past 5 % of the trace's peak) on offset, 50 m and beyond
            double n = 0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (int r = 0; r < receivers.perShot(); r++) {
                double offset = h * Math.abs(receivers.coordinate(s, r, 1) - sources.coordinate(s, 0, 1));
                int at = (s * receivers.perShot() + r) * nt;
                double peak = 0;
                for (int t = 0; t < nt; t++) {
                    peak = Math.max(peak, Math.abs(data.data()[at + t]));
                }
                int first = 0;
                while (Math.abs(data.data()[at + first]) <= 0.05 * peak) {
                    first++;
                }
                if (offset >= 50) {
                    double time = first * dt;
                    n++;
                    sx += offset;
                    sy += time;
                    sxx += offset * offset;
                    sxy += offset * time;
                }
            }
            double speed = (n * sxx - sx * sx) / (n * sxy - sx * sy);
            System.out.printf("quickstart shot %d: first arrivals cross the spread at %.0f m/s%n", s, speed);
            assertEquals(1500, speed, 30, "shot " + s + ": the direct wave's speed");
        }
        String summary = Files.readString(dir.resolve("out/summary.json"));
        assertEquals(4.0, values(dir.resolve("out/summary.json"), "shots")[0], summary);
        assertTrue(summary.contains("\"subnormals\""), summary);
        assertPictures(dir.resolve("out"), "receiver_data.png");
    }

    @Test
    void fwiReducesTheModelErrorByAtLeast40PercentIn20Iterations() throws IOException {
        Path dir = runExample("fwi");
        Path history = dir.resolve("out/history.json");
        double[] error = values(history, "model_error");
        double[] loss = list(history, "loss");
        System.out.printf("fwi: model error %s, loss %.3e -> %.3e%n", Arrays.toString(error), loss[0], loss[loss.length - 1]);
        assertEquals(20, error.length);
        assertTrue(error[19] <= 0.6, "model error after 20 iterations " + error[19]);
        assertDecreasing(loss, "the loss");
        // one modelling of every shot per iteration, as the line search's last point is kept
        double evaluations = Arrays.stream(values(history, "evaluations")).sum();
        assertTrue(evaluations <= 30, evaluations + " evaluations in 20 iterations");
        npy(dir, "out/model_v.npy");
        assertPictures(dir.resolve("out"), "model_v.png", "loss.png", "iterations/model_v_0020.png",
                "iterations/gradient_v_0020.png", "iterations/data_0020.png", "iterations/residual_0020.png");
    }

    /** What examples/acoustic claims (its README): each parameter's model error, and the fit against constant density. */
    private static final double ACOUSTIC_V_ERROR = 0.9;
    private static final double ACOUSTIC_RHO_ERROR = 0.95;
    private static final double ACOUSTIC_LOSS_RATIO = 4;

    /** ||m - m_true|| / ||m_start - m_true|| of one parameter of examples/acoustic. */
    private static double modelError(Path dir, String folder, String parameter) {
        double[] t = npy(dir, "true/model_" + parameter + ".npy").data();
        double[] s = npy(dir, "start/model_" + parameter + ".npy").data();
        double[] m = npy(dir, folder + "/model_" + parameter + ".npy").data();
        double num = 0;
        double den = 0;
        for (int i = 0; i < t.length; i++) {
            num += (m[i] - t[i]) * (m[i] - t[i]);
            den += (s[i] - t[i]) * (s[i] - t[i]);
        }
        return Math.sqrt(num / den);
    }

    /**
     * examples/acoustic: inverting v and rho together lowers the error of both parameters and
     * fits the data far better than the constant-density inversion of v alone, which cannot
     * explain the density contrasts.
     */
    @Test
    void acousticInversionOfVelocityAndDensityFitsWhatConstantDensityCannot() throws IOException {
        Path dir = runExample("acoustic");
        double[] loss = list(dir.resolve("out/history.json"), "loss");
        double[] constant = list(dir.resolve("out-constant-density/history.json"), "loss");
        double v = modelError(dir, "out", "v");
        double rho = modelError(dir, "out", "rho");
        double vConstant = modelError(dir, "out-constant-density", "v");
        System.out.printf("acoustic: model error v %.3f, rho %.3f (constant density: v %.3f); loss %.3e -> %.3e, "
                + "constant density %.3e -> %.3e%n", v, rho, vConstant, loss[0], loss[loss.length - 1], constant[0],
                constant[constant.length - 1]);
        assertTrue(v < ACOUSTIC_V_ERROR, "v model error " + v);
        assertTrue(rho < ACOUSTIC_RHO_ERROR, "rho model error " + rho);
        assertTrue(vConstant > v, "constant density's v error " + vConstant + " against " + v);
        assertTrue(loss[loss.length - 1] < constant[constant.length - 1] / ACOUSTIC_LOSS_RATIO,
                "final loss " + loss[loss.length - 1] + " against constant density's " + constant[constant.length - 1]);
        assertPictures(dir.resolve("out"), "model_v.png", "model_rho.png", "loss.png");
    }

    /**
     * The 3-D example: three slices of the true model and the first shot's data cube, and 5
     * iterations of FWI that find the block again: the model error falls, and the velocity
     * at the block's centre rises toward the true one more than anywhere near the surface.
     */
    @Test
    void threeDimensionalFwiFindsTheBlockAgain() throws IOException {
        Path dir = runExample("3d");
        assertPictures(dir, "true/model_v.png", "observed/receiver_data.png", "out/model_v.png", "out/loss.png");
        Path history = dir.resolve("out/history.json");
        double[] error = values(history, "model_error");
        double[] loss = list(history, "loss");
        System.out.printf("3d: model error %s, loss %.3e -> %.3e%n", Arrays.toString(error), loss[0], loss[loss.length - 1]);
        assertEquals(5, error.length);
        assertTrue(error[4] <= 0.85, "model error after 5 iterations " + error[4]);
        assertDecreasing(loss, "the loss");
        NdArray start = npy(dir, "start/model_v.npy");
        NdArray end = npy(dir, "out/model_v.npy");
        assertEquals("[24, 32, 32]", Arrays.toString(end.shape()));
        int centre = (12 * 32 + 16) * 32 + 16;
        double rise = end.data()[centre] - start.data()[centre];
        assertTrue(rise > 60, "the block's centre rose " + rise + " m/s of the true 250");
    }

    /** Correlation of an image with the perturbation it images, below the sources' imprint (depth index 5 on). */
    private static double correlation(NdArray image, NdArray perturbation) {
        int from = 5 * image.dim(1);
        double[] a = Arrays.copyOfRange(image.data(), from, image.size());
        double[] b = Arrays.copyOfRange(perturbation.data(), from, image.size());
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void rtmImagesTheReflectorsAndLsrtmImprovesTheImage() throws IOException {
        Path dir = runExample("rtm");
        NdArray truth = npy(dir, "true/model_v.npy");
        NdArray migration = npy(dir, "migration/model_v.npy");
        double[] d = new double[truth.size()];
        Arrays.setAll(d, i -> truth.data()[i] - migration.data()[i]);
        NdArray perturbation = new NdArray(truth.shape(), d);
        double rtm = correlation(npy(dir, "rtm/model_scatter.npy"), perturbation);
        double lsrtm = correlation(npy(dir, "lsrtm/model_scatter.npy"), perturbation);
        System.out.printf("rtm: correlation with the true perturbation %.3f, lsrtm %.3f%n", rtm, lsrtm);
        assertTrue(rtm > 0.4, "the RTM image correlates with the reflectors: " + rtm);
        assertTrue(lsrtm > rtm, "LSRTM " + lsrtm + " improves on RTM " + rtm);
        assertDecreasing(list(dir.resolve("lsrtm/history.json"), "loss"), "the LSRTM loss");
        assertEquals(4.0, values(dir.resolve("rtm/summary.json"), "batches")[0], "shot batches");
        assertPictures(dir, "rtm/model_scatter.png", "lsrtm/model_scatter.png", "lsrtm/loss.png");
    }

    @Test
    void newtonLowersTheLossEveryIterationAndEndsCloserToTheTruthThanGradientDescent() throws IOException {
        Path dir = copy("hessian");
        // the example but its Hessian step (task hessian is checked against Deepwave among the reference cases)
        for (String step : List.of("true_model", "observed", "newton", "gradient_descent")) {
            Fwi.Outcome o = Fwi.runIn(dir, "run", step + ".yaml", "--quiet");
            assertEquals(0, o.exit(), step + ": " + o.err());
        }
        double[] newtonLoss = list(dir.resolve("newton/history.json"), "loss");
        double newton = values(dir.resolve("newton/summary.json"), "model_error")[0];
        double descent = values(dir.resolve("gradient_descent/summary.json"), "model_error")[0];
        System.out.printf("newton: loss %s, model error %.4f; gradient descent %.4f%n", Arrays.toString(newtonLoss), newton,
                descent);
        assertEquals(4, newtonLoss.length, "the start and three iterations");
        assertDecreasing(newtonLoss, "the Newton loss");
        assertTrue(newton < descent, "Newton's model error " + newton + " below gradient descent's " + descent);
        assertPictures(dir.resolve("newton"), "model_v.png", "iterations/gradient_v_0001.png", "loss.png");
    }

    private static double maxAbs(NdArray a, int fromRow, int toRow) {
        int cols = a.dim(1);
        double m = 0;
        for (int i = fromRow * cols; i < toRow * cols; i++) {
            m = Math.max(m, Math.abs(a.data()[i]));
        }
        return m;
    }

    /** How much the top row stands out: its largest |value| over the largest of the rows below. */
    private static double edgeRatio(NdArray g) {
        return maxAbs(g, 0, 1) / maxAbs(g, 1, g.dim(0));
    }

    @Test
    void edgeGradientsAndTheirThreeRemedies() throws IOException {
        Path dir = runExample("edge-gradients");
        NdArray pml = npy(dir, "pml/gradient_v.npy");
        double problem = edgeRatio(pml);
        double freeSurface = edgeRatio(npy(dir, "free_surface/gradient_v.npy"));
        double smoothed = edgeRatio(npy(dir, "smooth_model/mapped_gradient_v.npy"));
        System.out.printf("edge row over the rest: pml %.2f, free surface %.2f, smooth-model %.2f%n", problem, freeSurface,
                smoothed);
        assertTrue(problem > 2, "the PML puts a line of large values on the top row: " + problem);
        assertTrue(freeSurface < 1, "no such line with a free surface: " + freeSurface);
        assertTrue(smoothed < problem / 2, "smoothing spreads the line: " + smoothed);
        // clipping: the gradient limited to its 98th percentile of |g| (linear between order statistics)
        double[] sorted = Arrays.stream(pml.data()).map(Math::abs).sorted().toArray();
        double pos = 0.98 * (sorted.length - 1);
        int lo = (int) pos;
        double q = sorted[lo] + (pos - lo) * (sorted[lo + 1] - sorted[lo]);
        NdArray clipped = npy(dir, "clip/mapped_gradient_v.npy");
        for (int i = 0; i < pml.size(); i++) {
            assertEquals(Math.max(-q, Math.min(q, pml.data()[i])), clipped.data()[i], 1e-6 * q, "cell " + i);
        }
        // one step through the smoothing leaves no one-row feature at the edge
        NdArray step = npy(dir, "smooth_model_step/model_v.npy");
        int cols = step.dim(1);
        double edgeJump = 0;
        double innerJump = 0;
        for (int i = 0; i + 1 < step.dim(0); i++) {
            for (int j = 0; j < cols; j++) {
                double jump = Math.abs(step.data()[i * cols + j] - step.data()[(i + 1) * cols + j]);
                if (i == 0) {
                    edgeJump = Math.max(edgeJump, jump);
                } else {
                    innerJump = Math.max(innerJump, jump);
                }
            }
        }
        assertTrue(edgeJump < innerJump, "top-row jump " + edgeJump + " vs the largest below " + innerJump);
        assertPictures(dir, "pml/gradient_v.png", "clip/mapped_gradient_v.png", "free_surface/gradient_v.png",
                "smooth_model/mapped_gradient_v.png", "smooth_model_step/model_v.png");
    }

    @Test
    void eachMappingShapesTheGradientAsTheSeedShows() throws IOException {
        Path dir = runExample("mapping");
        NdArray raw = npy(dir, "absolute/gradient_v.npy");
        NdArray v = npy(dir, "model/model_v.npy");
        int rows = raw.dim(0);
        int cols = raw.dim(1);
        double h = 20;
        NdArray absolute = npy(dir, "absolute/mapped_gradient_v.npy");
        NdArray source = npy(dir, "source_cutout/mapped_gradient_v.npy");
        NdArray receiver = npy(dir, "receiver_cutout/mapped_gradient_v.npy");
        NdArray roi = npy(dir, "region_of_interest/mapped_gradient_v.npy");
        NdArray relative = npy(dir, "relative/mapped_gradient_v.npy");
        NdArray smooth = npy(dir, "smooth/mapped_gradient_v.npy");
        NdArray clip = npy(dir, "clip/mapped_gradient_v.npy");
        boolean smoothReachesTheCutout = false;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int k = i * cols + j;
                assertEquals(raw.data()[k], absolute.data()[k], 0, "absolute is the identity");
                boolean nearSource = Math.hypot((i - 25) * h, (j - 25) * h) <= 200;
                boolean nearReceiver = false;
                for (int r = 0; r < 10; r++) {
                    nearReceiver |= Math.hypot((i - 1) * h, (j - 5 - 15 * r) * h) <= 100;
                }
                if (nearSource) {
                    assertEquals(0, source.data()[k], 0, "source cutout at " + i + ", " + j);
                    smoothReachesTheCutout |= smooth.data()[k] != 0;
                }
                if (nearSource || nearReceiver) {
                    assertEquals(0, receiver.data()[k], 0, "receiver cutout at " + i + ", " + j);
                }
                if (i * h < 100) {
                    assertEquals(0, roi.data()[k], 0, "above the region of interest at " + i + ", " + j);
                }
                // relative deviation: g_x = m0 g on top of the same cutout and region
                assertEquals(v.data()[k] * roi.data()[k], relative.data()[k], 1e-5 * Math.abs(v.data()[k] * roi.data()[k]));
            }
        }
        assertTrue(smoothReachesTheCutout, "the smoothing preconditioner spreads the update into the cutout");
        double[] sorted = Arrays.stream(raw.data()).map(Math::abs).sorted().toArray();
        double top = Arrays.stream(clip.data()).map(Math::abs).max().orElseThrow();
        assertTrue(top < sorted[sorted.length - 1] / 5 && top >= sorted[(int) (0.94 * sorted.length)],
                "clipped near the 95th percentile: " + top);
        assertPictures(dir, "absolute/gradient_v.png", "source_cutout/mapped_gradient_v.png",
                "receiver_cutout/mapped_gradient_v.png", "region_of_interest/mapped_gradient_v.png",
                "relative/mapped_gradient_v.png", "smooth/mapped_gradient_v.png", "clip/mapped_gradient_v.png");
    }

    @Test
    void segyFieldDataRoundTripAndFwiFromTheFileAlone() throws IOException {
        Path dir = copy("segy");
        Fwi.Outcome o = Fwi.script(dir, "run.sh", "--quiet");
        assertEquals(0, o.exit(), o.err());
        // ./fwi segy info on the forward run's file: 4 shots of 40 receivers, 220 samples of 2 ms
        for (String line : List.of("revision:         2", "byte order:       big-endian", "sample format:    5 (4-byte IEEE float)",
                "traces:           160", "samples:          220", "sample interval:  2000 us", "source x:         60 to 720",
                "receiver x:       0 to 780", "shots:            4 by field record, 4 by source position")) {
            assertTrue(o.out().contains(line), "'" + line + "' in:\n" + o.out());
        }
        try (org.seiche.segy.SegyReader r = org.seiche.segy.SegyReader.open(dir.resolve("observed/receiver_data.sgy"))) {
            org.seiche.segy.Geometry g = org.seiche.segy.Geometry.read(r, org.seiche.segy.Geometry.ShotsBy.FIELD_RECORD);
            assertEquals(4, g.shots());
            assertEquals(40, g.perShot());
            // the survey of observed.yaml in metres: sources at cell (1, 6 + 22 s), receivers at (1, 2 r), 10 m cells
            for (int s = 0; s < 4; s++) {
                assertArrayEquals(new double[] {10, 0, 60 + 220 * s}, g.source(s));
                assertArrayEquals(new double[] {10, 0, 780}, g.receiver(s, 39));
            }
        }
        // FWI from the SEG-Y file alone lowers the loss and the model error; its archive holds the final model
        Path history = dir.resolve("out/history.json");
        double[] error = values(history, "model_error");
        double[] loss = list(history, "loss");
        System.out.printf("segy: model error %s, loss %.3e -> %.3e%n", Arrays.toString(error), loss[0], loss[loss.length - 1]);
        assertEquals(6, error.length);
        assertTrue(error[5] < 0.8 * error[0], "model error " + Arrays.toString(error));
        assertTrue(loss[5] < loss[0] / 5, "loss " + Arrays.toString(loss));
        NdArray model = org.seiche.hdf5.Hdf5.read(dir.resolve("out/results.h5"), "/model_v");
        assertArrayEquals(new int[] {30, 80}, model.shape());
        assertPictures(dir.resolve("out"), "model_v.png", "loss.png");
    }

    @Test
    void snapshotsMakeAGifOfTheShotAndAPngPerFrame() throws IOException {
        Path dir = runExample("snapshots");
        // 600 steps (dt needs no sub-stepping), a frame every 24: 25 frames, the last at 0.48 s
        Path json = dir.resolve("movie/snapshots/snapshots.json");
        assertEquals(25, values(json, "frames")[0]);
        double[] times = list(json, "times");
        assertEquals(25, times.length);
        assertEquals(0.48, times[24], 1e-9);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("movie/snapshots/shot_0_wavefield.gif").toFile())) {
            reader.setInput(in);
            assertEquals(25, reader.getNumImages(true), "GIF frames");
            BufferedImage first = reader.read(0);
            BufferedImage last = reader.read(24);
            int differ = 0;
            for (int y = 0; y < first.getHeight(); y++) {
                for (int x = 0; x < first.getWidth(); x++) {
                    differ += first.getRGB(x, y) != last.getRGB(x, y) ? 1 : 0;
                }
            }
            assertTrue(differ > first.getWidth() * first.getHeight() / 10, "the wave has spread: " + differ + " pixels differ");
        } finally {
            reader.dispose();
        }
        try (Stream<Path> pngs = Files.list(dir.resolve("frames/snapshots/shot_0_wavefield"))) {
            assertEquals(25, pngs.filter(f -> f.getFileName().toString().matches("frame_00[0-2][0-9]\\.png")).count());
        }
        assertTrue(Files.notExists(dir.resolve("movie/snapshots/shot_0_wavefield.npy")), "the frames' array is not kept");
    }

    /**
     * The 3-D elastic shot: three components on a line 50 m off a vertical force on a free
     * surface. The largest |v_z| moves out between receivers 30 and 55 at the Rayleigh wave's
     * speed (0.92 vs = 920 m/s in the top layer; between 700 and 1000 m/s: slower than any
     * body wave, and the picked peaks of a pulse whose shape still changes with distance
     * read it low); v_x is odd about the source's x (receivers 4 and 15, 5.5 cells either
     * side of it for v_x's half-cell shift); v_y, across the line, is largest broadside.
     */
    @Test
    void elastic3dShowsTheGroundRollOnEveryComponent() throws IOException {
        Path dir = runExample("elastic-3d");
        NdArray vz = npy(dir, "out/receiver_data.npy");
        NdArray vy = npy(dir, "out/receiver_data_1.npy");
        NdArray vx = npy(dir, "out/receiver_data_2.npy");
        for (NdArray a : List.of(vz, vy, vx)) {
            assertArrayEquals(new int[] {1, 60, 750}, a.shape());
        }
        int nt = 750;
        double dt = 0.0006;
        double near = Math.hypot(50, 5 * 20);
        double far = Math.hypot(50, 5 * 45);
        double speed = (far - near) / ((peak(vz.data(), 55 * nt, nt) - peak(vz.data(), 30 * nt, nt)) * dt);
        assertTrue(speed > 700 && speed < 1000, "ground roll moves out at " + speed + " m/s");
        double[] left = Arrays.copyOfRange(vx.data(), 4 * nt, 5 * nt);
        double[] right = Arrays.copyOfRange(vx.data(), 15 * nt, 16 * nt);
        double dot = 0;
        double ll = 0;
        double rr = 0;
        for (int t = 0; t < nt; t++) {
            dot += left[t] * right[t];
            ll += left[t] * left[t];
            rr += right[t] * right[t];
        }
        assertTrue(dot / Math.sqrt(ll * rr) < -0.99, "v_x is odd about the source: correlation " + dot / Math.sqrt(ll * rr));
        assertTrue(max(vy.data(), 10 * nt, nt) > 5 * max(vy.data(), 55 * nt, nt), "v_y is largest broadside");
        assertTrue(max(vx.data(), 55 * nt, nt) > 5 * max(vx.data(), 10 * nt, nt), "v_x is largest along the line");
        assertPictures(dir, "out/receiver_data.png", "out/receiver_data_1.png", "out/receiver_data_2.png");
    }

    private static int peak(double[] a, int from, int n) {
        int best = 0;
        for (int t = 1; t < n; t++) {
            if (Math.abs(a[from + t]) > Math.abs(a[from + best])) {
                best = t;
            }
        }
        return best;
    }

    private static double max(double[] a, int from, int n) {
        double m = 0;
        for (int t = 0; t < n; t++) {
            m = Math.max(m, Math.abs(a[from + t]));
        }
        return m;
    }
}
