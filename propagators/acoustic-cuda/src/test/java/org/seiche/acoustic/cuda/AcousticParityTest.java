package org.seiche.acoustic.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.acoustic.spi.AcousticGrid;
import org.seiche.acoustic.spi.AcousticShots;
import org.seiche.acoustic.spi.AcousticSolver;
import org.seiche.acoustic.spi.PointSet;
import org.seiche.api.Precision;
import org.seiche.api.SeicheException;
import org.seiche.api.Storage;
import org.seiche.device.cuda.CudaDevice;
import org.seiche.device.cuda.CudaTesting;

/**
 * The acoustic CUDA kernels on a real GPU against the Java CPU kernel's portable loops in
 * their default mode, through the acoustic propagator, in 1, 2 and 3 dimensions: receiver
 * data and every gradient asked (v, rho or k, buoyancy, and the source amplitudes), the
 * reference cases and synthetic ones (every accuracy, free surfaces, velocity components,
 * two shots, steps stored every second or third), relative L2 within
 * {@link CudaTesting#FLOAT32} and {@link CudaTesting#FLOAT64}; the adjoint against its
 * forward run by a dot product; the reference cases against Deepwave. Skipped, with the
 * reason, where CUDA cannot run.
 */
class AcousticParityTest {
    private CudaDevice device;
    private CudaAcousticKernel kernel;

    /** Per test, so that each one is reported skipped with the reason. */
    @BeforeEach
    void gpu() {
        device = CudaTesting.deviceOrSkip("CUDA parity (acoustic)");
        kernel = new CudaAcousticKernel(device);
    }

    static Stream<AcousticCase> cases1d() {
        return AcousticCase.cases(1);
    }

    static Stream<AcousticCase> cases2d() {
        return AcousticCase.cases(2);
    }

    static Stream<AcousticCase> cases3d() {
        return AcousticCase.cases(3);
    }

    @ParameterizedTest
    @MethodSource("cases2d")
    void float32In2d(AcousticCase c) {
        compare(c, Precision.FLOAT32, CudaTesting.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases2d")
    void float64In2d(AcousticCase c) {
        compare(c, Precision.FLOAT64, CudaTesting.FLOAT64);
    }

    @ParameterizedTest
    @MethodSource("cases1d")
    void float32In1d(AcousticCase c) {
        compare(c, Precision.FLOAT32, CudaTesting.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases1d")
    void float64In1d(AcousticCase c) {
        compare(c, Precision.FLOAT64, CudaTesting.FLOAT64);
    }

    @ParameterizedTest
    @MethodSource("cases3d")
    void float32In3d(AcousticCase c) {
        compare(c, Precision.FLOAT32, CudaTesting.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases3d")
    void float64In3d(AcousticCase c) {
        compare(c, Precision.FLOAT64, CudaTesting.FLOAT64);
    }

    /** Two shots one after the other, the stored terms in host memory: 1-D, 2-D and 3-D. */
    @Test
    void shotsInRoundsOnASmallGpu() throws Exception {
        for (AcousticCase c : List.of(AcousticCase.synthetic1d(), AcousticCase.freeSurface2d(), AcousticCase.freeSurface3d())) {
            // one shot's adjoint state and sums (1 + 6 ndim grids) and a little more, far below the stored steps
            long grid = gridBytes(c, Precision.FLOAT32);
            CudaTesting.withMemoryLimit(grid * (2 + 6 * c.ndim()) * 10 / 9 + 1, () -> compare(c, Precision.FLOAT32,
                    CudaTesting.FLOAT32));
        }
    }

    /** Bytes of one grid of the case's padded domain. */
    private static long gridBytes(AcousticCase c, Precision precision) {
        int[] w = c.settings().widths(c.ndim());
        int[] shape = c.model().values().iterator().next().shape();
        long cells = 1;
        for (int d = 0; d < shape.length; d++) {
            cells *= shape[d] + w[2 * d] + w[2 * d + 1] + c.settings().accuracy();
        }
        return cells * (precision == Precision.FLOAT64 ? 8 : 4);
    }

    /** The data are linear in the source amplitudes: {@literal <F s, a> = <s, F^T a>}, in every dimension. */
    @Test
    void adjointIsTheTransposeOfTheForward() {
        for (AcousticCase c : List.of(AcousticCase.synthetic1d(), AcousticCase.freeSurface2d(), AcousticCase.freeSurface3d())) {
            AcousticCase.Result r = c.run(device, kernel, Precision.FLOAT64);
            CudaTesting.assertSourcesTranspose(c + " acoustic", c.survey(), r.data(), c.adjointSources(r.data()), r.gradients());
        }
    }

    /**
     * The reference cases on the GPU in their pipeline's precision, within their own
     * tolerances of Deepwave (compare.py's: data 1e-3, gradients 1e-2, loss 1e-3 relative).
     */
    @ParameterizedTest
    @MethodSource("references")
    void referenceMatchesDeepwave(AcousticCase c) throws Exception {
        Precision precision = c.ndim() == 1 ? Precision.FLOAT64 : Precision.FLOAT32;
        AcousticCase.Result r = c.run(device, kernel, precision);
        String what = c + " " + precision.label() + " acoustic CUDA vs Deepwave";
        CudaTesting.within(what + " receiver data", r.data().get(0), AcousticCase.read(c.name(), "expected/receiver_data.npy"),
                1e-3);
        for (String p : List.of("v", "rho")) {
            CudaTesting.within(what + " gradient_" + p, r.gradients().get(p),
                    AcousticCase.read(c.name(), "expected/gradient_" + p + ".npy"), 1e-2);
        }
        double expected = c.expectedLoss();
        double rel = Math.abs(r.loss() - expected) / Math.abs(expected);
        System.out.printf("%s loss: %.9e, Deepwave's %.9e, relative %.3e (tolerance 1e-3)%n", what, r.loss(), expected, rel);
        assertTrue(rel <= 1e-3, what + " loss: relative difference " + rel);
    }

    static Stream<AcousticCase> references() {
        return Stream.of(AcousticCase.reference1d(), AcousticCase.reference2d(), AcousticCase.reference3d());
    }

    /** A storage plan other than memory, uncompressed, is refused in one line naming the key. */
    @Test
    void otherStoragePlansAreRefused() {
        AcousticGrid grid = new AcousticGrid(new int[] {4}, 1, 1e-3, new double[][] {{0.2}}, new double[6],
                new double[][] {new double[6]}, new AcousticGrid.Pml[] {new AcousticGrid.Pml(new double[4], new double[4],
                        new double[4], new double[4])});
        PointSet none = new PointSet(new int[] {0, 0}, new int[0], new int[0], new int[0]);
        for (Storage.Plan plan : List.of(new Storage.Plan(Storage.Mode.DISK, Storage.Compression.NONE, 0, 0, 0),
                new Storage.Plan(Storage.Mode.MEMORY, Storage.Compression.INT8, 0, 0, 0))) {
            try (AcousticSolver solver = kernel.prepare(grid, Precision.FLOAT32, device)) {
                AcousticShots shots = new AcousticShots(1, 3, none, new double[0], none, 0, true, false, 1, null, plan, null);
                SeicheException e = assertThrows(SeicheException.class, () -> solver.forward(shots));
                assertEquals("propagator.storage: this device's acoustic kernel keeps its stored steps in memory, uncompressed, "
                        + "only (use device cpu)", e.getMessage());
            }
        }
    }

    private void compare(AcousticCase c, Precision precision, double tolerance) {
        AcousticCase.Result expected = c.run(AcousticCase.CPU, null, precision);
        AcousticCase.Result actual = c.run(device, kernel, precision);
        String what = c + " " + precision.label() + " acoustic CUDA vs CPU";
        for (int g = 0; g < expected.data().size(); g++) {
            CudaTesting.within(what + " receiver data " + g, actual.data().get(g), expected.data().get(g), tolerance);
        }
        assertTrue(expected.steps() > 0, what + ": the CPU's step listener heard nothing");
        assertEquals(expected.steps(), actual.steps(), what + ": shot steps the step listener heard");
        assertEquals(expected.gradients().keySet(), actual.gradients().keySet());
        assertTrue(expected.gradients().keySet().containsAll(c.gradientWrt()), expected.gradients().keySet().toString());
        for (String name : expected.gradients().keySet()) {
            CudaTesting.within(what + " gradient " + name, actual.gradients().get(name), expected.gradients().get(name), tolerance);
        }
    }
}
