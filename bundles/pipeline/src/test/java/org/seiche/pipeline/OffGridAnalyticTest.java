package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.device.cpu.CpuDevice;
import org.seiche.io.Npy;
import org.seiche.losses.MeanSquaredError;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.pipeline.file.PipelineFile;
import org.seiche.pipeline.file.Services;
import org.seiche.pipeline.file.ShotModels;

/**
 * A source between cells against the analytic 2-D Green's function (as the reference case
 * analytic_direct_2d: 1500 m/s, h = 5 m, accuracy 8, 25 Hz Ricker), and the same in 1-D and 3-D,
 * through the pipeline: Hicks interpolation against the source rounded to its nearest cell,
 * both compared with the field of the point where the source really is.
 */
class OffGridAnalyticTest {
    private static final double C = 1500;
    private static final double H = 5;
    private static final double DT = 0.00025;
    private static final int NT = 1280;
    private static final double FREQ = 25;
    private static final double PEAK = 0.06;
    private static final double[] SOURCE = {40.37, 40.62};
    private static final double[] RECEIVERS = {40, 48, 40, 56, 28, 40, 50, 50, 60, 26, 15, 45, 31.3, 52.8};
    private static final double SOURCE_1D = 40.37;
    /** None at the source: there the 1-D field has a kink |x| that no grid resolves (3 % off on a cell). */
    private static final double[] RECEIVERS_1D = {48, 28, 60, 15, 31.3, 52.8};
    /** 3-D: [z, y, x] in cells of a 28-cell cube, receivers 6 to 10 cells away in every direction. */
    private static final double[] SOURCE_3D = {13.37, 14.62, 13.8};
    private static final double[] RECEIVERS_3D = {13, 14, 23, 22, 14, 13, 7, 9, 10, 19, 20, 8, 9, 22, 16, 17, 18.5, 7.3};
    /** 0.13 s: the direct wave past the farthest receiver. */
    private static final int NT_3D = 520;

    @TempDir
    Path dir;

    @Test
    void aSourceBetweenCellsMatchesTheAnalyticFieldBetterThanItsNearestCell() throws IOException {
        Npy.write(dir.resolve("rec.npy"), new NdArray(new int[] {1, RECEIVERS.length / 2, 2}, RECEIVERS), Precision.FLOAT64);
        double[] nearestCell = {Math.rint(SOURCE[0]), Math.rint(SOURCE[1])};
        double hicks = error(SOURCE, analytic(SOURCE), "[80, 80]", NT, 20);
        double nearest = error(nearestCell, analytic(SOURCE), "[80, 80]", NT, 20);
        // the discretisation's own error: a source on that cell against its own analytic field
        double onCell = error(nearestCell, analytic(nearestCell), "[80, 80]", NT, 20);
        System.out.printf("rel-L2 against the analytic field: source at %s by Hicks %.3e, at its nearest cell %.3e;"
                + " a source on a cell %.3e%n", java.util.Arrays.toString(SOURCE), hicks, nearest, onCell);
        assertTrue(hicks < 6e-3, "Hicks " + hicks);
        assertTrue(nearest > 20 * hicks, "nearest " + nearest + ", Hicks " + hicks);
    }

    /** The same in 1-D (along x), against -h c / 2 times the integral of the wavelet: s exp(-pi^2 f^2 s^2). */
    @Test
    void aSourceBetweenCellsOfALineMatchesTheAnalyticFieldBetterThanItsNearestCell() throws IOException {
        Npy.write(dir.resolve("rec.npy"), new NdArray(new int[] {1, RECEIVERS_1D.length, 1}, RECEIVERS_1D),
                Precision.FLOAT64);
        double[] source = {SOURCE_1D};
        double[] nearestCell = {Math.rint(SOURCE_1D)};
        double hicks = error(source, analyticLine(SOURCE_1D), "[100]", NT, 20);
        double nearest = error(nearestCell, analyticLine(SOURCE_1D), "[100]", NT, 20);
        double onCell = error(nearestCell, analyticLine(nearestCell[0]), "[100]", NT, 20);
        System.out.printf("1-D rel-L2 against the analytic field: source at %s by Hicks %.3e, at its nearest cell %.3e;"
                + " a source on a cell %.3e%n", SOURCE_1D, hicks, nearest, onCell);
        assertTrue(hicks < 6e-3, "Hicks " + hicks);
        assertTrue(nearest > 20 * hicks, "nearest " + nearest + ", Hicks " + hicks);
    }

    /**
     * The same in 3-D, against the Green's function of a point source in a constant velocity,
     * u = -h^3 w(t - r/c) / (4 pi r) (the field of w(t) delta(x) / (4 pi r) times -c^2 h^3 over c^2);
     * a smaller model and PML than in 2-D (a 3-D step costs a cube). A source on a cell
     * measures the kernel against the Green's function itself.
     */
    @Test
    void aSourceBetweenCellsOfACubeMatchesTheAnalyticFieldBetterThanItsNearestCell() throws IOException {
        Npy.write(dir.resolve("rec.npy"), new NdArray(new int[] {1, RECEIVERS_3D.length / 3, 3}, RECEIVERS_3D),
                Precision.FLOAT64);
        double[] nearestCell = {Math.rint(SOURCE_3D[0]), Math.rint(SOURCE_3D[1]), Math.rint(SOURCE_3D[2])};
        double hicks = error(SOURCE_3D, analyticCube(SOURCE_3D), "[28, 28, 28]", NT_3D, 8);
        double nearest = error(nearestCell, analyticCube(SOURCE_3D), "[28, 28, 28]", NT_3D, 8);
        // the 3-D kernel against the Green's function itself: a source on a cell
        double onCell = error(nearestCell, analyticCube(nearestCell), "[28, 28, 28]", NT_3D, 8);
        System.out.printf("3-D rel-L2 against the analytic field: source at %s by Hicks %.3e, at its nearest cell %.3e;"
                + " a source on a cell %.3e%n", java.util.Arrays.toString(SOURCE_3D), hicks, nearest, onCell);
        assertTrue(onCell < 4e-3, "on a cell " + onCell);
        assertTrue(hicks < 8e-3, "Hicks " + hicks);
        assertTrue(nearest > 15 * hicks, "nearest " + nearest + ", Hicks " + hicks);
    }

    private static double[] analyticCube(double[] source) {
        int n = RECEIVERS_3D.length / 3;
        double[] u = new double[n * NT_3D];
        for (int k = 0; k < n; k++) {
            double r = H * Math.sqrt(square(RECEIVERS_3D[3 * k] - source[0]) + square(RECEIVERS_3D[3 * k + 1] - source[1])
                    + square(RECEIVERS_3D[3 * k + 2] - source[2]));
            for (int i = 0; i < NT_3D; i++) {
                u[k * NT_3D + i] = -H * H * H * ricker(i * DT - r / C) / (4 * Math.PI * r);
            }
        }
        return u;
    }

    private static double square(double x) {
        return x * x;
    }

    /**
     * The 1-D field of a source at x (cells) at every receiver: the Green's function
     * c / 2 H(t - r/c) times -c^2 h (a cell's length) convolved with the Ricker wavelet.
     */
    private static double[] analyticLine(double x) {
        double[] u = new double[RECEIVERS_1D.length * NT];
        for (int k = 0; k < RECEIVERS_1D.length; k++) {
            double r = H * Math.abs(RECEIVERS_1D[k] - x);
            for (int i = 0; i < NT; i++) {
                double s = i * DT - r / C - PEAK;
                u[k * NT + i] = -H * C / 2 * s * Math.exp(-Math.PI * Math.PI * FREQ * FREQ * s * s);
            }
        }
        return u;
    }

    /** The analytic field at every receiver of a source at this point, [receivers * nt]. */
    private static double[] analytic(double[] source) {
        double[] u = new double[RECEIVERS.length / 2 * NT];
        for (int k = 0; k < RECEIVERS.length / 2; k++) {
            double r = H * Math.hypot(RECEIVERS[2 * k] - source[0], RECEIVERS[2 * k + 1] - source[1]);
            for (int i = 0; i < NT; i++) {
                u[k * NT + i] = green(r, i * DT);
            }
        }
        return u;
    }

    /** Rel-L2 over all receivers of the pipeline's data for a source given at these cells, against the expected field. */
    private double error(double[] source, double[] expected, String shape, int nt, int pml) throws IOException {
        Npy.write(dir.resolve("src.npy"), new NdArray(new int[] {1, 1, source.length}, source), Precision.FLOAT64);
        Files.writeString(dir.resolve("p.yaml"), """
                task: forward
                precision: float64
                model: {spacing: %s, parameters: {v: {constant: %s, shape: %s}}}
                propagator: {name: scalar, accuracy: 8, pml_width: %d, pml_freq: 25.0}
                survey:
                  dt: %s
                  nt: %d
                  sources:
                    locations: {file: src.npy}
                    wavelet: {type: ricker, freq: %s, peak_time: %s}
                  receivers:
                    locations: {file: rec.npy}
                output: out
                """.formatted(H, C, shape, pml, DT, nt, FREQ, PEAK));
        PipelineSpec spec = PipelineFile.read(dir.resolve("p.yaml"), new Services(), w -> { });
        Runner.Prepared services = new Runner.Prepared(new CpuDevice(2), new ScalarPropagator(new CpuScalarKernel()),
                new MeanSquaredError(), Set.of(), new int[][] {{0}}, List.of(), null, new LocalShotExecutor());
        NdArray data = new Evaluator(spec, services, Progress.silent()).evaluate(ShotModels.shared(spec.model()), services.batches(), Set.of(),
                org.seiche.api.ShotWork.Compute.DATA).data().get(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = data.data()[i] - expected[i];
            num += d * d;
            den += expected[i] * expected[i];
        }
        return Math.sqrt(num / den);
    }

    /**
     * The 2-D field at distance r of a point source of the Ricker wavelet s injected into one
     * cell (volume h^2), in the propagator's sign: -h^2 / (2 pi) * int_0^inf s(t - r/c cosh th) dth
     * (the Green's function H(ct - r) / (2 pi c sqrt(c^2 t^2 - r^2)) times c^2 h^2, with
     * t' = r/c cosh th taking out its singularity). Before t = 0 the wavelet is below 1e-9 of its peak.
     */
    private static double green(double r, double t) {
        double top = C * t / r;
        if (top <= 1) {
            return 0;
        }
        double end = Math.log(top + Math.sqrt(top * top - 1));
        int n = Math.max(2, (int) Math.ceil(end / 5e-4));
        double step = end / n;
        double sum = 0;
        for (int j = 0; j <= n; j++) {
            double w = j == 0 || j == n ? 0.5 : 1;
            sum += w * ricker(t - r / C * Math.cosh(j * step));
        }
        return -H * H / (2 * Math.PI) * sum * step;
    }

    private static double ricker(double t) {
        double a = Math.PI * FREQ * (t - PEAK);
        a *= a;
        return (1 - 2 * a) * Math.exp(-a);
    }
}
